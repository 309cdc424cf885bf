import type { App, Receiver, ReceiverEvent } from '@slack/bolt';

/**
 * Socket Mode acknowledges an envelope before any listener runs. This holds the acknowledgement until the
 * listeners have finished — what `processBeforeResponse` does over HTTP — so a question is in the durable inbox
 * before Slack hears "received" and will never resend it. Listeners stay quick: they only accept the question.
 */
export function acknowledgeAfterListeners<R extends Receiver>(receiver: R): R {
  const init = receiver.init.bind(receiver);
  receiver.init = (app: App) =>
    init({
      processEvent: async (event: ReceiverEvent) => {
        let held: { response: unknown } | undefined;
        await app.processEvent({
          ...event,
          ack: async (response?: unknown) => {
            held = { response };
          },
        });
        if (held) await event.ack(held.response);
      },
    } as unknown as App);
  return receiver;
}
