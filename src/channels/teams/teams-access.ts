import type { Config } from '../../config.js';
import { ProtocolBotError } from '../../errors.js';

/**
 * How the Teams endpoint runs: `off` (no route: `/api/messages` answers 404), `authenticated` (MICROSOFT_APP_ID set:
 * every request carries a Bot Service token) or `anonymous` (TEAMS_ALLOW_ANONYMOUS=true, local testing only).
 */
export type TeamsAccess = 'off' | 'authenticated' | 'anonymous';

/**
 * Decides whether and how Teams is served. Teams is on only when it is configured: an app id, or the explicit
 * anonymous switch for local testing — never anonymous in production, where this throws `config_invalid`.
 * `env` is read too because the Agents SDK reads process.env.NODE_ENV itself: either saying production is production.
 */
export function teamsAccess(config: Config, env: NodeJS.ProcessEnv = process.env): TeamsAccess {
  if (config.MICROSOFT_APP_ID) return 'authenticated';
  if (!config.TEAMS_ALLOW_ANONYMOUS) return 'off';
  if (isProduction(config, env)) {
    throw new ProtocolBotError(
      'config_invalid',
      'TEAMS_ALLOW_ANONYMOUS: not allowed when NODE_ENV=production — unauthenticated Teams traffic is for local testing only. Set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID from the Azure Bot registration, or leave Teams off.',
    );
  }
  return 'anonymous';
}

/** True when the configuration or the process environment says NODE_ENV=production. */
export function isProduction(config: Config, env: NodeJS.ProcessEnv = process.env): boolean {
  return [config.NODE_ENV, env.NODE_ENV].some((value) => value?.toLowerCase() === 'production');
}
