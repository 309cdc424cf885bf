import path from 'node:path';
import type { HandoffRuntime } from '../../cases/open-handoff.js';
import type { CliIo } from '../../channels/terminal/index.js';
import { ProtocolBotError } from '../../errors.js';

/**
 * `protocol-bot backup FILE`: a consistent copy of the case database, taken with SQLite's online backup while the
 * bot keeps running (copying `cases.db` by hand can miss what is still in its `-wal` file). Restoring is copying
 * FILE back to `DATA_DIR/cases.db` while the bot is stopped (see the README).
 */
export async function runBackupCommand(
  target: string | undefined,
  io: CliIo,
  handoff: HandoffRuntime,
  options: { liveFile: string },
): Promise<number> {
  if (!target) throw new ProtocolBotError('usage', 'backup needs a file to write: protocol-bot backup FILE');
  const file = path.resolve(target);
  if (file === path.resolve(options.liveFile)) {
    throw new ProtocolBotError('usage', `backup: ${file} is the live case database; choose another file`);
  }
  await handoff.backup(file);
  const cases = (await handoff.cases.list({})).length;
  io.stdout.write(`Backed up ${path.resolve(options.liveFile)} (${cases} cases) to ${file}\n`);
  return 0;
}
