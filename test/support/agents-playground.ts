import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import WebSocket from 'ws';
import { z } from 'zod';
import { type StartedChild, startChild } from './child-process.js';

// The Microsoft 365 Agents Playground (@microsoft/m365agentsplayground), Microsoft's local Teams client, driven
// headless through the HTTP and websocket API its own web UI uses (read from its served JS):
//   GET  /_internal/v1/config                                 bot, current user, chat and channel ids
//   POST /_conversation/v1/conversations/{id}/messages        the user sends a message
//   POST /_conversation/v1/submit                             the user presses an Action.Submit button
//   WS   /_ws_conversation/v1/conversations/stream            the bot's messages (`action: "createMessage"`)

const accountSchema = z.object({ id: z.string(), name: z.string() });

/** The part of the playground's configuration a test uses. */
export const playgroundConfigSchema = z.object({
  config: z.object({
    bot: accountSchema,
    currentUser: accountSchema,
    personalChat: z.object({ id: z.string() }),
    groupChats: z.array(z.object({ id: z.string() })).min(1),
    teams: z
      .array(z.object({ id: z.string(), channels: z.array(z.object({ id: z.string() })).min(1) }))
      .min(1),
  }),
});

/** The playground's configuration. */
export type PlaygroundConfig = z.infer<typeof playgroundConfigSchema>['config'];

/** A message as the playground's UI receives it over the websocket. */
export const playgroundMessageSchema = z
  .object({
    messageId: z.string(),
    from: z.object({ id: z.string() }),
    text: z.string().optional(),
    textFormat: z.string().optional(),
    attachments: z.array(z.object({ contentType: z.string(), content: z.unknown() })).default([]),
    aiEntity: z
      .object({
        additionalType: z.array(z.string()).optional(),
        citation: z
          .array(
            z.object({
              position: z.number(),
              appearance: z.object({ name: z.string(), abstract: z.string() }).passthrough(),
            }),
          )
          .optional(),
      })
      .passthrough()
      .optional(),
    feedbackLoopEnabled: z.boolean().optional(),
  })
  .passthrough();

/** One bot (or user) message seen on the websocket, with the conversation it went to. */
export interface PlaygroundEvent {
  conversationId: string;
  message: z.infer<typeof playgroundMessageSchema>;
}

const streamEventSchema = z.object({
  action: z.string(),
  actionConversationId: z.string(),
  message: z.unknown(),
});

/** A running playground and a client for its UI's API. */
export interface AgentsPlayground {
  url: string;
  config: PlaygroundConfig;
  /** Every `createMessage` seen on the websocket since it opened, oldest first. */
  events: PlaygroundEvent[];
  /** Sends a message as the current user; returns the id (and a channel post's thread id) the playground gave it. */
  send(
    conversationId: string,
    text: string,
    options?: { mentionBot?: boolean },
  ): Promise<{ messageId: string; postConversationId?: string }>;
  /** Presses an Action.Submit button on the bot's message `replyToId`, with the button's `data`. */
  submit(conversationId: string, replyToId: string, value: unknown): Promise<void>;
  /** Resolves with the first bot message, from event `from` on, that `accept` returns true for. */
  waitForBotMessage(
    accept: (event: PlaygroundEvent) => boolean,
    options: { from: number; timeoutMs?: number },
  ): Promise<PlaygroundEvent>;
  stop(): Promise<void>;
}

/** A port nobody listens on just now (the playground is given one; it falls back to a random one if taken). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts the playground in `folder` (it writes its `devTools/` log there) against a bot endpoint. */
export async function startAgentsPlayground(options: {
  endpoint: string;
  folder: string;
  timeoutMs?: number;
}): Promise<AgentsPlayground> {
  const require = createRequire(import.meta.url);
  const cli = path.join(
    path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')),
    'cli.js',
  );
  const started: StartedChild = startChild(
    cli,
    ['-e', options.endpoint, '-c', 'msteams', '-p', String(await freePort()), '--disable-telemetry'],
    {
      cwd: options.folder,
      env: {
        PATH: process.env.PATH,
        HOME: options.folder,
        // It would otherwise open a browser (and exit when there is none).
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(options.folder, 'playground.log'),
      },
    },
  );
  try {
    const [, port] = await started.waitForLine(/Listening on (\d+)/, options.timeoutMs ?? 30_000);
    const url = `http://127.0.0.1:${port}`;
    const config = playgroundConfigSchema.parse(
      await (await fetch(`${url}/_internal/v1/config`)).json(),
    ).config;
    const events: PlaygroundEvent[] = [];
    const listeners = new Set<() => void>();
    const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
    // Messages the schema does not accept fail the waiting test (an exception here would escape it).
    const problems: string[] = [];
    socket.on('message', (data) => {
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        problems.push(`not JSON: ${data.toString().slice(0, 200)}`);
      }
      const event = streamEventSchema.safeParse(raw);
      if (event.success && event.data.action === 'createMessage') {
        const message = playgroundMessageSchema.safeParse(event.data.message);
        if (message.success)
          events.push({ conversationId: event.data.actionConversationId, message: message.data });
        else
          problems.push(`unexpected message: ${message.error.issues[0]?.message} in ${JSON.stringify(raw)}`);
      } else if (!event.success && raw !== undefined) {
        problems.push(`unexpected event: ${JSON.stringify(raw).slice(0, 500)}`);
      }
      for (const listener of listeners) listener();
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });

    const post = async (route: string, body: unknown) => {
      const response = await fetch(`${url}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`playground ${route}: ${response.status} ${text}`);
      return text;
    };

    return {
      url,
      config,
      events,
      async send(conversationId, text, sendOptions = {}) {
        const mention = `<at>${config.bot.name}</at>`;
        const body = {
          from: { id: config.currentUser.id },
          text: sendOptions.mentionBot ? `${mention} ${text}` : text,
          textFormat: 'plain',
          ...(sendOptions.mentionBot
            ? { mentions: [{ mentioned: { id: config.bot.id, name: config.bot.name }, text: mention }] }
            : {}),
        };
        const reply = await post(
          `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`,
          body,
        );
        return z
          .object({ messageId: z.string(), postConversationId: z.string().optional() })
          .parse(JSON.parse(reply));
      },
      async submit(conversationId, replyToId, value) {
        await post('/_conversation/v1/submit', {
          conversation: { id: conversationId },
          from: { id: config.currentUser.id },
          replyToId,
          value,
        });
      },
      waitForBotMessage(accept, waitOptions) {
        return new Promise((resolve, reject) => {
          const check = () => {
            if (problems.length > 0) {
              listeners.delete(check);
              clearTimeout(timer);
              reject(new Error(`the playground sent what the test cannot read: ${problems.join('; ')}`));
              return;
            }
            const found = events
              .slice(waitOptions.from)
              .find((event) => event.message.from.id === config.bot.id && accept(event));
            if (!found) return;
            listeners.delete(check);
            clearTimeout(timer);
            resolve(found);
          };
          const timeoutMs = waitOptions.timeoutMs ?? 20_000;
          const timer = setTimeout(() => {
            listeners.delete(check);
            reject(
              new Error(
                `no matching bot message within ${timeoutMs} ms; seen: ${JSON.stringify(events.slice(waitOptions.from))}`,
              ),
            );
          }, timeoutMs);
          listeners.add(check);
          check();
        });
      },
      async stop() {
        socket.terminate();
        await started.stop();
      },
    };
  } catch (error) {
    await started.stop();
    throw error;
  }
}
