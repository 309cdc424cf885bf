import type { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { feedbackComment, feedbackInvokeSchema, type TeamsActivity } from './teams-activity.js';
import type { TeamsAdapter } from './teams-adapter.js';

/** Records thumbs up / down (the `message/submitAction` invoke) against the logged question, then answers 200. */
export async function recordFeedback(
  adapter: TeamsAdapter,
  context: TurnContext,
  activity: TeamsActivity,
): Promise<void> {
  const { logger, questions } = adapter.ports;
  const parsed = feedbackInvokeSchema.safeParse(activity.value);
  const questionId = activity.replyToId ? adapter.feedbackTargets.get(activity.replyToId) : undefined;
  if (!parsed.success) {
    logger.warn('teams feedback invoke not understood', { activity: activity.id });
  } else if (!questionId) {
    // Ids are kept in memory only; feedback on a message from before a restart cannot be matched.
    logger.warn('teams feedback for an unknown message', { replyToId: activity.replyToId });
  } else {
    const comment = feedbackComment(parsed.data.actionValue.feedback);
    await questions.recordFeedback(questionId, {
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
}

/** Answers an invoke with 200 (Teams shows an error to the user otherwise). */
export async function acknowledgeInvoke(context: TurnContext): Promise<void> {
  await context.sendActivity({
    type: 'invokeResponse',
    value: { status: 200, body: {} },
  } as unknown as Activity);
}
