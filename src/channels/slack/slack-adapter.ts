import type { webApi } from '@slack/bolt';
import type { PlatformPorts } from '../conversation/index.js';

/** The ports and clients every Slack handler shares, created once by `mountSlack`. */
export interface SlackAdapter {
  /** The narrow services of the bot: conversation inbox, cases, question log, corpus, clock, logger. */
  ports: PlatformPorts;
  /** The bot's Web API client (already configured with retries and the API URL). */
  client: webApi.WebClient;
  /** Slack user ids allowed to act on cases. */
  monitoringOfficers: ReadonlySet<string>;
}
