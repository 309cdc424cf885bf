import type { TurnContext } from '@microsoft/agents-hosting';
import { describeError } from '../../errors.js';
import { conversationReplies, type Responder } from '../conversation/index.js';
import type { StoredConversationReference } from './monitoring-officer-registry.js';
import { type OutgoingMessage, renderAnswerCard } from './render-answer-card.js';
import { neutralPublicReply, renderPlainReply } from './render-plain-reply.js';
import type { TeamsAdapter } from './teams-adapter.js';
import type { PersonalChatTarget } from './teams-messenger.js';

/** Sends messages where the question was asked; returns the id Teams gave the first one, when known. */
export type TeamsSend = (messages: OutgoingMessage[]) => Promise<string | undefined>;

/** Within the turn that brought the question (the ids of sent messages are known: feedback works). */
export function sendInTurn(adapter: TeamsAdapter, context: TurnContext): TeamsSend {
  return async (messages) => {
    let first: string | undefined;
    for (const [index, message] of messages.entries()) {
      const id = await adapter.messenger.reply(context, message);
      if (index === 0) first = id;
    }
    return first;
  };
}

/** Proactively, to the question's conversation and reply chain (a question answered from the inbox after a restart). */
export function sendProactively(adapter: TeamsAdapter, reference: StoredConversationReference): TeamsSend {
  return async (messages) => {
    await adapter.messenger.sendTo(reference, messages);
    return undefined;
  };
}

/**
 * Renders and sends the conversation flow's replies for one Teams question: an Adaptive Card with citations for an
 * answer (its feedback buttons matched to the logged question), plain text otherwise; a sensitive escalation asked
 * in a channel or group chat gets a neutral line there and continues in a personal chat.
 */
export function teamsResponder(adapter: TeamsAdapter, send: TeamsSend, asker: PersonalChatTarget): Responder {
  const { ports } = adapter;
  const text = (line: string): OutgoingMessage => ({ type: 'message', text: line });

  return {
    help: async () => {
      await send([text(conversationReplies.help)]);
    },
    slowDown: async () => {
      await send([text(conversationReplies.slowDown)]);
    },
    async answer(answer, questionId) {
      if (answer.decision !== 'answer') {
        await send([renderPlainReply(answer)]);
        return;
      }
      const messages = renderAnswerCard(answer, { feedback: Boolean(questionId) });
      const sentId = await send(messages);
      if (sentId && questionId) adapter.feedbackTargets.set(sentId, questionId);
    },
    async answerPrivately(answer) {
      await send([text(neutralPublicReply)]);
      try {
        await adapter.messenger.sendPersonal(asker, [renderPlainReply(answer)]);
      } catch (error) {
        // The case is open and the Monitoring Officer has it; only the private acknowledgement is lost.
        ports.logger.error('teams sensitive escalation could not continue in personal chat', {
          case: answer.handoff?.reference,
          error: describeError(error),
        });
      }
    },
  };
}
