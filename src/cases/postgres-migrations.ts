/**
 * Numbered schema steps for PostgreSQL, the same tables as the SQLite migrations (text ISO timestamps and JSON
 * text, so both stores compare and return the same values). `schema_migrations` records each step applied; a new
 * step is appended, never edited. Case references come from `case_counters`, one row per year, incremented in
 * the transaction that inserts the case, so a rolled-back case gives its number back and concurrent replicas queue
 * on that row instead of racing for MAX(sequence) + 1.
 */
export const postgresMigrations: readonly { version: number; description: string; sql: string }[] = [
  {
    version: 1,
    description: 'cases, case history, outbox, question log, feedback, inbox, Teams registrations',
    sql: `
      CREATE TABLE store_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE case_counters (
        year INTEGER PRIMARY KEY,
        last_sequence INTEGER NOT NULL
      );
      CREATE TABLE cases (
        reference TEXT PRIMARY KEY,
        year INTEGER NOT NULL,
        sequence INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'answered', 'closed')),
        asker_platform TEXT NOT NULL,
        asker_user_id TEXT NOT NULL,
        asker_display_name TEXT,
        reply_to TEXT,
        public_channel INTEGER NOT NULL,
        question TEXT NOT NULL,
        reason TEXT NOT NULL,
        topic TEXT NOT NULL,
        sensitive INTEGER NOT NULL,
        citations TEXT NOT NULL,
        assignee TEXT NOT NULL,
        assignee_role TEXT NOT NULL CHECK (assignee_role IN ('monitoring_officer', 'deputy')),
        due_date TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_on TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        claimed_by TEXT,
        first_response_at TEXT,
        answer TEXT,
        answered_at TEXT,
        closed_at TEXT,
        event_id TEXT UNIQUE,
        UNIQUE (year, sequence)
      );
      CREATE INDEX cases_status ON cases (status, due_date);
      CREATE TABLE case_events (
        id BIGSERIAL PRIMARY KEY,
        case_reference TEXT NOT NULL REFERENCES cases (reference),
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT,
        detail TEXT NOT NULL
      );
      CREATE INDEX case_events_case ON case_events (case_reference, id);
      CREATE TABLE outbox (
        id BIGSERIAL PRIMARY KEY,
        case_reference TEXT NOT NULL REFERENCES cases (reference),
        kind TEXT NOT NULL,
        platform TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'delivering', 'delivered', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        lease_expires_at TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        delivered_at TEXT
      );
      CREATE INDEX outbox_due ON outbox (state, platform, next_attempt_at);
      CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        asked_at TEXT NOT NULL,
        asked_on TEXT NOT NULL,
        platform TEXT NOT NULL,
        user_hash TEXT,
        decision TEXT NOT NULL,
        citations TEXT NOT NULL,
        case_reference TEXT,
        question TEXT,
        purged_at TEXT
      );
      CREATE INDEX questions_asked_on ON questions (asked_on);
      CREATE INDEX questions_asked_at ON questions (asked_at);
      CREATE TABLE feedback (
        id BIGSERIAL PRIMARY KEY,
        question_id TEXT NOT NULL REFERENCES questions (id),
        at TEXT NOT NULL,
        rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        user_hash TEXT NOT NULL,
        comment TEXT
      );
      CREATE INDEX feedback_question ON feedback (question_id);
      CREATE TABLE inbox (
        id BIGSERIAL PRIMARY KEY,
        platform TEXT NOT NULL,
        delivery_id TEXT NOT NULL,
        payload TEXT,
        reply_to TEXT,
        state TEXT NOT NULL CHECK (state IN ('pending', 'processing', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        lease_owner TEXT,
        lease_expires_at TEXT,
        last_error TEXT,
        received_at TEXT NOT NULL,
        finished_at TEXT,
        UNIQUE (platform, delivery_id)
      );
      CREATE INDEX inbox_due ON inbox (state, next_attempt_at);
      CREATE TABLE teams_registrations (
        aad_object_id TEXT PRIMARY KEY,
        name TEXT,
        reference TEXT NOT NULL,
        registered_at TEXT NOT NULL
      );
      -- Salt for hashing user ids in the question log: it can count distinct askers without naming them.
      INSERT INTO store_meta (key, value) VALUES ('user_hash_salt', md5(random()::text || clock_timestamp()::text));
    `,
  },
  {
    version: 2,
    description: 'the clauses a Monitoring Officer names as answering a case',
    sql: `
      ALTER TABLE cases ADD COLUMN answer_clauses TEXT NOT NULL DEFAULT '[]';
    `,
  },
];

/** The PostgreSQL schema version this code expects. */
export const latestPostgresSchemaVersion = postgresMigrations.at(-1)?.version ?? 0;
