import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { ProtocolBotError } from './errors.js';
import { readJsonSetting } from './read-json-setting.js';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
const url = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.url({ message: 'must be a URL such as http://127.0.0.1:8080/' }).optional());
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every setting, read from the environment (and optionally a JSON file named by PROTOCOL_BOT_CONFIG whose keys are
 * the same names; the environment wins). The README's configuration table lists the same keys.
 */
export const configSchema = z.object({
  /** Where the index, the case database and logs live. */
  DATA_DIR: z.string().default('./data'),
  /**
   * `postgres://user:password@host:5432/db`: keep every piece of state (cases, outbox, question log, inbox, Teams
   * registrations) in PostgreSQL, shared by every replica and the officer's CLI. Unset: SQLite in DATA_DIR.
   */
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/[^/\s]+(\/[^\s]*)?$/, {
        message: 'must be a PostgreSQL URL such as postgres://user:password@db.example:5432/protocol_bot',
      })
      .optional(),
  ),
  /** Folder with manifest.json and the document texts. */
  CORPUS_DIR: z.string().default('./corpus'),
  /** debug, info, warn or error. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** HTTP port for `serve` (Slack HTTP mode, Teams, /healthz). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address `serve` listens on: `0.0.0.0` (every interface), `127.0.0.1` behind a reverse proxy on the same host. */
  HOST: z
    .string()
    .trim()
    .min(1, { message: 'must be an address such as 0.0.0.0 or 127.0.0.1' })
    .default('0.0.0.0'),
  /** `production` forbids unauthenticated Teams traffic. */
  NODE_ENV: optionalText,
  /** Extra policy rules (JSON) merged into the built-in table. */
  POLICY_FILE: optionalText,
  /** A decision model written by `protocol-bot train` (default: the shipped `models/decision-model.json`). */
  DECISION_MODEL_FILE: optionalText,

  /** OpenAI or OpenAI-compatible key. */
  OPENAI_API_KEY: optionalText,
  /** OpenAI-compatible base URL (Ollama, vLLM, a gateway). */
  OPENAI_BASE_URL: url,
  /** Chat model; setting it turns the generative path on. */
  OPENAI_MODEL: optionalText,
  /** Embedding model; setting it replaces the offline embedder. */
  OPENAI_EMBEDDING_MODEL: optionalText,
  /** Offline dense embedder: the pre-trained sentence encoder (default) or TF-IDF/SVD fitted on the corpus. */
  DENSE_EMBEDDER: z.enum(['encoder', 'tfidf']).default('encoder'),
  /** Per-call timeout for the model, in milliseconds. */
  OPENAI_TIMEOUT_MS: positiveInt(20_000),
  /** Retries for retryable model errors (429, 5xx). */
  OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  /** Azure OpenAI key (use with the other AZURE_OPENAI_* settings instead of OPENAI_API_KEY). */
  AZURE_OPENAI_API_KEY: optionalText,
  /** Azure OpenAI resource endpoint, https://NAME.openai.azure.com/. */
  AZURE_OPENAI_ENDPOINT: url,
  /** Azure chat deployment name. */
  AZURE_OPENAI_DEPLOYMENT: optionalText,
  /** Azure embedding deployment name. */
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT: optionalText,
  /** Azure API version. */
  AZURE_OPENAI_API_VERSION: z.string().default('2024-10-21'),

  /** Slack bot token (xoxb-…). */
  SLACK_BOT_TOKEN: optionalText,
  /** Slack signing secret (HTTP mode). */
  SLACK_SIGNING_SECRET: optionalText,
  /** Slack app-level token (xapp-…); turns Socket Mode on. */
  SLACK_APP_TOKEN: optionalText,
  /** Override of the Slack Web API base URL (tests, proxies). */
  SLACK_API_URL: url,
  /** Slack channel id where case notices go. */
  MONITORING_OFFICER_SLACK_CHANNEL: optionalText,
  /** Slack user ids allowed to act on cases (comma-separated). */
  MONITORING_OFFICER_SLACK_USERS: list,

  /** Azure bot registration app id; setting it turns Teams on (every request must carry a Bot Service token). */
  MICROSOFT_APP_ID: optionalText,
  /** Azure bot registration client secret. */
  MICROSOFT_APP_PASSWORD: optionalText,
  /** Tenant id (single-tenant bots). */
  MICROSOFT_APP_TENANT_ID: optionalText,
  /** AAD object ids allowed to register as Monitoring Officer in Teams (comma-separated). */
  MONITORING_OFFICER_TEAMS_IDS: list,
  /**
   * Turns Teams on without an app id, for local testing (Agents Playground, Bot Framework Emulator): requests are not
   * authenticated and replies go only to loopback addresses. Refused when NODE_ENV=production.
   */
  TEAMS_ALLOW_ANONYMOUS: flag,
  /**
   * Hosts Teams replies may be sent to (comma-separated; `*.example.com` matches its subdomains); replaces the default
   * list of Microsoft's Bot Framework and Teams hosts.
   */
  TEAMS_SERVICE_URL_ALLOWLIST: list,

  /** Name of the Monitoring Officer shown to askers. */
  MONITORING_OFFICER_NAME: z.string().default('the Monitoring Officer'),
  /** Name of the deputy Monitoring Officer. */
  DEPUTY_MONITORING_OFFICER_NAME: z.string().default('the Deputy Monitoring Officer'),
  /** When true, new cases go to the deputy. */
  MONITORING_OFFICER_ABSENT: flag,
  /** Working days within which a case must be answered (Part 5C §6.2 standard: two). */
  SERVICE_STANDARD_WORKING_DAYS: positiveInt(2),
  /** JSON file of bank holidays (YYYY-MM-DD list); defaults to the shipped England and Wales list. */
  BANK_HOLIDAYS_FILE: optionalText,
  /** Days after which question text is purged from the question log. */
  QUESTION_RETENTION_DAYS: positiveInt(365),
  /** Questions a user may ask per minute on a chat platform. */
  RATE_LIMIT_PER_MINUTE: positiveInt(20),
  /**
   * Seconds a chat question in the durable inbox stays leased to the process answering it (renewed while it
   * works). A process killed mid-answer leaves its questions to be answered once this runs out.
   */
  INBOX_LEASE_SECONDS: positiveInt(30),
  /**
   * Worker threads that compute answers in `serve`: `auto` (one fewer than the CPUs, at most 4) or a number; 0
   * answers on the main thread. Each thread holds its own copy of the index.
   */
  ANSWER_WORKERS: z
    .union([z.literal('auto'), z.coerce.number().int().min(0).max(16)], {
      error: 'must be auto or a whole number from 0 to 16',
    })
    .default('auto')
    .transform((value) => (value === 'auto' ? Math.min(4, Math.max(0, availableParallelism() - 1)) : value)),
});

/** Validated configuration. */
export type Config = z.infer<typeof configSchema>;

/**
 * Parses configuration from `env` (default: process.env) and the optional PROTOCOL_BOT_CONFIG file. A bad value
 * throws a `config_invalid` error naming the key and what is wrong with it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const fromFile = readConfigFile(env.PROTOCOL_BOT_CONFIG);
  const merged: Record<string, unknown> = { ...fromFile };
  for (const key of Object.keys(configSchema.shape)) {
    if (env[key] !== undefined) merged[key] = env[key];
  }
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ProtocolBotError('config_invalid', `Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

function readConfigFile(file: string | undefined): Record<string, unknown> {
  if (!file) return {};
  const raw = readJsonSetting('PROTOCOL_BOT_CONFIG', file);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ProtocolBotError('config_invalid', `PROTOCOL_BOT_CONFIG: ${file} must hold a JSON object`);
  }
  const known = new Set(Object.keys(configSchema.shape));
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!known.has(key)) {
      throw new ProtocolBotError('config_invalid', `${key}: unknown setting in ${file}`);
    }
    values[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return values;
}

/** True when the generative path is configured (issue: generative answers). */
export function chatModelConfigured(config: Config): boolean {
  return Boolean(
    (config.OPENAI_MODEL && (config.OPENAI_API_KEY || config.OPENAI_BASE_URL)) ||
      (config.AZURE_OPENAI_DEPLOYMENT && config.AZURE_OPENAI_ENDPOINT && config.AZURE_OPENAI_API_KEY),
  );
}
