import { userInfo } from 'node:os';
import type { Asker } from '../../answer/index.js';

/** The asker for questions typed at this terminal. */
export function terminalAsker(): Asker {
  let name = 'cli';
  try {
    name = userInfo().username;
  } catch {
    // Containers without a passwd entry have no user name; "cli" is the documented fallback.
  }
  return { platform: 'cli', userId: name, displayName: name };
}
