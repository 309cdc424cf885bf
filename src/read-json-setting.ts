import { readFileSync } from 'node:fs';
import { ProtocolBotError } from './errors.js';

/**
 * Reads a JSON file named by a setting (PROTOCOL_BOT_CONFIG, POLICY_FILE, BANK_HOLIDAYS_FILE). A missing or
 * malformed file is a `config_invalid` error that names the setting, the file and what went wrong.
 */
export function readJsonSetting(setting: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new ProtocolBotError(
      'config_invalid',
      `${setting}: cannot read ${file} as JSON (${(cause as Error).message})`,
      { cause },
    );
  }
}
