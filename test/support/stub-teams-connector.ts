import { createServer, type IncomingMessage, type Server } from 'node:http';

/** One call the bot made to the stub Bot Connector. */
export interface ConnectorCall {
  /** `activity` (send or reply) or `create` (POST /v3/conversations). */
  kind: 'activity' | 'create';
  conversationId?: string;
  /** The activity replied to, when the URL named one. */
  replyToId?: string;
  /** The status the stub answered with. */
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a recorded wire payload, read by assertions
  body: any;
  authorization?: string;
  /** The id the stub gave the new activity (2xx activity posts). */
  responseId?: string;
}

/** A scripted failure for the next activity post(s). */
export interface ScriptedFailure {
  status: number;
  headers?: Record<string, string>;
}

/**
 * A fake Teams Bot Connector on 127.0.0.1: records `POST /v3/conversations/{id}/activities[/{replyToId}]` and
 * `POST /v3/conversations` (proactive 1:1 creation), answering each with a new id, or with scripted 429 / 5xx
 * failures. Point activities' `serviceUrl` at `url`.
 */
export class StubTeamsConnector {
  readonly calls: ConnectorCall[] = [];
  private readonly failures: ScriptedFailure[] = [];
  private server: Server | undefined;
  private nextId = 1;
  url = '';

  /** Starts listening on an ephemeral port. */
  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void this.handle(request).then(({ status, body, headers }) => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    this.url = `http://127.0.0.1:${port}/`;
    return this;
  }

  /** Makes the next activity posts fail, in order. */
  failNext(...failures: ScriptedFailure[]): void {
    this.failures.push(...failures);
  }

  /** Delivered (2xx) activity posts. */
  delivered(): ConnectorCall[] {
    return this.calls.filter((call) => call.kind === 'activity' && call.status < 300);
  }

  /** Polls until `predicate` holds, failing after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = predicate();
      if (result) return result;
      if (Date.now() > deadline) throw new Error(`stub connector: condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async handle(
    request: IncomingMessage,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? JSON.parse(text) : undefined;
    const path = (request.url ?? '').split('?')[0] ?? '';
    const authorization = request.headers.authorization;
    if (request.method === 'POST' && path === '/v3/conversations') {
      const member = body?.members?.[0]?.id ?? 'unknown';
      const id = `a:personal-${member}`;
      this.calls.push({ kind: 'create', status: 201, body, authorization });
      return { status: 201, body: { id, serviceUrl: this.url } };
    }
    const match = /^\/v3\/conversations\/(.+?)\/activities(?:\/([^/]+))?$/.exec(path);
    if (request.method === 'POST' && match) {
      const conversationId = decodeURIComponent(match[1] ?? '');
      const replyToId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
      const failure = this.failures.shift();
      if (failure) {
        this.calls.push({
          kind: 'activity',
          conversationId,
          replyToId,
          status: failure.status,
          body,
          authorization,
        });
        return {
          status: failure.status,
          body: { error: { code: 'Scripted', message: 'scripted failure' } },
          headers: failure.headers,
        };
      }
      const responseId = `bot-message-${this.nextId++}`;
      this.calls.push({
        kind: 'activity',
        conversationId,
        replyToId,
        status: 201,
        body,
        authorization,
        responseId,
      });
      return { status: 201, body: { id: responseId } };
    }
    return { status: 404, body: { error: { code: 'NotFound', message: `${request.method} ${path}` } } };
  }
}
