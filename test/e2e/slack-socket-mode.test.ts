import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  blockText,
  botUserId,
  eventCallback,
  mention,
  type SlackTestApp,
  startSlackTestApp,
} from '../channels/slack/slack-test-app.js';
import { breakInbox } from '../support/inbox-outage.js';
import { type StubSlackApi, startStubSlackApi } from '../support/stub-slack-api.js';

let stub: StubSlackApi;
let sockets: WebSocketServer;
let app: SlackTestApp;
const received: unknown[] = [];
let connection: WebSocket | undefined;

beforeAll(async () => {
  sockets = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => sockets.once('listening', () => resolve()));
  sockets.on('connection', (socket) => {
    connection = socket;
    socket.on('message', (data) => received.push(JSON.parse(String(data))));
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'stub', approximate_connection_time: 3600 },
        connection_info: { app_id: 'A0PROTOBOT' },
      }),
    );
  });
  stub = await startStubSlackApi({ botUserId });
  stub.setSocketUrl(`ws://127.0.0.1:${(sockets.address() as AddressInfo).port}/link`);
  app = await startSlackTestApp({ stub, env: { SLACK_APP_TOKEN: 'xapp-test-token' } });
});

afterAll(async () => {
  await app?.close();
  for (const client of sockets?.clients ?? []) client.terminate();
  await new Promise<void>((resolve) => (sockets ? sockets.close(() => resolve()) : resolve()));
});

describe('Slack app in Socket Mode', () => {
  it('connects with the app token, acknowledges an events_api envelope and answers the mention', async () => {
    const opened = stub.callsTo('apps.connections.open')[0];
    expect(opened?.token).toBe('xapp-test-token');
    expect(connection).toBeDefined();

    const event = mention({
      user: 'U0SOCKET',
      text: 'How quickly must an officer reply to a councillor’s email?',
      channel: 'C0SOCKET',
    });
    connection?.send(
      JSON.stringify({
        envelope_id: 'envelope-1',
        type: 'events_api',
        accepts_response_payload: false,
        retry_attempt: 0,
        retry_reason: '',
        payload: eventCallback(event),
      }),
    );

    await stub.waitFor(() =>
      received.find((message) => (message as { envelope_id?: string }).envelope_id === 'envelope-1'),
    );
    const reply = await stub.waitFor((calls) =>
      calls.find(
        (call) =>
          call.method === 'chat.postMessage' &&
          call.params.channel === 'C0SOCKET' &&
          call.params.thread_ts === event.ts,
      ),
    );
    expect(blockText(reply.params.blocks)).toMatch(/two working days/);
  });

  it('leaves an envelope unacknowledged while the inbox cannot store its question, so Slack sends it again', async () => {
    const restore = breakInbox(app.runtime.config.DATA_DIR);
    const event = mention({
      user: 'U0SOCKET2',
      text: 'Who is the Head of Paid Service?',
      channel: 'C0SOCKET2',
    });
    const envelope = (id: string, attempt: number) =>
      JSON.stringify({
        envelope_id: id,
        type: 'events_api',
        accepts_response_payload: false,
        retry_attempt: attempt,
        retry_reason: attempt === 0 ? '' : 'timeout',
        payload: eventCallback(event, 'EvSocketOutage'),
      });
    const acked = (id: string) =>
      received.some((message) => (message as { envelope_id?: string }).envelope_id === id);
    connection?.send(envelope('envelope-2', 0));
    await new Promise((resolve) => setTimeout(resolve, 500));
    restore();
    expect(acked('envelope-2')).toBe(false);

    connection?.send(envelope('envelope-3', 1));
    await stub.waitFor(() => acked('envelope-3'));
    const reply = await stub.waitFor((calls) =>
      calls.find((call) => call.method === 'chat.postMessage' && call.params.channel === 'C0SOCKET2'),
    );
    expect(reply.params.thread_ts).toBe(event.ts);
  });
});
