import { ProtocolBotError } from '../../errors.js';

/** Slack error codes (`ok: false` answers) after which trying the same call again cannot succeed. */
const permanent = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'missing_scope',
  'invalid_blocks',
  'msg_too_long',
  'user_not_found',
  'cannot_dm_bot',
]);

/**
 * Wraps a Web API failure in a `platform_failed` error naming the Slack method and the Slack error code, marked
 * retryable unless Slack's answer says a retry cannot help.
 */
export function slackCallError(method: string, cause: unknown): ProtocolBotError {
  const code = slackErrorCode(cause);
  return new ProtocolBotError('platform_failed', `Slack ${method} failed: ${code ?? describe(cause)}`, {
    cause,
    retryable: code === undefined || !permanent.has(code),
  });
}

/** The Slack error code of a Web API platform error (`channel_not_found`), if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('data' in error)) return undefined;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
