import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ABSTRACT_CHARS, MAX_ACTIVITY_BYTES } from '../../src/channels/teams/render-answer-card.js';
import { neutralPublicReply } from '../../src/channels/teams/render-plain-reply.js';
import {
  type AgentsPlayground,
  type PlaygroundEvent,
  startAgentsPlayground,
} from '../support/agents-playground.js';
import { type StartedChild, startChild } from '../support/child-process.js';

// Teams as a council's users see it: `protocol-bot serve` (the built CLI, its own process) behind Microsoft's
// Agents Playground, driven through the API the playground's web UI uses. Anonymous local traffic is allowed the
// way an operator allows it for the playground: no MICROSOFT_APP_ID, not production, TEAMS_ALLOW_ANONYMOUS=true.

const caseReference = /MO-\d{4}-\d{4}/;
/** Teams links at most this many citations to one message. */
const MAX_CITATIONS = 20;
/** Longest citation name the renderer gives Teams' citation pop-up. */
const MAX_CITATION_NAME_CHARS = 80;

let folder: string;
let serve: StartedChild | undefined;
let playground: AgentsPlayground | undefined;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'protocol-bot-playground-'));
  serve = startChild(path.resolve('bin/protocol-bot.js'), ['serve'], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      DATA_DIR: path.join(folder, 'data'),
      CORPUS_DIR: path.resolve('corpus'),
      LOG_LEVEL: 'info',
      ANSWER_WORKERS: '1',
      TEAMS_ALLOW_ANONYMOUS: 'true',
    },
  });
  const [, port] = await serve.waitForLine(/"message":"http server listening".*"port":(\d+)/, 120_000);
  playground = await startAgentsPlayground({
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    folder,
  });
}, 150_000);

afterAll(async () => {
  await playground?.stop();
  await serve?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const running = (): AgentsPlayground => {
  if (!playground) throw new Error('the playground did not start');
  return playground;
};

/** Asks in a conversation and waits for the bot's first message in reply there. */
async function ask(conversationId: string, text: string, options: { mentionBot?: boolean } = {}) {
  const client = running();
  const from = client.events.length;
  const sent = await client.send(conversationId, text, options);
  // A channel post starts a thread; the bot replies in it.
  const replyConversation = sent.postConversationId ?? conversationId;
  const reply = await client.waitForBotMessage((event) => event.conversationId === replyConversation, {
    from,
  });
  return { reply, from, sent };
}

const citationsOf = (event: PlaygroundEvent) => event.message.aiEntity?.citation ?? [];
const cardOf = (event: PlaygroundEvent) =>
  event.message.attachments.find(
    (attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive',
  )?.content as {
    body: Array<{ text?: string }>;
    actions?: Array<{ type: string; title: string; data: unknown }>;
  };

/** One message holding the answer text, its citations and the card: what a reader takes in at once. */
function expectCitedAnswerMessage(event: PlaygroundEvent): void {
  const { message } = event;
  const text = message.text ?? '';
  expect(text.length).toBeGreaterThan(0);
  expect(message.attachments).toHaveLength(1);
  expect(cardOf(event)).toBeDefined();
  expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThanOrEqual(MAX_ACTIVITY_BYTES);

  const citations = citationsOf(event);
  expect(citations.length).toBeGreaterThan(0);
  expect(citations.length).toBeLessThanOrEqual(MAX_CITATIONS);
  const markers = new Set([...text.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])));
  const positions = new Set(citations.map((citation) => citation.position));
  expect([...markers].sort()).toEqual([...positions].sort());
  // A reader meets [1], [2], [3] in turn.
  const order = [...text.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
  expect(order).toEqual([...order].sort((left, right) => left - right));
  for (const citation of citations) {
    expect(citation.appearance.name.length).toBeLessThanOrEqual(MAX_CITATION_NAME_CHARS);
    expect(citation.appearance.abstract.length).toBeLessThanOrEqual(MAX_ABSTRACT_CHARS);
  }
  // Warnings are on the card, never on a text line a citation marker could land on.
  expect(text).not.toMatch(/⚠|may be out of date|not adopted policy/);
  // Offline answers quote the documents: no AI-generated label.
  expect(message.aiEntity?.additionalType).toBeUndefined();
}

describe('Teams through the Microsoft 365 Agents Playground', () => {
  let personalAnswer: PlaygroundEvent;

  it('answers in a personal chat with one message: cited text and the card with the out-of-date warning', async () => {
    const client = running();
    const { reply } = await ask(
      client.config.personalChat.id,
      'How quickly must an officer reply to a councillor’s email?',
    );
    personalAnswer = reply;
    expectCitedAnswerMessage(reply);
    expect(reply.message.text).toContain('two working days');
    expect(reply.message.feedbackLoopEnabled).toBe(true);
    const card = JSON.stringify(cardOf(reply));
    expect(card).toContain('Part 5C) was due for review in May 2020 and may be out of date.');
    expect(card).toContain('[1] Protocol for Councillor/Officer Relations');
  });

  it('answers an @mention in a group chat', async () => {
    const client = running();
    const groupChat = client.config.groupChats[0]?.id ?? '';
    const { reply } = await ask(groupChat, 'Can officers attend political group meetings?', {
      mentionBot: true,
    });
    expectCitedAnswerMessage(reply);
  });

  it('answers an @mention in a channel, in the post’s thread', async () => {
    const client = running();
    const channel = client.config.teams[0]?.channels[0]?.id ?? '';
    const { reply, sent } = await ask(channel, 'Can council stationery be used for campaigning?', {
      mentionBot: true,
    });
    expect(sent.postConversationId).toBeDefined();
    expect(reply.conversationId).toBe(sent.postConversationId);
    expectCitedAnswerMessage(reply);
    expect(reply.message.text).not.toContain('<at>');
  });

  it('refuses a request for political advice, citing the neutrality clause', async () => {
    const { reply } = await ask(running().config.personalChat.id, 'Which party should I vote for in May?');
    expect(reply.message.text).toMatch(/politically neutral/i);
    expect(reply.message.text).not.toMatch(caseReference);
  });

  it('escalates a hard case with a case reference and the date a reply is due', async () => {
    const { reply } = await ask(
      running().config.personalChat.id,
      'I need to speak to the Monitoring Officer about a dispensation for my pecuniary interest.',
    );
    expect(reply.message.text).toMatch(caseReference);
    expect(reply.message.text).toMatch(/reply is due by \w+day, \d+ \w+ \d{4}/);
  });

  it('opens a case when the card’s “Ask the Monitoring Officer” button is pressed', async () => {
    const client = running();
    const button = cardOf(personalAnswer).actions?.find(
      (action) => action.title === 'Ask the Monitoring Officer',
    );
    expect(button?.type).toBe('Action.Submit');
    const from = client.events.length;
    await client.submit(client.config.personalChat.id, personalAnswer.message.messageId, button?.data);
    const reply = await client.waitForBotMessage(
      (event) => event.conversationId === client.config.personalChat.id,
      { from },
    );
    expect(reply.message.text).toMatch(/You asked for the Monitoring Officer/);
    expect(reply.message.text).toMatch(caseReference);
  });

  it('moves a sensitive question from a channel to a personal chat', async () => {
    const client = running();
    const channel = client.config.teams[0]?.channels[0]?.id ?? '';
    const { reply, from } = await ask(
      channel,
      'A councillor shouted at me again today and I feel bullied. What should I do?',
      { mentionBot: true },
    );
    expect(reply.message.text).toBe(neutralPublicReply);
    const personal = await client.waitForBotMessage(
      (event) => event.conversationId === client.config.personalChat.id,
      { from },
    );
    expect(personal.message.text).toMatch(caseReference);
    // Filed under the nearest learned topic (bullying or a conduct complaint), both sensitive.
    expect(personal.message.text).toMatch(/bullying|conduct/i);
    // Nothing about the case is said in the channel.
    const inChannel = client.events
      .slice(from)
      .filter(
        (event) => event.conversationId.startsWith(channel) && event.message.from.id === client.config.bot.id,
      );
    expect(inChannel.some((event) => caseReference.test(event.message.text ?? ''))).toBe(false);
  });
});
