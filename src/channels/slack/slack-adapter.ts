import type { webApi } from '@slack/bolt';
import type { Runtime } from '../../app/runtime.js';
import type { AnswerQueue } from './answer-queue.js';
import type { RecentIds } from './recent-ids.js';
import type { ThreadMemory } from './thread-memory.js';
import type { UserRateLimiter } from './user-rate-limiter.js';

/** The state and clients every Slack handler shares, created once by `mountSlack`. */
export interface SlackAdapter {
  runtime: Runtime;
  /** The bot's Web API client (already configured with retries and the API URL). */
  client: webApi.WebClient;
  /** Recent questions per thread, for follow-ups. */
  memory: ThreadMemory;
  /** Per-user flood protection. */
  limiter: UserRateLimiter;
  /** Event ids already handled, so retried deliveries never produce a second answer. */
  events: RecentIds;
  /** Paces pipeline work so acknowledgements are never starved. */
  answering: AnswerQueue;
  /** Slack user ids allowed to act on cases. */
  monitoringOfficers: ReadonlySet<string>;
}
