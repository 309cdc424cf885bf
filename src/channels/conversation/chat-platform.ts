import type { Express } from 'express';
import type { CaseService, NoticeDeliverer, QuestionLog, RegistrationStore } from '../../cases/index.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Clause, DocumentMeta } from '../../corpus/index.js';
import type { Logger } from '../../logger.js';
import type { ConversationInbox } from './conversation-inbox.js';

/**
 * The few services a chat platform adapter uses — never the whole runtime. Questions go in through the
 * conversation inbox; the Monitoring Officer's tools act on cases; feedback goes to the question log.
 */
export interface PlatformPorts {
  config: Config;
  logger: Logger;
  clock: Clock;
  /** Accepts a platform's deliveries (before it acknowledges them) and answers them through the one flow. */
  conversation: ConversationInbox;
  /** Claim, answer, close and view cases (the Monitoring Officer's buttons). */
  cases: CaseService;
  /** Feedback on logged answers. */
  questions: Pick<QuestionLog, 'recordFeedback'>;
  /** Monitoring Officers' Teams registrations (in the shared store, so every replica sees them). */
  registrations: RegistrationStore;
  /** The documents and clauses answers cite (renderers' warnings, "Show clause"). */
  corpus: { documents: ReadonlyMap<string, DocumentMeta>; clauses: readonly Clause[] };
  /** Where a platform registers the deliverer of its Monitoring Officer notices. */
  notices: { register(deliverer: NoticeDeliverer): void };
}

/** The shared HTTP server as a platform sees it: the express app to mount its routes on. */
export interface PlatformRoutes {
  readonly app: Express;
}

/** A mounted chat platform. */
export interface ChatPlatform {
  /** Shown in `/healthz` (`slack`, `slack-socket-mode`, `teams`). */
  readonly label: string;
  /** Closes connections of its own (Socket Mode); HTTP routes stop with the shared server. */
  stop(): Promise<void>;
}

/**
 * One chat platform as `serve` sees it: whether the configuration turns it on, and how to mount it — its routes on
 * the shared HTTP server, its notice deliverer, its reader of stored deliveries. Adding a platform is a folder
 * exporting one of these and one line in `serve`'s list.
 */
export interface ChatPlatformFactory {
  readonly name: string;
  enabled(config: Config): boolean;
  mount(server: PlatformRoutes, ports: PlatformPorts): Promise<ChatPlatform>;
}
