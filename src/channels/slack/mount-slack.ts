import { App, ExpressReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { HttpServer } from '../../app/http-server.js';
import type { Runtime } from '../../app/runtime.js';
import { describeError, ProtocolBotError } from '../../errors.js';
import { AnswerQueue } from './answer-queue.js';
import { boltLogger } from './bolt-logger.js';
import { RecentIds } from './recent-ids.js';
import { registerAnswerActions } from './register-answer-actions.js';
import { registerAssistant } from './register-assistant.js';
import { registerCaseActions } from './register-case-actions.js';
import { registerQuestionListeners } from './register-question-listeners.js';
import type { SlackAdapter } from './slack-adapter.js';
import { slackClientOptions } from './slack-client-options.js';
import { createSlackHttpTransport } from './slack-http-transport.js';
import { createSlackNoticeDeliverer } from './slack-notice-deliverer.js';
import { ThreadMemory } from './thread-memory.js';
import { UserRateLimiter } from './user-rate-limiter.js';

/** Path of events, slash commands and interactivity in HTTP mode (the manifest's request URLs). */
export const slackEventsPath = '/slack/events';

/** A mounted Slack app. */
export interface MountedSlack {
  /** Closes the Socket Mode connection (HTTP mode stops with the shared server). */
  stop(): Promise<void>;
  /** `socket` when SLACK_APP_TOKEN is set, else `http`. */
  readonly mode: 'socket' | 'http';
}

/**
 * Mounts the Slack app (Bolt) on the shared server. Socket Mode when SLACK_APP_TOKEN is set (no HTTP route);
 * otherwise HTTP mode, with events, commands and interactivity at `/slack/events` on the shared express app,
 * verified with SLACK_SIGNING_SECRET. Registers the `slack` notice deliverer on the handoff dispatcher. The bot
 * token is checked with `auth.test` before this resolves, so a bad token fails at start-up, not at the first
 * question.
 */
export async function mountSlack(options: { server: HttpServer; runtime: Runtime }): Promise<MountedSlack> {
  const { server, runtime } = options;
  const { config } = runtime;
  if (!config.SLACK_BOT_TOKEN) {
    throw new ProtocolBotError('config_invalid', 'SLACK_BOT_TOKEN: required to run the Slack app');
  }
  const logger = boltLogger(runtime.logger);
  const transport = createSlackHttpTransport();
  const clientOptions = { ...slackClientOptions(config), fetch: transport.fetch };

  let receiver: Receiver;
  let mode: MountedSlack['mode'];
  if (config.SLACK_APP_TOKEN) {
    mode = 'socket';
    receiver = new SocketModeReceiver({
      appToken: config.SLACK_APP_TOKEN,
      logger,
      installerOptions: { clientOptions: { ...clientOptions } },
    });
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
    });
  }

  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    receiver,
    logger,
    clientOptions,
    // Follow-ups use the adapter's own bounded thread memory, not Bolt's conversation store.
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
    runtime,
    client: app.client,
    memory: new ThreadMemory(),
    limiter: new UserRateLimiter(config.RATE_LIMIT_PER_MINUTE, runtime.clock),
    events: new RecentIds(),
    answering: new AnswerQueue(answerConcurrency(runtime)),
    monitoringOfficers: new Set(config.MONITORING_OFFICER_SLACK_USERS),
  };
  app.error(async (error) => {
    runtime.logger.error('slack listener failed', { error: describeError(error) });
  });
  registerAssistant(app, adapter);
  registerQuestionListeners(app, adapter);
  registerAnswerActions(app, adapter);
  registerCaseActions(app, adapter);
  runtime.handoff.dispatcher.register(
    createSlackNoticeDeliverer({ client: app.client, config, logger: runtime.logger }),
  );

  if (mode === 'socket') await app.start();
  runtime.logger.info('slack app mounted', { mode });

  return {
    mode,
    async stop() {
      if (mode === 'socket') await app.stop();
      transport.close();
    },
  };
}

/**
 * Questions worked on at once. Offline answers are CPU work: on the main thread one at a time, so acknowledgements
 * are never held up; on answer threads a few per thread, so each thread always has the next one queued. Generative
 * answers mostly wait on the model.
 */
function answerConcurrency(runtime: Runtime): number {
  if (runtime.generative) return 8;
  return runtime.answerThreads > 0 ? runtime.answerThreads * 4 : 1;
}
