import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/cases/migrations.js';
import {
  eventCallback,
  mention,
  type SlackTestApp,
  sendEvent,
  startSlackTestApp,
} from '../slack/slack-test-app.js';

// Acknowledged means stored: when the inbox cannot take a question, Slack must not hear "received", so it sends
// the event again — and the retry, once the store is back, is answered.

let app: SlackTestApp;

beforeAll(async () => {
  app = await startSlackTestApp();
});

afterAll(async () => {
  await app?.close();
});

describe('Slack over HTTP when the inbox cannot store a question', () => {
  it('answers 500 instead of acknowledging, and answers Slack’s retry once the store is back', async () => {
    const file = path.join(app.runtime.config.DATA_DIR, 'cases.db');
    const intruder = new Database(file);
    try {
      intruder.exec('DROP TABLE inbox');
      const event = mention({
        user: 'U0OUTAGE',
        text: 'How quickly must an officer reply to a councillor’s email?',
        channel: 'C0OUTAGE',
      });
      const body = eventCallback(event);
      const refused = await sendEvent(app, body);
      expect(refused.status).toBe(500);

      intruder.exec(migrations.find((step) => step.version === 2)?.sql ?? '');
      const retried = await sendEvent(app, body, { retryNum: 1 });
      expect(retried.status).toBe(200);
      const reply = await app.stub.waitFor((calls) =>
        calls.find((call) => call.method === 'chat.postMessage' && call.params.channel === 'C0OUTAGE'),
      );
      expect(reply.params.thread_ts).toBe(event.ts);
    } finally {
      intruder.close();
    }
  });
});
