import type { Server } from 'node:http';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { describeError, ProtocolBotError } from '../errors.js';
import type { Logger } from '../logger.js';

/** Extra fields for `/healthz`; with `unavailable`, the server answers 503 and says why. */
export type HealthReport = Record<string, unknown> & { unavailable?: string };

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

/**
 * Creates the shared HTTP server with `/healthz`. `health` returns extra fields for the health report (e.g. which
 * platforms are mounted, whether the database answers); it must be quick. A report with `unavailable` turns the
 * answer into 503 `{status: 'unavailable', reason}`, so a load balancer stops sending this replica traffic. Unknown
 * paths answer 404 and failed requests a short JSON error (never an HTML page with a stack trace), logged on one line.
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
      // Last in the chain, after every platform's routes.
      app.use((_request, response) => {
        response.status(404).json({ error: 'not found' });
      });
      app.use(jsonErrors(options.logger));
      return new Promise((resolve, reject) => {
        const started = app.listen(port, host, (error?: Error) => {
          if (error) {
            reject(listenError(error, host, port));
            return;
          }
          const address = started.address();
          const bound = typeof address === 'object' && address ? address.port : port;
          options.logger.info('http server listening', { port: bound, host });
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

/** A failure to listen, in the words of the settings that fix it. */
function listenError(error: Error, host: string, port: number): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const problem =
    code === 'EADDRINUSE'
      ? 'is already in use by another process'
      : code === 'EACCES'
        ? 'needs privileges this user does not have (use a port above 1023)'
        : code === 'EADDRNOTAVAIL'
          ? 'is not an address of this machine'
          : undefined;
  if (!problem) return error;
  return new ProtocolBotError('config_invalid', `PORT/HOST: ${host}:${port} ${problem} (${code})`, {
    cause: error,
  });
}

/**
 * Express's default error page is HTML with the stack trace (absolute paths included) outside production. This
 * answers a client error (malformed JSON, a body too large) with its status and a short JSON body, anything else
 * with 500, and logs one line without the request body.
 */
function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    const { status, reason } = classify(error);
    if (status < 500) {
      logger.warn('request rejected', { path: request.path, status, reason });
    } else {
      logger.error('request failed', { path: request.path, error: describeError(error).slice(0, 300) });
    }
    if (response.headersSent) return;
    response.status(status).json({ error: reason });
  };
}

/** body-parser marks its errors with a `type` and a 4xx `status`; anything else is our failure. */
function classify(error: unknown): { status: number; reason: string } {
  const { status, type } = (typeof error === 'object' && error !== null ? error : {}) as {
    status?: unknown;
    type?: unknown;
  };
  if (type === 'entity.parse.failed') return { status: 400, reason: 'malformed JSON' };
  if (type === 'entity.too.large') return { status: 413, reason: 'request body too large' };
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, reason: 'bad request' };
  return { status: 500, reason: 'internal error' };
}
