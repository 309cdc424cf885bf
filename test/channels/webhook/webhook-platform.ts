import express from 'express';
import { z } from 'zod';
import type { ChatPlatformFactory, ReadyTurn, Responder } from '../../../src/channels/conversation/index.js';

// A whole chat platform in one file, to measure what adding one costs: a JSON webhook that posts questions to
// /webhook/messages and receives replies at its own callback URL. It only parses, renders and sends; dedupe, the
// durable inbox, rate limit, follow-ups, logging and private routing come from the conversation flow.

const messageSchema = z.object({
  id: z.string(),
  user: z.string(),
  room: z.string(),
  text: z.string(),
  callbackUrl: z.url(),
});

function responder(message: z.infer<typeof messageSchema>): Responder {
  const send = async (text: string, extra: Record<string, unknown> = {}) => {
    const response = await fetch(message.callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ room: message.room, inReplyTo: message.id, text, ...extra }),
    });
    if (!response.ok) throw new Error(`webhook callback answered ${response.status}`);
  };
  return {
    help: () => send('Ask me about the member/officer protocol.'),
    slowDown: () => send('Please wait a minute.'),
    answer: (answer) => send(answer.text, { decision: answer.decision, citations: answer.citations }),
    answerPrivately: (answer) => send('I have passed this on privately.', { decision: answer.decision }),
  };
}

function readMessage(payload: unknown): ReadyTurn | null {
  const parsed = messageSchema.safeParse(payload);
  if (!parsed.success) return null;
  const message = parsed.data;
  return {
    question: {
      text: message.text,
      asker: { platform: 'webhook', userId: message.user },
      eventId: `webhook:${message.id}`,
      threadKey: message.room,
      publicChannel: true,
      replyTo: { room: message.room },
    },
    responder: responder(message),
  };
}

/** The webhook platform, mounted as `serve` mounts Slack and Teams. */
export const webhookPlatform: ChatPlatformFactory = {
  name: 'webhook',
  enabled: () => true,
  async mount(server, ports) {
    ports.conversation.register('webhook', (entry) => readMessage(entry.payload));
    server.app.post('/webhook/messages', express.json(), async (request, response) => {
      const parsed = messageSchema.safeParse(request.body);
      if (!parsed.success) {
        response.status(400).json({ error: 'invalid message' });
        return;
      }
      const { id, room } = parsed.data;
      // In the inbox before the 200: acknowledged means it will be answered, even after a crash.
      const fresh = await ports.conversation.receive({
        platform: 'webhook',
        deliveryId: id,
        payload: parsed.data,
        replyTo: { room },
      });
      response.status(200).json({ accepted: fresh });
    });
    return { label: 'webhook', stop: async () => {} };
  },
};
