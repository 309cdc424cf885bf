import { describeError } from '../errors.js';
import { createHttpServer } from './http-server.js';
import type { Runtime } from './runtime.js';

/**
 * `protocol-bot serve`: one HTTP server for every platform (Teams always at /api/messages; Slack when configured),
 * `/healthz`, the notice dispatcher, and graceful shutdown on SIGTERM/SIGINT. Resolves with the exit code once
 * shut down.
 */
export async function runServer(runtime: Runtime): Promise<number> {
  const { config, logger } = runtime;
  const mounted: string[] = [];
  const server = createHttpServer({
    logger,
    health: () => ({ platforms: mounted, generative: runtime.generative }),
  });

  const { mountTeams } = await import('../channels/teams/mount-teams.js');
  const teams = await mountTeams({ server, runtime });
  mounted.push('teams');
  server.onShutdown(() => teams.stop());

  if (config.SLACK_BOT_TOKEN) {
    const { mountSlack } = await import('../channels/slack/mount-slack.js');
    const slack = await mountSlack({ server, runtime });
    mounted.push(config.SLACK_APP_TOKEN ? 'slack-socket-mode' : 'slack');
    server.onShutdown(() => slack.stop());
  }

  runtime.handoff.dispatcher.start();
  server.onShutdown(() => runtime.close());
  await server.listen(config.PORT);

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
