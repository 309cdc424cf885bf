import { readFileSync, renameSync } from 'node:fs';
import type { RegistrationStore, StoredRegistration } from './case-types.js';
import type { CaseDatabase } from './open-case-database.js';
import { inStore } from './store-errors.js';

interface RegistrationRow {
  aad_object_id: string;
  name: string | null;
  reference: string;
  registered_at: string;
}

/** Teams registrations in the case database (`teams_registrations`, migration 3). */
export function createSqliteRegistrationStore(db: CaseDatabase): RegistrationStore {
  return {
    async list() {
      return inStore('read the Teams registrations', () => {
        const rows = db
          .prepare('SELECT * FROM teams_registrations ORDER BY registered_at, aad_object_id')
          .all() as RegistrationRow[];
        return rows.map(
          (row): StoredRegistration => ({
            aadObjectId: row.aad_object_id,
            ...(row.name === null ? {} : { name: row.name }),
            reference: JSON.parse(row.reference) as Record<string, unknown>,
            registeredAt: row.registered_at,
          }),
        );
      });
    },
    async save(registration) {
      inStore('save a Teams registration', () => save(db, registration));
    },
  };
}

function save(db: CaseDatabase, registration: StoredRegistration): void {
  db.prepare(
    `INSERT INTO teams_registrations (aad_object_id, name, reference, registered_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (aad_object_id) DO UPDATE
       SET name = excluded.name, reference = excluded.reference, registered_at = excluded.registered_at`,
  ).run(
    registration.aadObjectId,
    registration.name ?? null,
    JSON.stringify(registration.reference),
    registration.registeredAt,
  );
}

/**
 * Moves registrations from `teams-registrations.json` (where releases before the case database held them) into the
 * table, once: the file is renamed `.imported` afterwards so a later registration is never overwritten by it.
 */
export function importRegistrationsFile(db: CaseDatabase, file: string): number {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const parsed = JSON.parse(raw) as { registrations?: StoredRegistration[] };
  const registrations = parsed.registrations ?? [];
  db.transaction(() => {
    for (const registration of registrations) save(db, registration);
  }).immediate();
  renameSync(file, `${file}.imported`);
  return registrations.length;
}
