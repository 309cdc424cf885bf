import type { CaseRecord, Notice, NoticeDeliverer } from '../../cases/index.js';
import { describeError, ProtocolBotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { BoundedMap } from './bounded-map.js';
import type { MonitoringOfficerRegistry } from './monitoring-officer-registry.js';
import type { OutgoingMessage } from './render-answer-card.js';
import { renderCaseCard } from './render-case-card.js';
import { renderCaseAnswered, renderCaseClosed } from './render-plain-reply.js';
import type { TeamsMessenger } from './teams-messenger.js';
import { parseTeamsReplyTarget } from './teams-reply-target.js';

/** Notice ids remembered as sent. */
const SENT_NOTICES = 10_000;

/**
 * Delivers case notices on Teams: a new case as a card to every registered Monitoring Officer's personal chat;
 * the Monitoring Officer's answer (or the closing of an unanswered case) to the asker's conversation — or to the
 * asker's personal chat when the case is sensitive and was asked in a channel or group chat. Failures throw a
 * `delivery_failed` error, retryable unless retrying cannot help, so the dispatcher tries again and records it.
 */
export function createTeamsNoticeDeliverer(options: {
  messenger: TeamsMessenger;
  registry: MonitoringOfficerRegistry;
  logger: Logger;
}): NoticeDeliverer {
  const { messenger, registry, logger } = options;
  // Teams has no idempotency key for posts, so a notice this process already sent (but could not mark as
  // delivered, say because the database was busy) is not sent twice. A restart forgets this; the risk is one copy.
  const sent = new BoundedMap<number, true>(SENT_NOTICES);

  const toMonitoringOfficers = async (record: CaseRecord) => {
    const registrations = await registry.list();
    if (registrations.length === 0) {
      throw new ProtocolBotError(
        'delivery_failed',
        `Case ${record.reference}: no Monitoring Officer has registered in Teams yet (send "register as monitoring officer" to the bot in a personal chat)`,
        { retryable: true },
      );
    }
    const failures: unknown[] = [];
    for (const registration of registrations) {
      try {
        await messenger.sendTo(registration.reference, [renderCaseCard(record)]);
      } catch (error) {
        logger.error('teams case notice not delivered to a Monitoring Officer', {
          case: record.reference,
          monitoringOfficer: registration.aadObjectId,
          error: describeError(error),
        });
        failures.push(error);
      }
    }
    // One delivered copy is enough; retrying would send the others a duplicate card.
    if (failures.length === registrations.length) throw deliveryFailed(record, failures[0]);
  };

  const toAsker = async (record: CaseRecord, message: OutgoingMessage) => {
    const target = parseTeamsReplyTarget(record.replyTo);
    if (!target) {
      throw new ProtocolBotError(
        'delivery_failed',
        `Case ${record.reference}: no Teams conversation stored for the asker`,
        { retryable: false },
      );
    }
    try {
      if (record.sensitive && record.publicChannel) {
        const agent = target.reference.agent;
        if (!agent) throw new Error('the stored conversation reference has no bot account');
        await messenger.sendPersonal(
          {
            userId: target.userId,
            tenantId: target.tenantId,
            serviceUrl: target.reference.serviceUrl,
            agent,
          },
          [message],
        );
      } else {
        await messenger.sendTo(target.reference, [message]);
      }
    } catch (error) {
      throw deliveryFailed(record, error);
    }
  };

  return {
    platform: 'teams',
    async deliver(notice: Notice, record: CaseRecord) {
      if (sent.has(notice.id)) {
        logger.warn('teams notice already sent by this process; not sending again', { notice: notice.id });
        return;
      }
      switch (notice.kind) {
        case 'case_opened':
          await toMonitoringOfficers(record);
          break;
        case 'case_answered':
          await toAsker(record, renderCaseAnswered(record.reference, record.assignee, record.answer ?? ''));
          break;
        case 'case_closed':
          // An answered case was already reported to the asker with the answer.
          if (!record.answer) await toAsker(record, renderCaseClosed(record.reference, record.dueDate));
          break;
      }
      sent.set(notice.id, true);
    },
  };
}

function deliveryFailed(record: CaseRecord, cause: unknown): ProtocolBotError {
  const retryable = ProtocolBotError.isInstance(cause) ? cause.retryable : true;
  return new ProtocolBotError(
    'delivery_failed',
    `Case ${record.reference}: Teams delivery failed (${describeError(cause)})`,
    { cause, retryable },
  );
}
