import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventCallback,
  mention,
  type SlackTestApp,
  sendEvent,
  sendSigned,
  startSlackTestApp,
} from '../channels/slack/slack-test-app.js';

let app: SlackTestApp;

beforeAll(async () => {
  app = await startSlackTestApp();
});

afterAll(async () => {
  await app?.close();
});

const question = () =>
  eventCallback(
    mention({ user: 'U0GUARD', text: 'How fast must I reply to a councillor?', channel: 'C0GUARD' }),
  );

describe('Slack requests checked before Bolt', () => {
  it('rejects a request signed more than five minutes in the future with 401, and answers nothing', async () => {
    const response = await sendEvent(app, question(), { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 });
    expect(response.status).toBe(401);
    expect(app.logs).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'slack request rejected: timestamp in the future' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.stub.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('still accepts a request a little ahead of our clock (Slack’s clock may run fast)', async () => {
    const response = await sendEvent(app, question(), { timestamp: Math.floor(Date.now() / 1000) + 60 });
    expect(response.status).toBe(200);
    await app.stub.waitFor((calls) => calls.some((call) => call.method === 'chat.postMessage'));
  });

  it('answers signed malformed JSON with 400, a short JSON body and one short log line', async () => {
    const before = app.logs.length;
    const response = await sendSigned(
      app.eventsUrl,
      `{"type": "event_callback", "event": ${'['.repeat(2_000)}`,
      'application/json',
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'malformed JSON' });
    const logged = app.logs.slice(before);
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0]).length).toBeLessThan(300);
  });

  it('answers an interaction whose payload is malformed JSON with 400 too', async () => {
    const body = new URLSearchParams({ payload: '{"type": "block_actions"' }).toString();
    const response = await sendSigned(app.eventsUrl, body, 'application/x-www-form-urlencoded');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'malformed JSON' });
  });

  it('keeps rejecting stale and unsigned requests with 401', async () => {
    const stale = await sendEvent(app, question(), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    const unsigned = await sendEvent(app, question(), { unsigned: true });
    expect(unsigned.status).toBe(401);
  });
});
