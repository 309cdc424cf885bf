import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Answer } from '../../answer/answer-schema.js';
import type { Question } from '../../answer/question.js';
import type { Runtime } from '../../app/runtime.js';
import type { Actor } from '../../cases/case-types.js';
import { documentWarnings } from '../../corpus/document-warnings.js';
import { describeError, ProtocolBotError } from '../../errors.js';
import { BoundedMap } from './bounded-map.js';
import { type CardAction, parseCardAction } from './card-actions.js';
import { ConversationMemory } from './conversation-memory.js';
import {
  conversationReferenceSchema,
  type MonitoringOfficerRegistry,
} from './monitoring-officer-registry.js';
import { RateLimiter } from './rate-limiter.js';
import { renderAnswerCard } from './render-answer-card.js';
import { neutralPublicReply, renderPlainReply } from './render-plain-reply.js';
import { stripMentions } from './strip-mentions.js';
import {
  feedbackComment,
  feedbackInvokeSchema,
  isPublicConversation,
  type TeamsActivity,
  teamsActivitySchema,
  tenantOf,
} from './teams-activity.js';
import type { TeamsMessenger } from './teams-messenger.js';
import { teamsReplyTarget } from './teams-reply-target.js';

/** The command a Monitoring Officer sends once, in a personal chat, to receive case notices there. */
const registrationCommand = /^register\s+(me\s+)?as\s+(the\s+)?monitoring\s+officer[.!]?$/i;

/** Activity ids remembered to answer a redelivered activity once. */
const SEEN_ACTIVITIES = 10_000;
/** Bot message ids remembered to match thumbs up / down to the logged question. */
const FEEDBACK_TARGETS = 10_000;

/** What a turn needs; all of it lives as long as the mounted endpoint. */
export interface TurnHandlerOptions {
  runtime: Runtime;
  messenger: TeamsMessenger;
  registry: MonitoringOfficerRegistry;
}

/**
 * The bot's logic for one Teams turn: questions (personal, group chat, channel @mention), card submits ("Ask the
 * Monitoring Officer", the Monitoring Officer's Claim / Answer / Close), the feedback invoke, and the Monitoring
 * Officer's registration command. No business rule lives here: questions go to the one answering pipeline and
 * case actions to the case service.
 */
export function createTurnHandler(options: TurnHandlerOptions): (context: TurnContext) => Promise<void> {
  const { runtime, messenger, registry } = options;
  const { logger, config } = runtime;
  const memory = new ConversationMemory();
  const seen = new BoundedMap<string, true>(SEEN_ACTIVITIES);
  const feedbackTargets = new BoundedMap<string, string>(FEEDBACK_TARGETS);
  const rateLimiter = new RateLimiter(config.RATE_LIMIT_PER_MINUTE, runtime.clock);
  const monitoringOfficers = new Set(config.MONITORING_OFFICER_TEAMS_IDS);

  const warningsFor = (answer: Answer): string[] => {
    const documents = [...new Set(answer.citations.map((citation) => citation.document))];
    return documents.flatMap((id) => {
      const meta = runtime.retriever.documents.get(id);
      return meta ? documentWarnings(meta, runtime.clock) : [];
    });
  };

  const recordQuestion = async (activity: TeamsActivity, answer: Answer): Promise<string | undefined> => {
    try {
      return await runtime.handoff.questions.record({
        platform: 'teams',
        userId: activity.from.aadObjectId ?? activity.from.id,
        question: answer.question,
        decision: answer.decision,
        citations: answer.citations,
        ...(answer.handoff?.reference ? { caseReference: answer.handoff.reference } : {}),
      });
    } catch (error) {
      // The asker still gets the answer; the log entry (and its feedback buttons) is what is lost.
      logger.error('teams question not logged', { activity: activity.id, error: describeError(error) });
      return undefined;
    }
  };

  const ask = async (
    context: TurnContext,
    activity: TeamsActivity,
    text: string,
    forceEscalation: boolean,
  ): Promise<void> => {
    const userId = activity.from.aadObjectId ?? activity.from.id;
    if (!rateLimiter.allow(userId)) {
      logger.warn('teams rate limit reached', { user: userId, perMinute: config.RATE_LIMIT_PER_MINUTE });
      await messenger.reply(context, {
        type: 'message',
        text: 'You’ve asked a lot of questions in the last minute. Please wait a moment and ask again.',
      });
      return;
    }
    const conversationId = activity.conversation.id;
    const reference = conversationReferenceSchema.parse(context.activity.getConversationReference());
    const publicConversation = isPublicConversation(activity);
    const question: Question = {
      text,
      history: forceEscalation ? [] : memory.history(conversationId),
      asker: {
        platform: 'teams',
        userId,
        ...(activity.from.name ? { displayName: activity.from.name } : {}),
      },
      ...(activity.id ? { eventId: `teams:${conversationId}:${activity.id}` } : {}),
      replyTo: teamsReplyTarget(reference, activity.from.id, tenantOf(activity)),
      publicChannel: publicConversation,
      ...(forceEscalation ? { forceEscalation: true } : {}),
    };
    const answer = await runtime.pipeline.answer(question);
    if (!forceEscalation) memory.remember(conversationId, text);
    const questionId = await recordQuestion(activity, answer);
    logger.info('teams question answered', {
      activity: activity.id,
      conversationType: activity.conversation.conversationType,
      decision: answer.decision,
      case: answer.handoff?.reference,
    });

    if (answer.decision === 'answer') {
      const messages = renderAnswerCard(answer, {
        warnings: warningsFor(answer),
        feedback: Boolean(questionId),
      });
      for (const [index, message] of messages.entries()) {
        const sentId = await messenger.reply(context, message);
        if (index === 0 && sentId && questionId) feedbackTargets.set(sentId, questionId);
      }
      return;
    }
    if (answer.decision === 'escalate' && answer.handoff?.sensitive && publicConversation) {
      await messenger.reply(context, { type: 'message', text: neutralPublicReply });
      await continuePrivately(context, activity, answer);
      return;
    }
    await messenger.reply(context, renderPlainReply(answer));
  };

  const continuePrivately = async (context: TurnContext, activity: TeamsActivity, answer: Answer) => {
    try {
      await messenger.sendPersonal(
        {
          userId: activity.from.id,
          tenantId: tenantOf(activity),
          serviceUrl: context.activity.serviceUrl ?? '',
          agent: {
            id: activity.recipient.id,
            ...(activity.recipient.name ? { name: activity.recipient.name } : {}),
          },
        },
        [renderPlainReply(answer)],
      );
    } catch (error) {
      // The case is open and the Monitoring Officer has it; only the private acknowledgement is lost.
      logger.error('teams sensitive escalation could not continue in personal chat', {
        activity: activity.id,
        case: answer.handoff?.reference,
        error: describeError(error),
      });
    }
  };

  const register = async (context: TurnContext, activity: TeamsActivity) => {
    const aadObjectId = activity.from.aadObjectId;
    if (activity.conversation.conversationType !== 'personal') {
      await messenger.reply(context, {
        type: 'message',
        text: 'Please send “register as monitoring officer” to me in a personal chat.',
      });
      return;
    }
    if (!aadObjectId || !monitoringOfficers.has(aadObjectId)) {
      logger.warn('teams monitoring officer registration refused', { user: aadObjectId ?? activity.from.id });
      await messenger.reply(context, {
        type: 'message',
        text: 'Only the accounts configured as the Monitoring Officer (MONITORING_OFFICER_TEAMS_IDS) can register for case notices.',
      });
      return;
    }
    const { activityId: _question, ...chat } = conversationReferenceSchema.parse(
      context.activity.getConversationReference() as ConversationReference,
    );
    await registry.register(aadObjectId, activity.from.name, chat);
    logger.info('teams monitoring officer registered', { user: aadObjectId });
    await messenger.reply(context, {
      type: 'message',
      text: 'Registered. New cases for the Monitoring Officer will arrive in this chat as cards you can claim, answer and close.',
    });
  };

  const actOnCase = async (
    context: TurnContext,
    activity: TeamsActivity,
    action: Extract<CardAction, { reference: string }>,
  ) => {
    const aadObjectId = activity.from.aadObjectId;
    if (!aadObjectId || !monitoringOfficers.has(aadObjectId)) {
      logger.warn('teams case action refused', {
        user: aadObjectId ?? activity.from.id,
        case: action.reference,
      });
      await messenger.reply(context, {
        type: 'message',
        text: 'Only the Monitoring Officer can act on cases.',
      });
      return;
    }
    const actor: Actor = {
      platform: 'teams',
      userId: aadObjectId,
      ...(activity.from.name ? { displayName: activity.from.name } : {}),
    };
    const cases = runtime.handoff.cases;
    let confirmation: string;
    try {
      if (action.action === 'case_claim') {
        await cases.claim(action.reference, actor);
        confirmation = `You have claimed case ${action.reference}.`;
      } else if (action.action === 'case_answer') {
        const answerText = action.answerText?.trim();
        if (!answerText) {
          await messenger.reply(context, {
            type: 'message',
            text: `Type your answer in the box on the card for case ${action.reference}, then press “Send answer”.`,
          });
          return;
        }
        await cases.answer(action.reference, actor, answerText);
        confirmation = `Your answer to case ${action.reference} has been recorded and is being sent to the asker.`;
      } else {
        await cases.close(action.reference, actor);
        confirmation = `Case ${action.reference} is closed.`;
      }
    } catch (error) {
      if (!ProtocolBotError.isInstance(error) || error.retryable) throw error;
      logger.warn('teams case action rejected', { case: action.reference, code: error.code });
      confirmation = error.message;
    }
    logger.info('teams case action', { case: action.reference, action: action.action, user: aadObjectId });
    await messenger.reply(context, { type: 'message', text: confirmation });
  };

  const feedback = async (context: TurnContext, activity: TeamsActivity) => {
    const parsed = feedbackInvokeSchema.safeParse(activity.value);
    const questionId = activity.replyToId ? feedbackTargets.get(activity.replyToId) : undefined;
    if (!parsed.success) {
      logger.warn('teams feedback invoke not understood', { activity: activity.id });
    } else if (!questionId) {
      // Ids are kept in memory only; feedback on a message from before a restart cannot be matched.
      logger.warn('teams feedback for an unknown message', { message: activity.replyToId });
    } else {
      const comment = feedbackComment(parsed.data.actionValue.feedback);
      await runtime.handoff.questions.recordFeedback(questionId, {
        rating: parsed.data.actionValue.reaction === 'like' ? 'up' : 'down',
        userId: activity.from.aadObjectId ?? activity.from.id,
        ...(comment ? { comment } : {}),
      });
      logger.info('teams feedback recorded', {
        question: questionId,
        reaction: parsed.data.actionValue.reaction,
      });
    }
    await acknowledgeInvoke(context);
  };

  return async (context: TurnContext) => {
    const parsed = teamsActivitySchema.safeParse(context.activity);
    if (!parsed.success) {
      logger.warn('teams activity ignored: unexpected shape', {
        type: context.activity.type,
        problem: parsed.error.issues[0]?.message,
      });
      return;
    }
    const activity = parsed.data;
    if (activity.type !== 'message' && activity.type !== 'invoke') return;

    if (activity.id) {
      const key = `${activity.conversation.id}|${activity.id}`;
      if (seen.has(key)) {
        logger.info('teams duplicate activity ignored', { activity: activity.id, type: activity.type });
        if (activity.type === 'invoke') await acknowledgeInvoke(context);
        return;
      }
      seen.set(key, true);
    }

    if (activity.type === 'invoke') {
      if (activity.name === 'message/submitAction') await feedback(context, activity);
      return;
    }

    const action = activity.value === undefined ? undefined : parseCardAction(activity.value);
    if (action?.action === 'ask_monitoring_officer') {
      await ask(context, activity, action.question, true);
      return;
    }
    if (action) {
      await actOnCase(context, activity, action);
      return;
    }

    const text = stripMentions(activity.text ?? '', activity.entities ?? [], activity.recipient.id);
    if (registrationCommand.test(text)) {
      await register(context, activity);
      return;
    }
    if (text === '' && activity.value !== undefined) {
      logger.warn('teams card submit not understood', { activity: activity.id });
      return;
    }
    await ask(context, activity, text, false);
  };
}

async function acknowledgeInvoke(context: TurnContext): Promise<void> {
  await context.sendActivity({
    type: 'invokeResponse',
    value: { status: 200, body: {} },
  } as unknown as Activity);
}
