/**
 * Numbered schema steps. `PRAGMA user_version` holds the number of the last step applied; a new step is appended,
 * never edited, so every existing database can be brought forward.
 */
export const migrations: readonly { version: number; description: string; sql: string }[] = [
  {
    version: 1,
    description: 'cases, case history, outbox, question log, feedback',
    sql: `
      CREATE TABLE store_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
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
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_reference TEXT NOT NULL REFERENCES cases (reference),
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT,
        detail TEXT NOT NULL
      );
      CREATE INDEX case_events_case ON case_events (case_reference, id);
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
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
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        question_id TEXT NOT NULL REFERENCES questions (id),
        at TEXT NOT NULL,
        rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        user_hash TEXT NOT NULL,
        comment TEXT
      );
      CREATE INDEX feedback_question ON feedback (question_id);
      -- Salt for hashing user ids in the question log: it can count distinct askers without naming them.
      INSERT INTO store_meta (key, value) VALUES ('user_hash_salt', lower(hex(randomblob(16))));
    `,
  },
  {
    version: 2,
    description: 'durable inbox of accepted chat deliveries (also the retry dedupe)',
    sql: `
      CREATE TABLE inbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL,
        delivery_id TEXT NOT NULL,
        -- JSON; erased (NULL) once done, so question text is not kept longer than the question log keeps it.
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
    `,
  },
  {
    version: 3,
    description: "Monitoring Officers' Teams registrations (were teams-registrations.json)",
    sql: `
      CREATE TABLE teams_registrations (
        aad_object_id TEXT PRIMARY KEY,
        name TEXT,
        -- JSON: the conversation reference of their personal chat with the bot.
        reference TEXT NOT NULL,
        registered_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    description: 'the clauses a Monitoring Officer names as answering a case',
    sql: `
      -- JSON [document, clause][]: what the question bank learns from.
      ALTER TABLE cases ADD COLUMN answer_clauses TEXT NOT NULL DEFAULT '[]';
    `,
  },
];

/** The schema version this code expects. */
export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
