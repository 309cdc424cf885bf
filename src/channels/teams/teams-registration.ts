import type { ConversationReference } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { conversationReferenceSchema } from './monitoring-officer-registry.js';
import type { TeamsActivity } from './teams-activity.js';
import type { TeamsAdapter } from './teams-adapter.js';

/** The command a Monitoring Officer sends once, in a personal chat, to receive case notices there. */
export const registrationCommand = /^register\s+(me\s+)?as\s+(the\s+)?monitoring\s+officer[.!]?$/i;

/**
 * Registers the sender's personal chat for case notices — only in a personal chat, and only for an account listed
 * in MONITORING_OFFICER_TEAMS_IDS.
 */
export async function registerMonitoringOfficer(
  adapter: TeamsAdapter,
  context: TurnContext,
  activity: TeamsActivity,
): Promise<void> {
  const { messenger, ports } = adapter;
  const aadObjectId = activity.from.aadObjectId;
  if (activity.conversation.conversationType !== 'personal') {
    await messenger.reply(context, {
      type: 'message',
      text: 'Please send “register as monitoring officer” to me in a personal chat.',
    });
    return;
  }
  if (!aadObjectId || !adapter.monitoringOfficers.has(aadObjectId)) {
    ports.logger.warn('teams monitoring officer registration refused', {
      user: aadObjectId ?? activity.from.id,
    });
    await messenger.reply(context, {
      type: 'message',
      text: 'Only the accounts configured as the Monitoring Officer (MONITORING_OFFICER_TEAMS_IDS) can register for case notices.',
    });
    return;
  }
  const { activityId: _question, ...chat } = conversationReferenceSchema.parse(
    context.activity.getConversationReference() as ConversationReference,
  );
  await adapter.registry.register(aadObjectId, activity.from.name, chat);
  ports.logger.info('teams monitoring officer registered', { user: aadObjectId });
  await messenger.reply(context, {
    type: 'message',
    text: 'Registered. New cases for the Monitoring Officer will arrive in this chat as cards you can claim, answer and close.',
  });
}
