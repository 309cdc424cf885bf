import type { TurnContext } from '@microsoft/agents-hosting';
import { parseCardAction } from './card-actions.js';
import { stripMentions } from './strip-mentions.js';
import { type TeamsActivity, teamsActivitySchema } from './teams-activity.js';
import type { TeamsAdapter } from './teams-adapter.js';
import { actOnCase } from './teams-case-actions.js';
import { activityDeliveryId, askInTurn } from './teams-delivery.js';
import { acknowledgeInvoke, recordFeedback } from './teams-feedback.js';
import { registerMonitoringOfficer, registrationCommand } from './teams-registration.js';

/**
 * Routes one Teams turn to its job: questions (personal, group chat, channel @mention) and "Ask the Monitoring
 * Officer" go through the conversation inbox and flow; the Monitoring Officer's Claim / Answer / Close, the feedback
 * invoke and the registration command have their own files. Every message and invoke is recorded in the inbox
 * before Teams gets its 200, so a redelivered activity is recognised, even after a restart.
 */
export function createTurnHandler(adapter: TeamsAdapter): (context: TurnContext) => Promise<void> {
  const { logger } = adapter.ports;
  const once = async (activity: TeamsActivity, handle: () => Promise<void>) => {
    const delivery = {
      platform: 'teams',
      deliveryId: activityDeliveryId(activity),
      payload: { kind: activity.type },
      replyTo: {},
    };
    return adapter.ports.conversation.receiveOnce(delivery, handle);
  };
  const ignoredRepeat = (activity: TeamsActivity) =>
    logger.info('teams duplicate activity ignored', { activity: activity.id, type: activity.type });

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
    if (activity.type === 'invoke') {
      if (activity.name !== 'message/submitAction') return;
      const fresh = await once(activity, () => recordFeedback(adapter, context, activity));
      if (!fresh) {
        ignoredRepeat(activity);
        await acknowledgeInvoke(context);
      }
      return;
    }
    if (activity.type !== 'message') return;

    const action = activity.value === undefined ? undefined : parseCardAction(activity.value);
    let fresh: boolean;
    if (action?.action === 'ask_monitoring_officer') {
      fresh = await askInTurn(adapter, context, activity, action.question, true);
    } else if (action) {
      fresh = await once(activity, () => actOnCase(adapter, context, activity, action));
    } else {
      const text = stripMentions(activity.text ?? '', activity.entities ?? [], activity.recipient.id);
      if (registrationCommand.test(text)) {
        fresh = await once(activity, () => registerMonitoringOfficer(adapter, context, activity));
      } else if (text === '' && activity.value !== undefined) {
        logger.warn('teams card submit not understood', { activity: activity.id });
        return;
      } else {
        fresh = await askInTurn(adapter, context, activity, text, false);
      }
    }
    if (!fresh) ignoredRepeat(activity);
  };
}
