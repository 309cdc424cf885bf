import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mountChatPlatforms } from '../../../src/app/chat-platforms.js';
import { createHttpServer } from '../../../src/app/http-server.js';
import { buildRuntime, type Runtime } from '../../../src/app/runtime.js';
import type { ConversationInbox } from '../../../src/channels/conversation/index.js';
import { createTeamsPlatform } from '../../../src/channels/teams/teams-platform.js';
import { loadConfig } from '../../../src/config.js';
import { type Logger, silentLogger } from '../../../src/logger.js';
import { StubTeamsConnector } from '../../support/stub-teams-connector.js';

/** The bot's Teams account, as Teams addresses it in `recipient`. */
export const botAccount = { id: '28:0b5a7c1e-bot', name: 'Protocol Bot' };
export const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** AAD object id configured in MONITORING_OFFICER_TEAMS_IDS. */
export const monitoringOfficerAad = '6f1c2a9e-0000-4000-8000-00000000a0a0';
export const officer = {
  id: '29:1officer-priya',
  name: 'Priya Shah',
  aadObjectId: 'b3d4e5f6-1111-4000-8000-0000000000b1',
};
export const monitoringOfficer = {
  id: '29:1mo-angela',
  name: 'Angela Wakefield',
  aadObjectId: monitoringOfficerAad,
};

/** A running Teams endpoint over the real runtime, with a stub Bot Connector. */
export interface TeamsBot {
  connector: StubTeamsConnector;
  runtime: Runtime;
  /** The conversation inbox (drain it to answer what a killed process left). */
  conversation: ConversationInbox;
  dataDir: string;
  /** POSTs an activity to /api/messages. */
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
  /** `http://127.0.0.1:PORT/api/messages`. */
  url: string;
  stop(): Promise<void>;
}

/** Starts the real `serve` Teams endpoint on 127.0.0.1 with the lead's `buildRuntime` over a temporary DATA_DIR. */
export async function startTeamsBot(
  env: Record<string, string> = {},
  logger: Logger = silentLogger,
): Promise<TeamsBot> {
  const connector = await new StubTeamsConnector().start();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'protocol-bot-teams-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    CORPUS_DIR: path.resolve('corpus'),
    LOG_LEVEL: 'error',
    MONITORING_OFFICER_TEAMS_IDS: monitoringOfficerAad,
    // The stub connector is on 127.0.0.1: anonymous local testing, unless the test configures an app id.
    TEAMS_ALLOW_ANONYMOUS: 'true',
    ...env,
  });
  const runtime = await buildRuntime({ config, logger, generative: false });
  const server = createHttpServer({ logger });
  const { conversation } = await mountChatPlatforms(server, runtime, [
    createTeamsPlatform({ retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 2_000 } }),
  ]);
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/api/messages`;
  return {
    connector,
    runtime,
    conversation,
    dataDir,
    url,
    post: (activity, headers = {}) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      }),
    async stop() {
      await conversation.stop();
      await server.close();
      await runtime.close();
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let sequence = 1_732_000_000_000;

/** A message in the personal (1:1) chat of `from` with the bot, shaped as Teams sends it. */
export function personalMessage(
  serviceUrl: string,
  text: string,
  from: typeof officer = officer,
  extra: Record<string, unknown> = {},
) {
  return {
    type: 'message',
    id: String(sequence++),
    timestamp: '2026-11-23T10:15:00.000Z',
    localTimestamp: '2026-11-23T10:15:00.000+00:00',
    serviceUrl,
    channelId: 'msteams',
    from,
    conversation: { conversationType: 'personal', tenantId, id: `a:1personal-${from.aadObjectId}` },
    recipient: botAccount,
    textFormat: 'plain',
    locale: 'en-GB',
    text,
    entities: [
      { locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London', type: 'clientInfo' },
    ],
    channelData: { tenant: { id: tenantId } },
    ...extra,
  };
}

/** A channel post that @mentions the bot (a new reply chain, its id in the conversation id). */
export function channelMention(serviceUrl: string, question: string, from: typeof officer = officer) {
  const id = String(sequence++);
  const mention = `<at>${botAccount.name}</at>`;
  return {
    type: 'message',
    id,
    timestamp: '2026-11-23T10:20:00.000Z',
    serviceUrl,
    channelId: 'msteams',
    from,
    conversation: {
      isGroup: true,
      conversationType: 'channel',
      tenantId,
      id: `19:governance-officers@thread.tacv2;messageid=${id}`,
    },
    recipient: botAccount,
    textFormat: 'plain',
    locale: 'en-GB',
    text: `${mention} ${question}`,
    entities: [{ type: 'mention', text: mention, mentioned: botAccount }],
    channelData: {
      teamsChannelId: '19:governance-officers@thread.tacv2',
      teamsTeamId: '19:democratic-services@thread.tacv2',
      channel: { id: '19:governance-officers@thread.tacv2' },
      team: { id: '19:democratic-services@thread.tacv2' },
      tenant: { id: tenantId },
    },
  };
}

/** An Action.Submit from a card in a personal chat: Teams sends a message whose `value` is the card data. */
export function cardSubmit(
  serviceUrl: string,
  value: Record<string, unknown>,
  from: typeof officer = officer,
) {
  const { text: _text, entities: _entities, ...message } = personalMessage(serviceUrl, '', from);
  return { ...message, value, channelData: { tenant: { id: tenantId }, source: { name: 'message' } } };
}

/** The thumbs up / down invoke on a bot message (Teams feedback loop). */
export function feedbackInvoke(
  serviceUrl: string,
  messageId: string,
  reaction: 'like' | 'dislike',
  text = '',
) {
  const { text: _text, entities: _entities, ...message } = personalMessage(serviceUrl, '');
  return {
    ...message,
    type: 'invoke',
    name: 'message/submitAction',
    replyToId: messageId,
    value: {
      actionName: 'feedback',
      actionValue: { reaction, feedback: JSON.stringify({ feedbackText: text }) },
    },
  };
}
