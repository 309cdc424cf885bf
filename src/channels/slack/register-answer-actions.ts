import { randomUUID } from 'node:crypto';
import type { App, RespondFn } from '@slack/bolt';
import { describeError } from '../../errors.js';
import { renderClauseModal, renderMissingClauseModal } from './render-clause-modal.js';
import { slackActionIds } from './slack-action-ids.js';
import type { SlackAdapter } from './slack-adapter.js';
import {
  askMonitoringOfficerValueSchema,
  feedbackValueSchema,
  parseButtonValue,
  showClauseValueSchema,
} from './slack-button-values.js';
import { receiveSlackQuestion } from './slack-delivery.js';
import { type BlockActionBody, blockActionBodySchema } from './slack-payloads.js';
import { slackCallError, slackErrorCode } from './slack-platform-error.js';
import { tellPrivately } from './slack-replies.js';
import { isDirectMessageChannel } from './slack-reply-target.js';

/**
 * Registers the buttons on an answer: "Show clause" (a modal with the whole clause), 👍/👎 (recorded against the
 * question log), and "Ask the Monitoring Officer" (the same question through the pipeline with forced
 * escalation, so the reply looks like any other escalation). Every action is acknowledged first.
 */
export function registerAnswerActions(app: App, adapter: SlackAdapter): void {
  const { ports } = adapter;

  app.action(slackActionIds.showClause, async ({ ack, body, respond }) => {
    await ack();
    const action = readAction(adapter, body);
    const value = parseButtonValue(showClauseValueSchema, action?.actions[0]?.value);
    if (!action || !value || !action.trigger_id) {
      ports.logger.warn('unreadable show-clause action');
      return;
    }
    const clause = ports.corpus.clauses.find(
      (candidate) => candidate.document === value.document && candidate.id === value.clause,
    );
    const view = clause
      ? renderClauseModal(clause, ports.corpus.documents.get(clause.document), ports.clock)
      : renderMissingClauseModal(value.document, value.clause);
    try {
      await adapter.client.views.open({ trigger_id: action.trigger_id, view });
    } catch (error) {
      ports.logger.error('could not open the clause modal', {
        error: describeError(error),
        slackError: slackErrorCode(error),
        document: value.document,
        clause: value.clause,
      });
      await replyPrivately(
        adapter,
        action,
        respond,
        'Sorry — I couldn’t open that clause just now. Please try again.',
      );
    }
  });

  for (const [actionId, rating] of [
    [slackActionIds.feedbackUp, 'up'],
    [slackActionIds.feedbackDown, 'down'],
  ] as const) {
    app.action(actionId, async ({ ack, body, respond }) => {
      await ack();
      const action = readAction(adapter, body);
      const questionId = feedbackValueSchema.safeParse(action?.actions[0]?.value);
      if (!action || !questionId.success) {
        ports.logger.warn('unreadable feedback action');
        return;
      }
      let reply = 'Thanks — your feedback has been recorded.';
      try {
        await ports.questions.recordFeedback(questionId.data, { rating, userId: action.user.id });
      } catch (error) {
        ports.logger.error('could not record slack feedback', {
          error: describeError(error),
          questionId: questionId.data,
          userId: action.user.id,
        });
        reply = 'Sorry — I couldn’t record your feedback just now.';
      }
      await replyPrivately(adapter, action, respond, reply);
    });
  }

  app.action(slackActionIds.askMonitoringOfficer, async ({ ack, body }) => {
    const action = readAction(adapter, body);
    const value = parseButtonValue(askMonitoringOfficerValueSchema, action?.actions[0]?.value);
    const channel = action?.container.channel_id ?? action?.channel?.id;
    if (!action || !value || !channel) {
      await ack();
      ports.logger.warn('unreadable ask-the-monitoring-officer action');
      return;
    }
    const messageTs = action.container.message_ts ?? action.message?.ts;
    const ephemeral = (action.container.is_ephemeral === true || !messageTs) && Boolean(action.response_url);
    const threadTs = action.container.thread_ts ?? action.message?.thread_ts ?? messageTs;
    await receiveSlackQuestion(adapter, `action:${action.trigger_id ?? randomUUID()}`, {
      rawText: value.question,
      userId: action.user.id,
      // One case per answer, however often the button is pressed (the case store dedupes on this id).
      eventId: `ask-monitoring-officer:${channel}:${messageTs ?? value.questionId ?? action.trigger_id}`,
      channel,
      threadTs: ephemeral ? undefined : threadTs,
      inChannel: !isDirectMessageChannel(channel),
      replyTo: ephemeral ? { direct: true } : { channel, threadTs },
      forceEscalation: true,
      historyKey: ephemeral ? `${channel}:${action.user.id}` : undefined,
      reply:
        ephemeral && action.response_url
          ? { kind: 'ephemeral', responseUrl: action.response_url }
          : { kind: 'thread', channel, threadTs },
    });
    await ack();
  });
}

/** Parses a block action payload; null (logged) when it is not one the adapter can read. */
export function readAction(adapter: SlackAdapter, body: unknown): BlockActionBody | null {
  const parsed = blockActionBodySchema.safeParse(body);
  if (!parsed.success) {
    adapter.ports.logger.warn('unreadable slack block action', { issues: parsed.error.issues.length });
    return null;
  }
  return parsed.data;
}

/** A short note only the clicking user sees: through `response_url` on ephemeral messages, else postEphemeral. */
export async function replyPrivately(
  adapter: SlackAdapter,
  action: BlockActionBody,
  respond: RespondFn | undefined,
  text: string,
): Promise<void> {
  const channel = action.container.channel_id ?? action.channel?.id;
  try {
    if ((action.container.is_ephemeral || !channel) && respond) {
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    } else if (channel) {
      await tellPrivately(adapter.client, channel, action.user.id, text);
    }
  } catch (error) {
    adapter.ports.logger.error('could not send a private slack note', {
      error: describeError(slackCallError('ephemeral reply', error)),
      userId: action.user.id,
      channel,
    });
  }
}
