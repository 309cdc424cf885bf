import type { TurnContext } from '@microsoft/agents-hosting';
import type { Actor } from '../../cases/index.js';
import { parseClauseList } from '../../corpus/index.js';
import { ProtocolBotError } from '../../errors.js';
import type { CardAction } from './card-actions.js';
import type { TeamsActivity } from './teams-activity.js';
import type { TeamsAdapter } from './teams-adapter.js';

/**
 * The Monitoring Officer's Claim / Answer / Close buttons on a case card, for accounts in
 * MONITORING_OFFICER_TEAMS_IDS only. A rejected transition is told to the officer; a store failure is thrown.
 */
export async function actOnCase(
  adapter: TeamsAdapter,
  context: TurnContext,
  activity: TeamsActivity,
  action: Extract<CardAction, { reference: string }>,
): Promise<void> {
  const { messenger, ports } = adapter;
  const { logger, cases } = ports;
  const aadObjectId = activity.from.aadObjectId;
  if (!aadObjectId || !adapter.monitoringOfficers.has(aadObjectId)) {
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
      const named = parseClauseList(action.answerClauses ?? '', ports.corpus.clauses);
      if (!named.ok) {
        await messenger.reply(context, {
          type: 'message',
          text: `Case ${action.reference} was not answered: ${named.message} Correct the clauses on the card (or clear them) and press “Send answer” again.`,
        });
        return;
      }
      await cases.answer(action.reference, actor, answerText, named.clauses);
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
}
