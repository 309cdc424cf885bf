import type { Activity, ConversationParameters, ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';
import { ProtocolBotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { type RetryPolicy, withConnectorRetry } from './connector-retry.js';
import type { StoredConversationReference } from './monitoring-officer-registry.js';
import type { OutgoingMessage } from './render-answer-card.js';

/** Audience of the Bot Connector service (Azure Bot Service). */
const botConnectorAudience = 'https://api.botframework.com';

/** Whom to open a personal chat with. */
export interface PersonalChatTarget {
  /** Teams user id (`29:…`). */
  userId: string;
  tenantId?: string;
  serviceUrl: string;
  /** The bot's own account in Teams (`28:…`). */
  agent: { id: string; name?: string };
}

/**
 * Sends messages to Teams through the SDK's CloudAdapter: replies within a turn, proactive messages to a stored
 * conversation (`continueConversation`) and new personal chats (`createConversationAsync`). Every connector call
 * is retried on 429 / 5xx; a call that still fails throws a `platform_failed` ProtocolBotError.
 */
export class TeamsMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string | undefined,
    private readonly logger: Logger,
    private readonly retry?: RetryPolicy,
    /** Where replies may go (see service-url-policy.ts); stored references are checked again before sending. */
    private readonly allowServiceUrl: (serviceUrl: string) => boolean = () => true,
  ) {}

  /** Replies within the current turn; returns the id Teams gave the new message. */
  async reply(context: TurnContext, message: OutgoingMessage): Promise<string | undefined> {
    const response = await withConnectorRetry(
      'reply',
      () => context.sendActivity(message as unknown as Activity),
      {
        logger: this.logger,
        policy: this.retry,
        context: { conversation: context.activity.conversation?.id, replyTo: context.activity.id },
      },
    );
    return response?.id || undefined;
  }

  /** Sends messages proactively to a stored conversation (replying to its activity when it names one). */
  async sendTo(reference: StoredConversationReference, messages: OutgoingMessage[]): Promise<void> {
    this.assertAllowed(reference.serviceUrl);
    let failure: unknown;
    await this.adapter.continueConversation(
      this.identity(),
      reference as ConversationReference,
      async (context) => {
        if (!reference.activityId) {
          // The SDK gives a continuation a made-up activity id and would reply to it; a new message must not.
          context.onSendActivities(async (_context, activities, next) => {
            for (const activity of activities) activity.replyToId = undefined;
            return next();
          });
        }
        try {
          for (const message of messages) await this.reply(context, message);
        } catch (error) {
          // Kept and rethrown below: the adapter would otherwise turn it into an error message to the user.
          failure = error;
        }
      },
    );
    if (failure) throw failure;
  }

  /**
   * Opens (or reopens — Teams returns the same one) the personal chat with a user and sends messages there.
   * Returns the chat's reference so later messages can use `sendTo`.
   */
  async sendPersonal(
    target: PersonalChatTarget,
    messages: OutgoingMessage[],
  ): Promise<StoredConversationReference> {
    this.assertAllowed(target.serviceUrl);
    const parameters = {
      isGroup: false,
      agent: target.agent,
      // The Bot Connector's wire name for the bot's account.
      bot: target.agent,
      members: [{ id: target.userId }],
      tenantId: target.tenantId,
      channelData: target.tenantId ? { tenant: { id: target.tenantId } } : {},
    } as unknown as ConversationParameters;
    let reference: StoredConversationReference | undefined;
    let failure: unknown;
    await withConnectorRetry(
      'create personal chat',
      () =>
        this.adapter.createConversationAsync(
          this.appId ?? '',
          'msteams',
          target.serviceUrl,
          botConnectorAudience,
          parameters,
          async (context) => {
            const conversation = context.activity.conversation;
            if (!conversation?.id) return;
            reference = {
              conversation: { id: conversation.id, conversationType: 'personal', tenantId: target.tenantId },
              channelId: 'msteams',
              serviceUrl: target.serviceUrl,
              agent: target.agent,
              user: { id: target.userId },
            };
            try {
              for (const message of messages) await this.reply(context, message);
            } catch (error) {
              failure = error;
            }
          },
        ),
      { logger: this.logger, policy: this.retry, context: { user: target.userId } },
    );
    if (failure) throw failure;
    if (!reference) throw new Error('Teams did not return a conversation id for the personal chat');
    return reference;
  }

  private assertAllowed(serviceUrl: string | undefined): void {
    // A reference stored before the allow-list existed may name any host; it is never contacted.
    if (serviceUrl === undefined || this.allowServiceUrl(serviceUrl)) return;
    throw new ProtocolBotError(
      'platform_failed',
      `Teams serviceUrl ${serviceUrl.slice(0, 200)} is not an allowed Bot Framework host; nothing was sent`,
    );
  }

  private identity(): Parameters<CloudAdapter['continueConversation']>[0] {
    // No app id: local anonymous traffic (Agents Playground); an identity without `aud` makes the SDK skip tokens.
    return this.appId ? this.appId : {};
  }
}
