import { ProtocolBotError } from '../../errors.js';

/** Flags and positional arguments of one command line. */
export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/**
 * Splits `--flag`, `--key value`, `--key=value` and positionals. `valued` lists flags that take a value; any other
 * flag is boolean. `known` (when given) rejects unknown flags as usage errors.
 */
export function parseArgs(args: string[], valued: string[] = [], known?: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--') {
      positional.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (known && !known.includes(name) && !valued.includes(name)) {
      throw new ProtocolBotError('usage', `unknown option --${name}`);
    }
    if (valued.includes(name)) {
      const value = inline ?? args[index + 1];
      if (value === undefined) throw new ProtocolBotError('usage', `--${name} needs a value`);
      if (inline === undefined) index += 1;
      flags.set(name, value);
    } else {
      flags.set(name, inline ?? true);
    }
  }
  return { positional, flags };
}
