import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlyMonitoringOfficerReply } from '../../src/channels/slack/register-case-actions.js';
import {
  caseAnswerInput,
  caseAnswerViewId,
  caseClausesInput,
  slackActionIds,
} from '../../src/channels/slack/slack-action-ids.js';
import { searchingStatus } from '../../src/channels/slack/slack-delivery.js';
import { escapeSlackText } from '../../src/channels/slack/slack-mrkdwn.js';
import { adapterReplies } from '../../src/channels/slack/slack-responder.js';
import {
  blockAction,
  blockText,
  botUserId,
  deliverNotices,
  eventCallback,
  mention,
  monitoringOfficer,
  nextTs,
  type SlackTestApp,
  sendCommand,
  sendEvent,
  sendInteraction,
  sendSigned,
  startSlackTestApp,
} from '../channels/slack/slack-test-app.js';
import { breakInbox } from '../support/inbox-outage.js';
import type { RecordedCall } from '../support/stub-slack-api.js';

const emailQuestion = 'How quickly must an officer reply to a councillor’s email?';

let app: SlackTestApp;

beforeAll(async () => {
  app = await startSlackTestApp();
});

afterAll(async () => {
  await app?.close();
});

const postsTo = (channel: string, threadTs?: string) => (calls: RecordedCall[]) =>
  calls.filter(
    (call) =>
      call.method === 'chat.postMessage' &&
      call.params.channel === channel &&
      (threadTs === undefined || call.params.thread_ts === threadTs),
  );
const firstPost = (channel: string, threadTs?: string) => (calls: RecordedCall[]) =>
  postsTo(channel, threadTs)(calls)[0];
const buttonValue = (call: RecordedCall, actionId: string): string => {
  const found = elementsWithActionIds(call.params.blocks).find((element) => element.action_id === actionId);
  if (!found?.value) throw new Error(`no ${actionId} button in ${JSON.stringify(call.params.blocks)}`);
  return found.value;
};
const elementsWithActionIds = (value: unknown): Array<{ action_id: string; value?: string }> => {
  if (Array.isArray(value)) return value.flatMap(elementsWithActionIds);
  if (!value || typeof value !== 'object') return [];
  const own = 'action_id' in value ? [value as { action_id: string; value?: string }] : [];
  return [...own, ...Object.values(value).flatMap(elementsWithActionIds)];
};

describe('Slack app over HTTP (real Bolt, stub Web API)', () => {
  it('answers an @mention in the thread, citing the clause with a Show clause button', async () => {
    const event = mention({ user: 'U0ALICE', text: emailQuestion, channel: 'C0GENERAL' });
    const started = Date.now();
    const response = await sendEvent(app, eventCallback(event));
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);

    const reply = await app.stub.waitFor(firstPost('C0GENERAL', event.ts));
    expect(blockText(reply.params.blocks)).toMatch(/two working days/);
    expect(JSON.stringify(reply.params.blocks)).toContain(slackActionIds.showClause);
    expect(blockText(reply.params.blocks)).toContain('{"document":"part5c","clause":"6.2"}');
    expect(reply.token).toBe('xoxb-test-token');
  });

  it('answers a direct message in the DM', async () => {
    const event = {
      type: 'message',
      channel_type: 'im',
      channel: 'D0BOB',
      user: 'U0BOB',
      text: emailQuestion,
      ts: nextTs(),
    };
    await sendEvent(app, eventCallback(event));
    const reply = await app.stub.waitFor(firstPost('D0BOB'));
    expect(reply.params.thread_ts).toBeUndefined();
    expect(blockText(reply.params.blocks)).toMatch(/two working days/);
  });

  it('acknowledges /protocol at once and answers ephemerally through the response URL', async () => {
    const started = Date.now();
    const response = await sendCommand(app, {
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      user_id: 'U0CAROL',
      user_name: 'carol',
      text: emailQuestion,
      response_url: app.stub.responseUrl('carol-command'),
    });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const answer = await app.stub.waitFor((calls) =>
      calls.find((call) => call.method === 'response_url' && call.params.name === 'carol-command'),
    );
    expect(answer.params.response_type).toBe('ephemeral');
    expect(blockText(answer.params.blocks)).toMatch(/two working days/);
    expect(
      app.stub.calls.some(
        (call) =>
          call.method === 'chat.postMessage' &&
          call.params.channel === 'C0GENERAL' &&
          blockText(call.params).includes('U0CAROL'),
      ),
    ).toBe(false);
  });

  it('opens a modal with the whole clause when "Show clause" is pressed', async () => {
    const event = mention({ user: 'U0DAVE', text: emailQuestion, channel: 'C0DAVE' });
    await sendEvent(app, eventCallback(event));
    const reply = await app.stub.waitFor(firstPost('C0DAVE', event.ts));
    const value = buttonValue(reply, slackActionIds.showClause);
    const response = await sendInteraction(
      app,
      blockAction({
        user: 'U0DAVE',
        actionId: slackActionIds.showClause,
        value,
        channel: 'C0DAVE',
        messageTs: '1.2',
        threadTs: event.ts,
      }),
    );
    expect(response.status).toBe(200);
    const opened = await app.stub.waitFor((calls) => calls.find((call) => call.method === 'views.open'));
    const view = opened.params.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('modal');
    const { document, clause } = JSON.parse(value) as { document: string; clause: string };
    const whole = app.runtime.retriever.clauses.find((c) => c.document === document && c.id === clause);
    expect(whole).toBeDefined();
    expect(blockText(view.blocks)).toContain(escapeSlackText(whole?.text ?? '').slice(0, 2000));
  });

  it('opens a case from "Ask the Monitoring Officer", and the officer’s answer reaches the asker’s thread', async () => {
    const event = mention({ user: 'U0ERIN', text: emailQuestion, channel: 'C0ERIN' });
    await sendEvent(app, eventCallback(event));
    const reply = await app.stub.waitFor(firstPost('C0ERIN', event.ts));

    await sendInteraction(
      app,
      blockAction({
        user: 'U0ERIN',
        actionId: slackActionIds.askMonitoringOfficer,
        value: buttonValue(reply, slackActionIds.askMonitoringOfficer),
        channel: 'C0ERIN',
        messageTs: '1763999999.000001',
        threadTs: event.ts,
      }),
    );
    const acknowledgement = await app.stub.waitFor((calls) => postsTo('C0ERIN', event.ts)(calls)[1]);
    const reference = blockText(acknowledgement.params.blocks).match(/MO-\d{4}-\d{4}/)?.[0];
    expect(reference).toBeDefined();
    expect(blockText(acknowledgement.params.blocks)).toMatch(/reply due by/);
    const opened = await app.runtime.handoff.cases.get(reference as string);
    expect(opened.status).toBe('open');
    expect(opened.question).toContain('reply to a councillor');

    await deliverNotices(app);
    const card = await app.stub.waitFor((calls) =>
      postsTo(monitoringOfficer.channel)(calls).find((call) =>
        blockText(call.params.blocks).includes(reference as string),
      ),
    );
    expect(JSON.stringify(card.params.blocks)).toContain(slackActionIds.caseAnswer);

    // Someone who is not the Monitoring Officer cannot claim it.
    await sendInteraction(
      app,
      blockAction({
        user: 'U0MALLORY',
        actionId: slackActionIds.caseClaim,
        value: reference as string,
        channel: monitoringOfficer.channel,
        messageTs: '1763999999.000002',
      }),
    );
    const refusal = await app.stub.waitFor((calls) =>
      calls.find((call) => call.method === 'chat.postEphemeral' && call.params.user === 'U0MALLORY'),
    );
    expect(refusal.params.text).toBe(onlyMonitoringOfficerReply);
    expect((await app.runtime.handoff.cases.get(reference as string)).status).toBe('open');

    // The officer presses Answer, writes the answer and submits the modal.
    await sendInteraction(
      app,
      blockAction({
        user: monitoringOfficer.userId,
        actionId: slackActionIds.caseAnswer,
        value: reference as string,
        channel: monitoringOfficer.channel,
        messageTs: '1763999999.000002',
      }),
    );
    const modal = await app.stub.waitFor((calls) =>
      calls.find(
        (call) =>
          call.method === 'views.open' &&
          (call.params.view as { callback_id?: string }).callback_id === caseAnswerViewId,
      ),
    );
    const view = modal.params.view as { private_metadata: string };
    const answerText = 'Reply within two working days; a holding reply is fine if you need longer.';
    const submit = (clauses: string) =>
      sendInteraction(app, {
        type: 'view_submission',
        team: { id: 'T0COUNCIL' },
        user: { id: monitoringOfficer.userId },
        api_app_id: 'A0PROTOBOT',
        trigger_id: 'trigger-submit',
        view: {
          id: 'V1',
          type: 'modal',
          callback_id: caseAnswerViewId,
          private_metadata: view.private_metadata,
          state: {
            values: {
              [caseAnswerInput.block]: {
                [caseAnswerInput.action]: { type: 'plain_text_input', value: answerText },
              },
              [caseClausesInput.block]: {
                [caseClausesInput.action]: { type: 'plain_text_input', value: clauses },
              },
            },
          },
        },
      });
    // A clause the corpus lacks is shown against the field; nothing is stored.
    const mistyped = await submit('part5c 66.2');
    expect(mistyped.status).toBe(200);
    expect(await mistyped.json()).toEqual({
      response_action: 'errors',
      errors: { [caseClausesInput.block]: 'part5c has no clause 66.2.' },
    });
    expect((await app.runtime.handoff.cases.get(reference as string)).status).toBe('open');
    const submitted = await submit('part5c 6.2');
    expect(submitted.status).toBe(200);
    const answered = await app.runtime.handoff.cases.get(reference as string);
    expect(answered).toMatchObject({ status: 'answered', answerClauses: [['part5c', '6.2']] });
    // The bot learned the case the moment it was answered.
    expect(app.runtime.learning.learned.map((example) => example.reference)).toEqual([reference]);
    const updated = await app.stub.waitFor((calls) => calls.find((call) => call.method === 'chat.update'));
    expect(blockText(updated.params.blocks)).toContain('Answered');

    await deliverNotices(app);
    const delivered = await app.stub.waitFor((calls) =>
      postsTo('C0ERIN', event.ts)(calls).find((call) => blockText(call.params.blocks).includes(answerText)),
    );
    expect(blockText(delivered.params.blocks)).toContain(reference as string);
  });

  it('rejects an unsigned request and one signed more than five minutes ago with 401', async () => {
    const body = JSON.stringify(eventCallback(mention({ user: 'U0EVE', text: emailQuestion })));
    const unsigned = await sendSigned(app.eventsUrl, body, 'application/json', { unsigned: true });
    expect(unsigned.status).toBe(401);
    const stale = await sendSigned(app.eventsUrl, body, 'application/json', {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(stale.status).toBe(401);
    const forged = await fetch(app.eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
        'x-slack-signature': 'v0=0000000000000000000000000000000000000000000000000000000000000000',
      },
      body,
    });
    expect(forged.status).toBe(401);
  });

  it('answers an event delivered three times (Slack retries) exactly once', async () => {
    const event = mention({ user: 'U0FRANK', text: emailQuestion, channel: 'C0FRANK' });
    const body = eventCallback(event);
    await sendEvent(app, body);
    await sendEvent(app, body, { retryNum: 1 });
    await sendEvent(app, body, { retryNum: 2 });
    await app.stub.waitFor(firstPost('C0FRANK', event.ts));
    await app.stub.waitFor(
      () =>
        app.logs.filter(
          (line) =>
            line.message === 'ignored a repeated slack event' && line.context?.eventId === body.event_id,
        ).length === 2,
    );
    expect(postsTo('C0FRANK')(app.stub.calls)).toHaveLength(1);
  });

  it('ignores messages from bots, including itself', async () => {
    const fromBot = {
      type: 'message',
      channel_type: 'im',
      channel: 'D0BOTS',
      user: 'U0OTHERBOT',
      bot_id: 'B0OTHER',
      subtype: 'bot_message',
      text: emailQuestion,
      ts: nextTs(),
    };
    const fromSelf = {
      type: 'message',
      channel_type: 'im',
      channel: 'D0BOTS',
      user: botUserId,
      bot_id: 'BBOT',
      text: emailQuestion,
      ts: nextTs(),
    };
    await sendEvent(app, eventCallback(fromBot));
    await sendEvent(app, eventCallback(fromSelf));
    // A person's message sent afterwards is answered; by then the bot messages have been dropped.
    const person = {
      type: 'message',
      channel_type: 'im',
      channel: 'D0GRACE',
      user: 'U0GRACE',
      text: emailQuestion,
      ts: nextTs(),
    };
    await sendEvent(app, eventCallback(person));
    await app.stub.waitFor(firstPost('D0GRACE'));
    expect(postsTo('D0BOTS')(app.stub.calls)).toHaveLength(0);
  });

  it('keeps a sensitive escalation out of the channel: a neutral line there, the details by DM', async () => {
    const event = mention({
      user: 'U0HEIDI',
      text: 'Cllr Smith shouted at me in front of my team again today and I feel bullied',
      channel: 'C0PUBLIC',
    });
    await sendEvent(app, eventCallback(event));
    const inChannel = await app.stub.waitFor(firstPost('C0PUBLIC', event.ts));
    expect(inChannel.params.text).toBe(adapterReplies.movedToDirectMessage);
    const direct = await app.stub.waitFor(firstPost('D0HEIDI'));
    expect(blockText(direct.params.blocks)).toMatch(/MO-\d{4}-\d{4}/);
    await app.stub.waitFor((calls) =>
      calls.find((call) => call.method === 'conversations.open' && call.params.users === 'U0HEIDI'),
    );
    const channelText = postsTo('C0PUBLIC')(app.stub.calls)
      .map((call) => blockText(call.params))
      .join('\n');
    expect(channelText).not.toMatch(/MO-\d{4}-\d{4}|shouted|bull/i);

    // The case card in the officer's channel shows the reference but not the question.
    await deliverNotices(app);
    const reference = blockText(direct.params.blocks).match(/MO-\d{4}-\d{4}/)?.[0] as string;
    const card = await app.stub.waitFor((calls) =>
      postsTo(monitoringOfficer.channel)(calls).find((call) =>
        blockText(call.params.blocks).includes(reference),
      ),
    );
    expect(blockText(card.params)).not.toContain('shouted');
    expect(JSON.stringify(card.params.blocks)).toContain(slackActionIds.caseView);

    // Only the Monitoring Officer may read the details (in a modal) or claim it.
    const press = (user: string, actionId: string) =>
      sendInteraction(
        app,
        blockAction({
          user,
          actionId,
          value: reference,
          channel: monitoringOfficer.channel,
          messageTs: '1763999999.000009',
        }),
      );
    await press('U0NOSY', slackActionIds.caseView);
    await app.stub.waitFor((calls) =>
      calls.find((call) => call.method === 'chat.postEphemeral' && call.params.user === 'U0NOSY'),
    );
    await press(monitoringOfficer.userId, slackActionIds.caseView);
    const details = await app.stub.waitFor((calls) =>
      calls.find((call) => call.method === 'views.open' && blockText(call.params.view).includes(reference)),
    );
    expect(blockText(details.params.view)).toContain('shouted at me in front of my team');
    await press(monitoringOfficer.userId, slackActionIds.caseClaim);
    const claimed = await app.stub.waitFor((calls) =>
      calls.find((call) => call.method === 'chat.update' && call.params.ts === '1763999999.000009'),
    );
    expect(blockText(claimed.params.blocks)).toContain('Claimed by <@U0MONITOR>');
    expect(blockText(claimed.params)).not.toContain('shouted');
    expect((await app.runtime.handoff.cases.get(reference)).status).toBe('claimed');
  });

  it('waits out a 429 with Retry-After and then delivers the answer', async () => {
    app.stub.script('chat.postMessage', { rateLimited: { retryAfterSeconds: 1 } });
    const event = mention({ user: 'U0IVAN', text: emailQuestion, channel: 'C0IVAN' });
    await sendEvent(app, eventCallback(event));
    const attempts = await app.stub.waitFor((calls) => {
      const found = postsTo('C0IVAN', event.ts)(calls);
      return found.length === 2 ? found : undefined;
    }, 8_000);
    const delivered = attempts[1] as RecordedCall;
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(blockText(delivered.params.blocks)).toMatch(/two working days/);
  });

  it('apologises briefly when Slack refuses the answer', async () => {
    app.stub.script('chat.postMessage', { error: 'invalid_blocks' });
    const event = mention({ user: 'U0JUDY', text: emailQuestion, channel: 'C0JUDY' });
    await sendEvent(app, eventCallback(event));
    const apology = await app.stub.waitFor((calls) => postsTo('C0JUDY', event.ts)(calls)[1]);
    expect(apology.params.text).toBe(adapterReplies.apology);
    expect(
      app.logs.some((line) => line.message === 'slack reply failed' && line.context?.channel === 'C0JUDY'),
    ).toBe(true);
  });

  it('replies with help to a bare mention, and asks a flooding user to slow down without asking the pipeline', async () => {
    const bare = mention({ user: 'U0KEN', text: '', channel: 'C0KEN' });
    await sendEvent(app, eventCallback(bare));
    const help = await app.stub.waitFor(firstPost('C0KEN', bare.ts));
    expect(help.params.text).toBe(adapterReplies.help);

    for (let index = 0; index < 6; index += 1) {
      await sendEvent(
        app,
        eventCallback({
          type: 'message',
          channel_type: 'im',
          channel: 'D0LEO',
          user: 'U0LEO',
          text: `${emailQuestion} (${index})`,
          ts: nextTs(),
        }),
      );
    }
    const replies = await app.stub.waitFor((calls) => {
      const found = postsTo('D0LEO')(calls);
      return found.length === 6 ? found : undefined;
    });
    expect(replies.filter((call) => call.params.text === adapterReplies.slowDown)).toHaveLength(1);
  });

  it('reads a follow-up in a thread with the thread’s earlier question', async () => {
    const first = mention({
      user: 'U0MIA',
      text: 'Can officers attend political group meetings?',
      channel: 'C0MIA',
    });
    await sendEvent(app, eventCallback(first));
    await app.stub.waitFor(firstPost('C0MIA', first.ts));
    const followUp = mention({
      user: 'U0MIA',
      text: 'and can they give advice there?',
      channel: 'C0MIA',
      threadTs: first.ts,
    });
    await sendEvent(app, eventCallback(followUp));
    const reply = await app.stub.waitFor((calls) => postsTo('C0MIA', first.ts)(calls)[1]);
    expect(blockText(reply.params.blocks)).toMatch(/political group/i);
    // Read on its own, the follow-up gets a different reply: the thread's question made the difference.
    const alone = await app.runtime.pipeline.answer({ text: 'and can they give advice there?' });
    expect(reply.params.text).not.toBe(alone.text);
  });

  it('runs the assistant pane: suggested prompts, a title, a searching status, then the answer in the thread', async () => {
    const threadTs = nextTs();
    await sendEvent(
      app,
      eventCallback({
        type: 'assistant_thread_started',
        assistant_thread: {
          user_id: 'U0NINA',
          context: { channel_id: 'C0GENERAL', team_id: 'T0COUNCIL', enterprise_id: null },
          channel_id: 'D0NINA',
          thread_ts: threadTs,
        },
        ts: nextTs(),
      }),
    );
    const prompts = await app.stub.waitFor((calls) =>
      calls.find(
        (call) =>
          call.method === 'assistant.threads.setSuggestedPrompts' && call.params.channel_id === 'D0NINA',
      ),
    );
    expect(blockText(prompts.params.prompts)).toContain('political group meetings');

    const message = {
      type: 'message',
      channel_type: 'im',
      channel: 'D0NINA',
      user: 'U0NINA',
      text: emailQuestion,
      ts: nextTs(),
      thread_ts: threadTs,
    };
    await sendEvent(app, eventCallback(message));
    const answer = await app.stub.waitFor((calls) =>
      postsTo(
        'D0NINA',
        threadTs,
      )(calls).find((call) => blockText(call.params.blocks).includes('two working days')),
    );
    const status = app.stub
      .callsTo('assistant.threads.setStatus')
      .find((call) => call.params.thread_ts === threadTs);
    const title = app.stub
      .callsTo('assistant.threads.setTitle')
      .find((call) => call.params.thread_ts === threadTs);
    expect(status?.params.status).toBe(searchingStatus);
    expect(title?.params.title).toContain('How quickly must an officer reply');
    expect(status?.at ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(answer.at);
  });

  it('records 👍 feedback against the logged question and thanks the user privately', async () => {
    const event = mention({ user: 'U0OSCAR', text: emailQuestion, channel: 'C0OSCAR' });
    await sendEvent(app, eventCallback(event));
    const reply = await app.stub.waitFor(firstPost('C0OSCAR', event.ts));
    const everything = { from: '2000-01-01', to: '2100-12-31' };
    const before = (await app.runtime.handoff.report(everything)).questions.feedback.up;
    await sendInteraction(
      app,
      blockAction({
        user: 'U0OSCAR',
        actionId: slackActionIds.feedbackUp,
        value: buttonValue(reply, slackActionIds.feedbackUp),
        channel: 'C0OSCAR',
        messageTs: '1763999999.000010',
        threadTs: event.ts,
      }),
    );
    const thanks = await app.stub.waitFor((calls) =>
      calls.find((call) => call.method === 'chat.postEphemeral' && call.params.user === 'U0OSCAR'),
    );
    expect(thanks.params.text).toMatch(/feedback has been recorded/);
    expect((await app.runtime.handoff.report(everything)).questions.feedback.up).toBe(before + 1);
  });
});

// Acknowledged means stored: when the inbox cannot take a question, Slack must not hear "received", so it sends
// the event again — and the retry, once the store is back, is answered.
describe('Slack over HTTP when the inbox cannot store a question', () => {
  it('answers 500 instead of acknowledging, and answers Slack’s retry once the store is back', async () => {
    const restore = breakInbox(app.runtime.config.DATA_DIR);
    const event = mention({
      user: 'U0OUTAGE',
      text: 'How quickly must an officer reply to a councillor’s email?',
      channel: 'C0OUTAGE',
    });
    const body = eventCallback(event);
    const refused = await sendEvent(app, body);
    restore();
    expect(refused.status).toBe(500);

    const retried = await sendEvent(app, body, { retryNum: 1 });
    expect(retried.status).toBe(200);
    const reply = await app.stub.waitFor((calls) =>
      calls.find((call) => call.method === 'chat.postMessage' && call.params.channel === 'C0OUTAGE'),
    );
    expect(reply.params.thread_ts).toBe(event.ts);
  });
});

describe('Slack app over HTTP with answer threads, as `serve` runs it', () => {
  let threaded: SlackTestApp;
  beforeAll(async () => {
    threaded = await startSlackTestApp({ answerWorkers: 1 });
  });
  afterAll(async () => {
    await threaded?.close();
  });

  it('answers concurrent mentions in their threads and escalates through the case store', async () => {
    const questions = [
      emailQuestion,
      'Can officers attend political group meetings?',
      'Which party should I vote for?',
    ];
    const events = questions.map((text, index) =>
      mention({ user: `U0THREAD${index}`, text, channel: `C0THREAD${index}` }),
    );
    const sensitive = mention({
      user: 'U0IVAN',
      text: 'Cllr Smith shouted at me in front of my team again today and I feel bullied',
      channel: 'C0THREADPUB',
    });
    const responses = await Promise.all(
      [...events, sensitive].map((event) => sendEvent(threaded, eventCallback(event))),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);

    const replies = await Promise.all(
      events.map((event, index) => threaded.stub.waitFor(firstPost(`C0THREAD${index}`, event.ts))),
    );
    expect(blockText(replies[0]?.params.blocks)).toMatch(/two working days/);
    expect(blockText(replies[1]?.params.blocks)).toMatch(/political group/i);
    expect(blockText(replies[2]?.params.blocks)).not.toMatch(/two working days/);

    const inChannel = await threaded.stub.waitFor(firstPost('C0THREADPUB', sensitive.ts));
    expect(inChannel.params.text).toBe(adapterReplies.movedToDirectMessage);
    const direct = await threaded.stub.waitFor(firstPost('D0IVAN'));
    const reference = blockText(direct.params.blocks).match(/MO-\d{4}-\d{4}/)?.[0] as string;
    expect((await threaded.runtime.handoff.cases.get(reference)).replyTo).toMatchObject({
      channel: 'C0THREADPUB',
    });
    expect(threaded.logs.filter((line) => line.level !== 'info')).toEqual([]);
  });
});
