import type { RegistrationStore, StoredRegistration } from './case-types.js';
import type { PostgresDatabase } from './postgres-database.js';

interface RegistrationRow {
  aad_object_id: string;
  name: string | null;
  reference: string;
  registered_at: string;
}

/** Teams registrations in PostgreSQL: a Monitoring Officer registered through one replica is known to all. */
export function createPostgresRegistrationStore(database: PostgresDatabase): RegistrationStore {
  return {
    async list() {
      const rows = await database.query<RegistrationRow>(
        'read the Teams registrations',
        'SELECT * FROM teams_registrations ORDER BY registered_at, aad_object_id',
      );
      return rows.map(
        (row): StoredRegistration => ({
          aadObjectId: row.aad_object_id,
          ...(row.name === null ? {} : { name: row.name }),
          reference: JSON.parse(row.reference) as Record<string, unknown>,
          registeredAt: row.registered_at,
        }),
      );
    },
    async save(registration) {
      await database.query(
        'save a Teams registration',
        `INSERT INTO teams_registrations (aad_object_id, name, reference, registered_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (aad_object_id) DO UPDATE
           SET name = excluded.name, reference = excluded.reference, registered_at = excluded.registered_at`,
        [
          registration.aadObjectId,
          registration.name ?? null,
          JSON.stringify(registration.reference),
          registration.registeredAt,
        ],
      );
    },
  };
}
