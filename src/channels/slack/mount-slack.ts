import { App, ExpressReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import { describeError, ProtocolBotError } from '../../errors.js';
import type { ChatPlatform, PlatformPorts, PlatformRoutes } from '../conversation/index.js';
import { acknowledgeAfterListeners } from './acknowledge-after-listeners.js';
import { boltLogger } from './bolt-logger.js';
import { registerAnswerActions } from './register-answer-actions.js';
import { registerAssistant } from './register-assistant.js';
import { registerCaseActions } from './register-case-actions.js';
import { registerQuestionListeners } from './register-question-listeners.js';
import type { SlackAdapter } from './slack-adapter.js';
import { slackClientOptions } from './slack-client-options.js';
import { readSlackDelivery } from './slack-delivery.js';
import { createSlackHttpTransport } from './slack-http-transport.js';
import { createSlackNoticeDeliverer } from './slack-notice-deliverer.js';

/** Path of events, slash commands and interactivity in HTTP mode (the manifest's request URLs). */
export const slackEventsPath = '/slack/events';

/** A mounted Slack app. */
export interface MountedSlack extends ChatPlatform {
  /** `socket` when SLACK_APP_TOKEN is set, else `http`. */
  readonly mode: 'socket' | 'http';
}

/**
 * Mounts the Slack app (Bolt) on the shared server. Socket Mode when SLACK_APP_TOKEN is set (no HTTP route);
 * otherwise HTTP mode, with events, commands and interactivity at `/slack/events` on the shared express app,
 * verified with SLACK_SIGNING_SECRET. Either way a question is written to the durable inbox before Slack is
 * acknowledged: over HTTP Bolt's `processBeforeResponse` holds the response until the listener has accepted it, and
 * in Socket Mode the envelope's acknowledgement is held the same way. Registers the `slack` notice deliverer and
 * the reader of stored Slack questions. The bot token is checked with `auth.test` before this resolves, so a bad
 * token fails at start-up, not at the first question.
 */
export async function mountSlack(server: PlatformRoutes, ports: PlatformPorts): Promise<MountedSlack> {
  const { config } = ports;
  if (!config.SLACK_BOT_TOKEN) {
    throw new ProtocolBotError('config_invalid', 'SLACK_BOT_TOKEN: required to run the Slack app');
  }
  const logger = boltLogger(ports.logger);
  const transport = createSlackHttpTransport();
  const clientOptions = { ...slackClientOptions(config), fetch: transport.fetch };

  let receiver: Receiver;
  let mode: MountedSlack['mode'];
  if (config.SLACK_APP_TOKEN) {
    mode = 'socket';
    receiver = acknowledgeAfterListeners(
      new SocketModeReceiver({
        appToken: config.SLACK_APP_TOKEN,
        logger,
        installerOptions: { clientOptions: { ...clientOptions } },
      }),
    );
  } else {
    if (!config.SLACK_SIGNING_SECRET) {
      throw new ProtocolBotError(
        'config_invalid',
        'SLACK_SIGNING_SECRET: required for Slack in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
      );
    }
    mode = 'http';
    receiver = new ExpressReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET,
      logger,
      app: server.app,
      endpoints: slackEventsPath,
      // Listeners only write the question to the inbox (milliseconds); the answer follows after the response.
      processBeforeResponse: true,
    });
  }

  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    receiver,
    logger,
    clientOptions,
    // Follow-ups use the conversation flow's bounded memory, not Bolt's conversation store.
    convoStore: false,
    deferInitialization: true,
  });
  try {
    await app.init();
  } catch (error) {
    throw new ProtocolBotError(
      'platform_failed',
      `SLACK_BOT_TOKEN: Slack did not accept the token (${describeError(error)})`,
      { cause: error },
    );
  }

  const adapter: SlackAdapter = {
    ports,
    client: app.client,
    monitoringOfficers: new Set(config.MONITORING_OFFICER_SLACK_USERS),
  };
  app.error(async (error) => {
    ports.logger.error('slack listener failed', { error: describeError(error) });
    // A question the inbox could not take must not be acknowledged: rethrown, Slack sends it again.
    if (ProtocolBotError.isInstance(error) && error.code === 'inbox_unavailable') throw error;
  });
  registerAssistant(app, adapter);
  registerQuestionListeners(app, adapter);
  registerAnswerActions(app, adapter);
  registerCaseActions(app, adapter);
  ports.notices.register(createSlackNoticeDeliverer({ client: app.client, config, logger: ports.logger }));
  ports.conversation.register('slack', (entry) => readSlackDelivery(adapter, entry));

  if (mode === 'socket') await app.start();
  ports.logger.info('slack app mounted', { mode });

  return {
    mode,
    label: mode === 'socket' ? 'slack-socket-mode' : 'slack',
    async stop() {
      if (mode === 'socket') await app.stop();
      transport.close();
    },
  };
}
