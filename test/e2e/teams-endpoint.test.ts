import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askMonitoringOfficerAction, caseAction } from '../../src/channels/teams/card-actions.js';
import { neutralPublicReply } from '../../src/channels/teams/render-plain-reply.js';
import {
  botAccount,
  cardSubmit,
  channelMention,
  feedbackInvoke,
  monitoringOfficer,
  officer,
  personalMessage,
  startTeamsBot,
  type TeamsBot,
  tenantId,
} from '../channels/teams/teams-harness.js';
import { breakInbox } from '../support/inbox-outage.js';

let bot: TeamsBot;

beforeAll(async () => {
  bot = await startTeamsBot();
});

afterAll(async () => {
  await bot?.stop();
});

const repliesTo = (conversationId: string) =>
  bot.connector.delivered().filter((call) => call.conversationId === conversationId);

describe('Teams endpoint (real Agents SDK, stub Bot Connector)', () => {
  it('answers a personal message with one reply: an Adaptive Card and citations, no AI label offline', async () => {
    const activity = personalMessage(
      bot.connector.url,
      'How quickly must an officer reply to a councillor’s email?',
    );
    const response = await bot.post(activity);
    expect(response.status).toBe(200);

    const [reply] = await bot.connector.waitFor(() => {
      const calls = repliesTo(activity.conversation.id);
      return calls.length > 0 && calls;
    });
    expect(repliesTo(activity.conversation.id)).toHaveLength(1);
    expect(reply?.replyToId).toBe(activity.id);
    expect(reply?.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    const entity = reply?.body.entities.find(
      (item: { type: string }) => item.type === 'https://schema.org/Message',
    );
    // The offline answer quotes the documents; no model wrote it, so Teams must not label it AI generated.
    expect(entity.additionalType).toBeUndefined();
    expect(entity.citation.length).toBeGreaterThan(0);
    expect(entity.citation[0].appearance.name).toMatch(/§|“/);
    expect(reply?.body.text).toContain('[1]');
    expect(reply?.body.channelData.feedbackLoopEnabled).toBe(true);
    // Part 5C is past its review date (May 2020): the card says so.
    const card = JSON.stringify(reply?.body.attachments[0].content);
    expect(card).toContain('Part 5C');
    expect(card).toContain('may be out of date');
    expect(reply?.body.text).not.toContain('may be out of date');
  });

  it('strips the @mention in a channel and replies in the thread', async () => {
    const activity = channelMention(bot.connector.url, 'Can officers attend political group meetings?');
    expect((await bot.post(activity)).status).toBe(200);
    const [reply] = await bot.connector.waitFor(() => {
      const calls = repliesTo(activity.conversation.id);
      return calls.length > 0 && calls;
    });
    expect(reply?.replyToId).toBe(activity.id);
    expect(reply?.body.text ?? '').not.toContain('<at>');
    // The question reached the pipeline without the mention: it was logged that way.
    expect(await bot.runtime.handoff.cases.list()).toHaveLength(0);
    expect(reply?.body.from?.id ?? botAccount.id).toBe(botAccount.id);
  });

  it('records thumbs up from the feedback invoke and answers the invoke with 200', async () => {
    const question = personalMessage(
      bot.connector.url,
      'Can a councillor instruct an officer to change a report?',
    );
    await bot.post(question);
    const [reply] = await bot.connector.waitFor(() => {
      const calls = repliesTo(question.conversation.id).filter((call) => call.replyToId === question.id);
      return calls.length > 0 && calls;
    });
    expect(reply?.responseId).toBeDefined();

    const before = (await bot.runtime.handoff.report({ from: '2000-01-01', to: '2100-12-31' })).questions
      .feedback;
    const response = await bot.post(
      feedbackInvoke(bot.connector.url, reply?.responseId ?? '', 'like', 'Clear'),
    );
    expect(response.status).toBe(200);
    const after = (await bot.runtime.handoff.report({ from: '2000-01-01', to: '2100-12-31' })).questions
      .feedback;
    expect(after.up).toBe(before.up + 1);
  });

  it('answers the same activity once when Teams delivers it twice', async () => {
    const activity = personalMessage(bot.connector.url, 'Who is the Head of Paid Service?', {
      ...officer,
      id: '29:1officer-twice',
      aadObjectId: 'aad-officer-twice',
    });
    await bot.post(activity);
    await bot.post(activity);
    await bot.connector.waitFor(() => repliesTo(activity.conversation.id).length > 0);
    expect(repliesTo(activity.conversation.id)).toHaveLength(1);
  });

  it('retries a 429 from the connector (honouring Retry-After) and delivers the reply once', async () => {
    const activity = personalMessage(bot.connector.url, 'Can council stationery be used for campaigning?', {
      ...officer,
      id: '29:1officer-429',
      aadObjectId: 'aad-officer-429',
    });
    bot.connector.failNext({ status: 429, headers: { 'retry-after': '1' } });
    const started = Date.now();
    await bot.post(activity);
    await bot.connector.waitFor(() => repliesTo(activity.conversation.id).length > 0);
    const attempts = bot.connector.calls.filter((call) => call.conversationId === activity.conversation.id);
    expect(attempts.map((call) => call.status)).toEqual([429, 201]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe('the durable inbox', () => {
  it('answers proactively what a killed process accepted, and not again when Teams redelivers it', async () => {
    const asker = { ...officer, id: '29:1officer-restart', aadObjectId: 'aad-officer-restart' };
    const activity = personalMessage(bot.connector.url, 'Who is the Head of Paid Service?', asker);
    const reference = {
      activityId: activity.id,
      user: { id: asker.id, name: asker.name },
      agent: botAccount,
      conversation: activity.conversation,
      channelId: 'msteams',
      serviceUrl: activity.serviceUrl,
    };
    const replyTo = { platform: 'teams', reference, userId: asker.id, tenantId };
    // What the Teams endpoint stored before its 200, in a process then killed with the lease still held.
    await bot.runtime.handoff.inbox.accept(
      {
        platform: 'teams',
        deliveryId: `${activity.conversation.id}|${activity.id}`,
        payload: {
          kind: 'question',
          text: activity.text,
          userId: asker.aadObjectId,
          displayName: asker.name,
          eventId: `teams:${activity.conversation.id}:${activity.id}`,
          conversationId: activity.conversation.id,
          publicConversation: false,
          replyTo,
          asker: { userId: asker.id, tenantId, serviceUrl: activity.serviceUrl, agent: botAccount },
        },
        replyTo,
        receivedAt: new Date(),
      },
      { workerId: 'killed-host:4242:dead', leaseMs: 1 },
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await bot.conversation.drainOnce()).toBe(1);
    const [reply] = await bot.connector.waitFor(() => {
      const calls = repliesTo(activity.conversation.id);
      return calls.length > 0 && calls;
    });
    expect(reply?.replyToId).toBe(activity.id);
    expect(JSON.stringify(reply?.body)).toMatch(/Head of Paid Service/i);

    await bot.post(activity);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(repliesTo(activity.conversation.id)).toHaveLength(1);
  });
});

describe('the durable inbox when it cannot store', () => {
  it('answers 500 rather than 200, so Teams delivers the activity again, and answers the redelivery', async () => {
    const asker = { ...officer, id: '29:1officer-outage', aadObjectId: 'aad-officer-outage' };
    const activity = personalMessage(
      bot.connector.url,
      'Can officers attend political group meetings?',
      asker,
    );
    const restore = breakInbox(bot.dataDir);
    const refused = await bot.post(activity);
    restore();
    expect(refused.status).toBe(500);
    expect(repliesTo(activity.conversation.id)).toHaveLength(0);
    expect((await bot.post(activity)).status).toBe(200);
    const [reply] = await bot.connector.waitFor(() => {
      const calls = repliesTo(activity.conversation.id);
      return calls.length > 0 && calls;
    });
    expect(reply?.replyToId).toBe(activity.id);
  });
});

describe('sensitive escalations from a channel', () => {
  it('replies neutrally in the channel and continues in a new personal chat with the case reference', async () => {
    const asker = { ...officer, id: '29:1officer-sensitive', aadObjectId: 'aad-officer-sensitive' };
    const activity = channelMention(bot.connector.url, 'A councillor keeps bullying me', asker);
    await bot.post(activity);
    const [channelReply] = await bot.connector.waitFor(() => {
      const calls = repliesTo(activity.conversation.id);
      return calls.length > 0 && calls;
    });
    const record = (await bot.runtime.handoff.cases.list()).find(
      (item) => item.asker.userId === asker.aadObjectId,
    );
    expect(record?.sensitive).toBe(true);
    expect(channelReply?.body.text).toBe(neutralPublicReply);
    expect(channelReply?.body.text).not.toContain(record?.reference);

    const created = await bot.connector.waitFor(() =>
      bot.connector.calls.find((call) => call.kind === 'create' && call.body.members?.[0]?.id === asker.id),
    );
    expect(created.body.isGroup).toBe(false);
    expect(created.body.tenantId).toBe(activity.conversation.tenantId);
    const [privateReply] = await bot.connector.waitFor(() => {
      const calls = repliesTo(`a:personal-${asker.id}`);
      return calls.length > 0 && calls;
    });
    expect(privateReply?.body.text).toContain(record?.reference);
  });
});

describe('Monitoring Officer in Teams', () => {
  it('refuses registration from an account that is not configured', async () => {
    const activity = personalMessage(bot.connector.url, 'register as monitoring officer');
    await bot.post(activity);
    const [reply] = await bot.connector.waitFor(() => {
      const calls = repliesTo(activity.conversation.id).filter((call) => call.replyToId === activity.id);
      return calls.length > 0 && calls;
    });
    expect(reply?.body.text).toContain('Only the accounts configured as the Monitoring Officer');
    expect(await bot.runtime.handoff.registrations.list()).toEqual([]);
  });

  it('registers the configured Monitoring Officer and stores the chat durably', async () => {
    const activity = personalMessage(bot.connector.url, 'Register as Monitoring Officer', monitoringOfficer);
    await bot.post(activity);
    const [reply] = await bot.connector.waitFor(() => {
      const calls = repliesTo(activity.conversation.id);
      return calls.length > 0 && calls;
    });
    expect(reply?.body.text).toContain('Registered');
    const stored = await bot.runtime.handoff.registrations.list();
    expect(stored[0]?.aadObjectId).toBe(monitoringOfficer.aadObjectId);
    expect(stored[0]?.reference).toMatchObject({ conversation: { id: activity.conversation.id } });
  });

  it('opens a case from "Ask the Monitoring Officer", notifies the MO, and delivers the answer to the asker', async () => {
    const question = 'Can I tell a councillor which officer wrote the planning report?';
    const submit = cardSubmit(bot.connector.url, askMonitoringOfficerAction(question));
    await bot.post(submit);
    const [acknowledgement] = await bot.connector.waitFor(() => {
      const calls = repliesTo(submit.conversation.id).filter((call) => call.replyToId === submit.id);
      return calls.length > 0 && calls;
    });
    const record = (await bot.runtime.handoff.cases.list()).find((item) =>
      item.question.includes('planning report'),
    );
    expect(record).toBeDefined();
    expect(acknowledgement?.body.text).toContain(record?.reference);

    // The case notice goes, as a card, to the Monitoring Officer's registered personal chat.
    const moConversation = `a:1personal-${monitoringOfficer.aadObjectId}`;
    const before = repliesTo(moConversation).length;
    await bot.runtime.handoff.dispatcher.drainOnce();
    const notices = await bot.connector.waitFor(() => {
      const calls = repliesTo(moConversation)
        .slice(before)
        .filter((call) => JSON.stringify(call.body.attachments ?? []).includes(record?.reference ?? '?'));
      return calls.length > 0 && calls;
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]?.replyToId).toBeUndefined();
    expect(notices[0]?.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');

    // An officer who is not the MO cannot answer it.
    const forged = cardSubmit(bot.connector.url, {
      ...caseAction('case_answer', record?.reference ?? ''),
      answerText: 'x',
    });
    await bot.post(forged);
    await bot.connector.waitFor(() =>
      repliesTo(forged.conversation.id).some((call) => call.replyToId === forged.id),
    );
    expect((await bot.runtime.handoff.cases.get(record?.reference ?? '')).status).toBe('open');

    // The MO answers from the card, naming the clauses that answer it; a mistyped one is told, nothing stored.
    const answerText = 'Yes — the report is a public document and its author can be named.';
    const mistyped = cardSubmit(
      bot.connector.url,
      { ...caseAction('case_answer', record?.reference ?? ''), answerText, answerClauses: 'part5c 99.1' },
      monitoringOfficer,
    );
    await bot.post(mistyped);
    const told = await bot.connector.waitFor(() =>
      repliesTo(moConversation).find((call) => call.replyToId === mistyped.id),
    );
    expect(told.body.text).toContain('part5c has no clause 99.1.');
    expect((await bot.runtime.handoff.cases.get(record?.reference ?? '')).status).toBe('open');
    const answer = cardSubmit(
      bot.connector.url,
      { ...caseAction('case_answer', record?.reference ?? ''), answerText, answerClauses: 'part5c 6.2' },
      monitoringOfficer,
    );
    await bot.post(answer);
    await bot.connector.waitFor(() => repliesTo(moConversation).some((call) => call.replyToId === answer.id));
    expect(await bot.runtime.handoff.cases.get(record?.reference ?? '')).toMatchObject({
      status: 'answered',
      answerClauses: [['part5c', '6.2']],
    });
    // The answer reaches the asker's conversation proactively, and the bot has learned the case.
    expect(bot.runtime.learning.learned.map((example) => example.reference)).toContain(record?.reference);

    await bot.runtime.handoff.dispatcher.drainOnce();
    const delivered = await bot.connector.waitFor(() =>
      repliesTo(submit.conversation.id).find((call) => (call.body.text ?? '').includes(answerText)),
    );
    expect(delivered.body.text).toContain(record?.reference);
  });

  it('records a notice the connector rejects for good in the case history, not lost', async () => {
    const asker = { ...officer, id: '29:1officer-gone', aadObjectId: 'aad-officer-gone' };
    const submit = cardSubmit(
      bot.connector.url,
      askMonitoringOfficerAction('May I share exempt papers with my ward councillor?'),
      asker,
    );
    await bot.post(submit);
    await bot.connector.waitFor(() => repliesTo(submit.conversation.id).length > 0);
    const record = (await bot.runtime.handoff.cases.list()).find(
      (item) => item.asker.userId === asker.aadObjectId,
    );
    await bot.runtime.handoff.dispatcher.drainOnce();

    await bot.runtime.handoff.cases.answer(
      record?.reference ?? '',
      { platform: 'teams', userId: monitoringOfficer.aadObjectId },
      'No.',
    );
    // The asker has left the tenant: the connector answers 403, which no retry can fix.
    bot.connector.failNext({ status: 403 });
    expect(await bot.runtime.handoff.dispatcher.drainOnce()).toBe(0);
    const failed = (await bot.runtime.handoff.cases.history(record?.reference ?? '')).find(
      (event) => event.kind === 'notice_failed',
    );
    expect(failed?.detail).toMatchObject({ notice: 'case_answered', platform: 'teams' });
    expect(String(failed?.detail.error)).toContain('403');
  });
});
