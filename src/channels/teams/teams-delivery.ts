import { randomUUID } from 'node:crypto';
import type { TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import type { InboxEntry } from '../../cases/index.js';
import type { IncomingQuestion, ReadyTurn } from '../conversation/index.js';
import { conversationReferenceSchema } from './monitoring-officer-registry.js';
import { isPublicConversation, type TeamsActivity, tenantOf } from './teams-activity.js';
import type { TeamsAdapter } from './teams-adapter.js';
import { teamsReplyTarget, teamsReplyTargetSchema } from './teams-reply-target.js';
import { sendInTurn, sendProactively, teamsResponder } from './teams-responder.js';

/**
 * A Teams question as stored in the durable inbox: what was asked and the conversation reference, so it can be
 * answered proactively after a restart (the turn that brought it is gone by then).
 */
export const teamsDeliverySchema = z.object({
  kind: z.literal('question'),
  text: z.string(),
  /** AAD object id when Teams gives one, else the Teams user id. */
  userId: z.string(),
  displayName: z.string().optional(),
  /** `teams:{conversation}:{activity}`, passed to the pipeline so a redelivery never opens a second case. */
  eventId: z.string().optional(),
  /** Conversation (or channel reply chain) id: the follow-up memory key. */
  conversationId: z.string(),
  publicConversation: z.boolean(),
  forceEscalation: z.boolean().optional(),
  replyTo: teamsReplyTargetSchema,
  /** The asker's personal chat, for a sensitive escalation asked in public. */
  asker: z.object({
    userId: z.string(),
    tenantId: z.string().optional(),
    serviceUrl: z.string(),
    agent: z.object({ id: z.string(), name: z.string().optional() }),
  }),
});

/** A stored Teams question. */
export type TeamsDelivery = z.infer<typeof teamsDeliverySchema>;

/** The inbox delivery id of an activity: Teams sends the same conversation and activity id when it redelivers. */
export function activityDeliveryId(activity: TeamsActivity): string {
  return `${activity.conversation.id}|${activity.id ?? randomUUID()}`;
}

/**
 * Asks within the turn: the question is written to the inbox (before Teams gets its 200, which follows the turn)
 * and answered in the turn through its context. Resolves false for a redelivered activity.
 */
export function askInTurn(
  adapter: TeamsAdapter,
  context: TurnContext,
  activity: TeamsActivity,
  text: string,
  forceEscalation: boolean,
): Promise<boolean> {
  const reference = conversationReferenceSchema.parse(context.activity.getConversationReference());
  const userId = activity.from.aadObjectId ?? activity.from.id;
  const conversationId = activity.conversation.id;
  const delivery: TeamsDelivery = {
    kind: 'question',
    text,
    userId,
    ...(activity.from.name ? { displayName: activity.from.name } : {}),
    ...(activity.id ? { eventId: `teams:${conversationId}:${activity.id}` } : {}),
    conversationId,
    publicConversation: isPublicConversation(activity),
    ...(forceEscalation ? { forceEscalation: true } : {}),
    replyTo: teamsReplyTarget(reference, activity.from.id, tenantOf(activity)),
    asker: {
      userId: activity.from.id,
      tenantId: tenantOf(activity),
      serviceUrl: context.activity.serviceUrl ?? '',
      agent: {
        id: activity.recipient.id,
        ...(activity.recipient.name ? { name: activity.recipient.name } : {}),
      },
    },
  };
  return adapter.ports.conversation.receive(
    {
      platform: 'teams',
      deliveryId: activityDeliveryId(activity),
      payload: delivery,
      replyTo: delivery.replyTo,
    },
    {
      wait: true,
      live: {
        question: incomingQuestion(delivery),
        responder: teamsResponder(adapter, sendInTurn(adapter, context), delivery.asker),
      },
    },
  );
}

/** Reads a stored Teams question back into a turn answered proactively; null for anything else. */
export function readTeamsDelivery(adapter: TeamsAdapter, entry: InboxEntry): ReadyTurn | null {
  const parsed = teamsDeliverySchema.safeParse(entry.payload);
  if (!parsed.success) return null;
  const delivery = parsed.data;
  return {
    question: incomingQuestion(delivery),
    responder: teamsResponder(adapter, sendProactively(adapter, delivery.replyTo.reference), delivery.asker),
  };
}

function incomingQuestion(delivery: TeamsDelivery): IncomingQuestion {
  return {
    text: delivery.text,
    asker: {
      platform: 'teams',
      userId: delivery.userId,
      ...(delivery.displayName ? { displayName: delivery.displayName } : {}),
    },
    eventId: delivery.eventId,
    threadKey: delivery.conversationId,
    publicChannel: delivery.publicConversation,
    replyTo: { ...delivery.replyTo },
    forceEscalation: delivery.forceEscalation,
  };
}
