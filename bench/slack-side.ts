import http from 'node:http';
import { eventCallback, mention, sign } from '../test/channels/slack/slack-test-app.js';
import type { RecordedCall, StubSlackApi } from '../test/support/stub-slack-api.js';

/** Slack's side of the benchmarks: signed event deliveries on kept-alive connections, and the wait for the reply. */
export interface SlackSide {
  /**
   * Sends one signed @mention from `user` (in channel `C<user>`) and waits for the bot's threaded reply at the stub
   * Slack API: the acknowledgement time, and the time until `chat.postMessage` arrived, both from the send.
   */
  mentionAndWait(
    stub: StubSlackApi,
    eventsUrl: string,
    user: string,
    text: string,
  ): Promise<{ ackMs: number; answerMs: number }>;
  /** Closes the kept-alive connections. */
  destroy(): void;
}

/**
 * A Slack side whose replies must arrive within `answerTimeoutMs`. Deliveries use node:http rather than fetch, whose
 * own CPU per request (about 1 ms here) would be counted in the bot's acknowledgement time when fifty are sent at
 * once from this thread.
 */
export function createSlackSide(answerTimeoutMs: number): SlackSide {
  const agent = new http.Agent({ keepAlive: true });
  const now = () => performance.timeOrigin + performance.now();

  function postSigned(url: string, body: string): Promise<number> {
    const timestamp = Math.floor(Date.now() / 1000);
    return new Promise((resolve, reject) => {
      const request = http.request(url, {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': sign(body, timestamp),
        },
      });
      request.on('error', reject);
      request.on('response', (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.end(body);
    });
  }

  return {
    async mentionAndWait(stub, eventsUrl, user, text) {
      const channel = `C${user}`;
      const event = mention({ user, text, channel });
      // Listening before sending: the stub tells this thread of each call as it arrives (no polling).
      const answerIn = new Promise<RecordedCall>((resolve, reject) => {
        const timer = setTimeout(() => {
          stopListening();
          reject(new Error(`no answer in ${channel} within ${answerTimeoutMs / 1000} s`));
        }, answerTimeoutMs);
        const stopListening = stub.onCall((call) => {
          if (call.method !== 'chat.postMessage' || call.params.channel !== channel) return;
          if (call.params.thread_ts !== event.ts) return;
          clearTimeout(timer);
          stopListening();
          resolve(call);
        });
      });
      const started = now();
      const status = await postSigned(eventsUrl, JSON.stringify(eventCallback(event)));
      const ackMs = now() - started;
      if (status !== 200) throw new Error(`mention was not acknowledged: HTTP ${status}`);
      const posted = await answerIn;
      return { ackMs, answerMs: posted.time - started };
    },
    destroy() {
      agent.destroy();
    },
  };
}
