import type { Server } from 'node:http';
import express, { type Express } from 'express';
import type { Logger } from '../logger.js';

/** The one HTTP server every platform attaches to (Slack HTTP mode at /slack/events, Teams at /api/messages). */
export interface HttpServer {
  /** Express app: platforms mount their routes here before `listen`. */
  readonly app: Express;
  /** Starts listening; resolves with the bound port (useful with port 0 in tests). */
  listen(port: number, host?: string): Promise<number>;
  /** Registers work to run on shutdown (stop Socket Mode, flush the outbox), in order. */
  onShutdown(task: () => Promise<void> | void): void;
  /** Stops accepting connections, runs shutdown tasks, and closes the server. */
  close(): Promise<void>;
}

/** Extra fields for `/healthz`; with `unavailable`, the server answers 503 and says why. */
export type HealthReport = Record<string, unknown> & { unavailable?: string };

/**
 * Creates the shared HTTP server with `/healthz`. `health` returns extra fields for the health report (e.g. which
 * platforms are mounted, whether the database answers); it must be quick. A report with `unavailable` turns the
 * answer into 503 `{status: 'unavailable', reason}`, so a load balancer stops sending this replica traffic.
 */
export function createHttpServer(options: {
  logger: Logger;
  health?: () => HealthReport | Promise<HealthReport>;
}): HttpServer {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', async (_request, response) => {
    const { unavailable, ...report } = (await options.health?.()) ?? {};
    if (unavailable === undefined) {
      response.json({ status: 'ok', ...report });
      return;
    }
    response.status(503).json({ status: 'unavailable', reason: unavailable, ...report });
  });
  const shutdownTasks: Array<() => Promise<void> | void> = [];
  let server: Server | undefined;

  return {
    app,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        const started = app.listen(port, host, (error?: Error) => {
          if (error) {
            reject(error);
            return;
          }
          const address = started.address();
          const bound = typeof address === 'object' && address ? address.port : port;
          options.logger.info('http server listening', { port: bound });
          resolve(bound);
        });
        server = started;
      });
    },
    onShutdown(task) {
      shutdownTasks.push(task);
    },
    async close() {
      for (const task of shutdownTasks) {
        try {
          await task();
        } catch (error) {
          options.logger.error('shutdown task failed', { error: String(error) });
        }
      }
      const running = server;
      if (!running) return;
      await new Promise<void>((resolve) => {
        running.close(() => resolve());
        running.closeAllConnections?.();
      });
    },
  };
}
