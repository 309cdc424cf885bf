import { describeError } from '../errors.js';
import { mountChatPlatforms } from './chat-platforms.js';
import { createHttpServer } from './http-server.js';
import type { Runtime } from './runtime.js';

/** How often a server looks for cases answered outside it (see `CaseLearning`). */
export const learnEveryMs = 5 * 60_000;

/**
 * `protocol-bot serve`: one HTTP server for every configured platform (Teams at /api/messages when MICROSOFT_APP_ID
 * or TEAMS_ALLOW_ANONYMOUS is set; Slack when SLACK_BOT_TOKEN is), `/healthz`, the notice dispatcher, the conversation
 * inbox (answering what a killed process left pending), and graceful shutdown on SIGTERM/SIGINT. Resolves with the
 * exit code once shut down. A failure to start (a bad setting or token, the port in use) closes everything already
 * opened, answer threads included, and rejects, so the process exits instead of lingering without listening.
 */
export async function runServer(runtime: Runtime): Promise<number> {
  const { config, logger } = runtime;
  const mounted: string[] = [];
  const server = createHttpServer({
    logger,
    health: async () => {
      const database = await runtime.handoff.health();
      return {
        platforms: mounted,
        generative: runtime.generative,
        database: runtime.handoff.database,
        ...(database.ok ? {} : { unavailable: database.reason }),
      };
    },
  });

  try {
    const { conversation, platforms } = await mountChatPlatforms(server, runtime);
    for (const platform of platforms) {
      mounted.push(platform.label);
      server.onShutdown(() => platform.stop());
    }
    server.onShutdown(() => conversation.stop());
    runtime.handoff.dispatcher.start();
    // Answers recorded elsewhere (the CLI beside this server, another replica) are learned within minutes.
    const learning = setInterval(() => void runtime.learning.refresh(runtime.handoff.cases), learnEveryMs);
    learning.unref();
    server.onShutdown(async () => clearInterval(learning));
    await server.listen(config.PORT, config.HOST);
    server.onShutdown(() => runtime.close());
    conversation.start();
  } catch (error) {
    // Closing the answer threads matters: a running worker keeps the process alive after the error is reported.
    await server.close();
    await runtime.close();
    throw error;
  }

  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info('shutting down', { signal });
      server.close().then(
        () => resolve(0),
        (error) => {
          logger.error('shutdown failed', { error: describeError(error) });
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
