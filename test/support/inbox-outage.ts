import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from '../../src/cases/migrations.js';

/**
 * Takes the inbox away from a running bot — its table dropped through a second connection, as a damaged database
 * would — and returns the function that puts it back (migration 2 again). Every accept fails meanwhile.
 */
export function breakInbox(dataDir: string): () => void {
  const intruder = new Database(path.join(dataDir, 'cases.db'));
  try {
    intruder.exec('DROP TABLE inbox');
  } catch (error) {
    intruder.close();
    throw error;
  }
  return () => {
    try {
      intruder.exec(migrations.find((step) => step.version === 2)?.sql ?? '');
    } finally {
      intruder.close();
    }
  };
}
