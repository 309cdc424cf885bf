import type { App, RespondFn } from '@slack/bolt';
import type { Actor, CaseRecord } from '../../cases/index.js';
import { parseClauseList } from '../../corpus/index.js';
import { describeError, ProtocolBotError } from '../../errors.js';
import { readAction, replyPrivately } from './register-answer-actions.js';
import { renderCaseAnswerModal, renderCaseCard, renderCaseDetailsModal } from './render-case-card.js';
import { caseAnswerInput, caseAnswerViewId, caseClausesInput, slackActionIds } from './slack-action-ids.js';
import type { SlackAdapter } from './slack-adapter.js';
import { caseReferenceValueSchema } from './slack-button-values.js';
import {
  type BlockActionBody,
  caseAnswerSubmissionSchema,
  caseCardLocationSchema,
} from './slack-payloads.js';
import { slackErrorCode } from './slack-platform-error.js';

/** Told to anyone outside MONITORING_OFFICER_SLACK_USERS who presses a case button. */
export const onlyMonitoringOfficerReply =
  'Only the Monitoring Officer can claim, answer, close or view cases. If you need to, ask them directly.';

/**
 * Registers the Monitoring Officer's case card buttons: Claim, Answer (a modal whose submission answers the case
 * and queues the answer for the asker), Close, and View (the details of a sensitive case). Only users in
 * MONITORING_OFFICER_SLACK_USERS may use them; the card is updated to show the new status.
 */
export function registerCaseActions(app: App, adapter: SlackAdapter): void {
  const { ports } = adapter;
  const { cases } = ports;

  const caseAction = (
    actionId: string,
    handle: (action: BlockActionBody, reference: string, actor: Actor) => Promise<void>,
  ) => {
    app.action(actionId, async ({ ack, body, respond }) => {
      await ack();
      const action = readAction(adapter, body);
      const reference = caseReferenceValueSchema.safeParse(action?.actions[0]?.value);
      if (!action || !reference.success) {
        ports.logger.warn('unreadable case action', { actionId });
        return;
      }
      if (!adapter.monitoringOfficers.has(action.user.id)) {
        ports.logger.warn('case action refused: not a monitoring officer', {
          actionId,
          userId: action.user.id,
          reference: reference.data,
        });
        await replyPrivately(adapter, action, respond, onlyMonitoringOfficerReply);
        return;
      }
      try {
        await handle(action, reference.data, { platform: 'slack', userId: action.user.id });
      } catch (error) {
        await reportCaseError(adapter, action, respond, reference.data, error);
      }
    });
  };

  caseAction(slackActionIds.caseClaim, async (action, reference, actor) => {
    await updateCard(adapter, action, await cases.claim(reference, actor));
  });

  caseAction(slackActionIds.caseClose, async (action, reference, actor) => {
    await updateCard(adapter, action, await cases.close(reference, actor));
  });

  caseAction(slackActionIds.caseView, async (action, reference) => {
    if (!action.trigger_id) return;
    await adapter.client.views.open({
      trigger_id: action.trigger_id,
      view: renderCaseDetailsModal(await cases.get(reference)),
    });
  });

  caseAction(slackActionIds.caseAnswer, async (action, reference) => {
    if (!action.trigger_id) return;
    const location = JSON.stringify({
      reference,
      channel: action.container.channel_id ?? action.channel?.id,
      ts: action.container.message_ts ?? action.message?.ts,
    });
    await adapter.client.views.open({
      trigger_id: action.trigger_id,
      view: renderCaseAnswerModal(await cases.get(reference), location),
    });
  });

  app.view(caseAnswerViewId, async ({ ack, body }) => {
    const parsed = caseAnswerSubmissionSchema.safeParse(body);
    const location = parsed.success ? parseLocation(parsed.data.view.private_metadata) : null;
    if (!parsed.success || !location) {
      ports.logger.warn('unreadable case answer submission');
      await ack();
      return;
    }
    const userId = parsed.data.user.id;
    const text =
      parsed.data.view.state.values[caseAnswerInput.block]?.[caseAnswerInput.action]?.value?.trim();
    const fail = (message: string) =>
      ack({ response_action: 'errors', errors: { [caseAnswerInput.block]: message } });
    if (!adapter.monitoringOfficers.has(userId)) {
      await fail(onlyMonitoringOfficerReply);
      return;
    }
    if (!text) {
      await fail('Please write an answer.');
      return;
    }
    const named = parseClauseList(
      parsed.data.view.state.values[caseClausesInput.block]?.[caseClausesInput.action]?.value ?? '',
      ports.corpus.clauses,
    );
    if (!named.ok) {
      await ack({ response_action: 'errors', errors: { [caseClausesInput.block]: named.message } });
      return;
    }
    let record: CaseRecord;
    try {
      // Answered before acknowledging, so a refusal (e.g. the case was closed meanwhile) shows in the modal.
      record = await cases.answer(location.reference, { platform: 'slack', userId }, text, named.clauses);
    } catch (error) {
      ports.logger.error('could not answer a case from slack', {
        error: describeError(error),
        reference: location.reference,
        userId,
      });
      await fail(
        ProtocolBotError.isInstance(error) && error.code !== 'store_unavailable'
          ? error.message
          : 'Sorry — the answer could not be saved. Please try again.',
      );
      return;
    }
    await ack();
    if (location.channel && location.ts) {
      await updateCardAt(adapter, location.channel, location.ts, record);
    }
  });
}

async function updateCard(adapter: SlackAdapter, action: BlockActionBody, record: CaseRecord): Promise<void> {
  const channel = action.container.channel_id ?? action.channel?.id;
  const ts = action.container.message_ts ?? action.message?.ts;
  if (channel && ts) await updateCardAt(adapter, channel, ts, record);
}

async function updateCardAt(
  adapter: SlackAdapter,
  channel: string,
  ts: string,
  record: CaseRecord,
): Promise<void> {
  const card = renderCaseCard(record);
  try {
    await adapter.client.chat.update({ channel, ts, text: card.text, blocks: card.blocks });
  } catch (error) {
    // The case itself changed; only the card is stale.
    adapter.ports.logger.error('could not update a case card', {
      error: describeError(error),
      slackError: slackErrorCode(error),
      reference: record.reference,
      channel,
    });
  }
}

async function reportCaseError(
  adapter: SlackAdapter,
  action: BlockActionBody,
  respond: RespondFn | undefined,
  reference: string,
  error: unknown,
): Promise<void> {
  adapter.ports.logger.error('case action failed', {
    error: describeError(error),
    slackError: slackErrorCode(error),
    reference,
    userId: action.user.id,
    actionId: action.actions[0]?.action_id,
  });
  const readable =
    ProtocolBotError.isInstance(error) &&
    ['case_not_found', 'case_invalid_transition', 'case_forbidden'].includes(error.code);
  await replyPrivately(
    adapter,
    action,
    respond,
    readable ? (error as Error).message : `Sorry — that didn’t work for case ${reference}. Please try again.`,
  );
}

function parseLocation(privateMetadata: string) {
  try {
    const parsed = caseCardLocationSchema.safeParse(JSON.parse(privateMetadata));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
