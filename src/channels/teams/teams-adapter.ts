import type { PlatformPorts } from '../conversation/index.js';
import type { BoundedMap } from './bounded-map.js';
import type { MonitoringOfficerRegistry } from './monitoring-officer-registry.js';
import type { TeamsMessenger } from './teams-messenger.js';

/** The ports and clients every Teams handler shares, created once by `mountTeams`. */
export interface TeamsAdapter {
  /** The narrow services of the bot: conversation inbox, cases, question log, corpus, clock, logger. */
  ports: PlatformPorts;
  messenger: TeamsMessenger;
  /** Monitoring Officers' personal chats, for case notices. */
  registry: MonitoringOfficerRegistry;
  /** AAD object ids allowed to register and act on cases (MONITORING_OFFICER_TEAMS_IDS). */
  monitoringOfficers: ReadonlySet<string>;
  /** Bot message id → question-log id, so thumbs up / down find their question (memory only). */
  feedbackTargets: BoundedMap<string, string>;
}
