import { type AuthConfiguration, CloudAdapter, type Request } from '@microsoft/agents-hosting';
import express from 'express';
import type { Config } from '../../config.js';
import { describeError, ProtocolBotError } from '../../errors.js';
import type { ChatPlatform, PlatformPorts, PlatformRoutes } from '../conversation/index.js';
import { BoundedMap } from './bounded-map.js';
import type { RetryPolicy } from './connector-retry.js';
import { MonitoringOfficerRegistry } from './monitoring-officer-registry.js';
import { refuseUnlistedServiceUrl } from './refuse-unlisted-service-url.js';
import { serviceUrlPolicy } from './service-url-policy.js';
import { teamsAccess } from './teams-access.js';
import type { TeamsAdapter } from './teams-adapter.js';
import { readTeamsDelivery } from './teams-delivery.js';
import { TeamsMessenger } from './teams-messenger.js';
import { createTeamsNoticeDeliverer } from './teams-notice-deliverer.js';
import { createTurnHandler } from './teams-turn-handler.js';

/** The path Azure Bot Service (and the Agents Playground) posts activities to. */
export const teamsMessagesPath = '/api/messages';

/** Bot message ids remembered to match thumbs up / down to the logged question. */
const FEEDBACK_TARGETS = 10_000;

/** Options for {@link mountTeams}. */
export interface MountTeamsOptions {
  /** Connector retry policy (tests shorten the back-off). */
  retry?: RetryPolicy;
}

/**
 * Mounts the Teams endpoint `POST /api/messages` on the shared server, using the Microsoft 365 Agents SDK's
 * CloudAdapter and its JWT middleware, and registers the `teams` notice deliverer and the reader of stored Teams
 * questions (answered proactively after a restart).
 *
 * With MICROSOFT_APP_ID set, every request must carry a Bot Framework / Entra token for that app (else 401) and
 * replies go only to Microsoft's hosts (TEAMS_SERVICE_URL_ALLOWLIST). With TEAMS_ALLOW_ANONYMOUS=true instead,
 * unauthenticated local traffic (Agents Playground, Bot Framework Emulator) is accepted with a warning and replies go
 * only to loopback addresses. An activity naming any other `serviceUrl` is refused with 403 before anything is sent.
 * Fails with `config_invalid` when Teams is not configured (see {@link teamsAccess}).
 */
export async function mountTeams(
  server: PlatformRoutes,
  ports: PlatformPorts,
  options: MountTeamsOptions = {},
): Promise<ChatPlatform> {
  const { config, logger } = ports;
  const access = teamsAccess(config);
  const adapter = new CloudAdapter(teamsAuthConfiguration(config));
  if (access === 'anonymous') {
    logger.warn(
      'teams endpoint accepts unauthenticated requests (TEAMS_ALLOW_ANONYMOUS=true): local testing only, replies go to loopback addresses only',
      { path: teamsMessagesPath },
    );
  }
  const allowServiceUrl = serviceUrlPolicy(access, config.TEAMS_SERVICE_URL_ALLOWLIST);
  adapter.onTurnError = async (context, error) => {
    // Not in the inbox, so not acknowledged: rethrown, the request fails with 500 and Teams delivers it again.
    if (ProtocolBotError.isInstance(error) && error.code === 'inbox_unavailable') throw error;
    logger.error('teams turn failed', {
      activity: context.activity.id,
      conversation: context.activity.conversation?.id,
      error: describeError(error),
    });
    try {
      await context.sendActivity(
        'Sorry — something went wrong while answering. Please try again in a moment.',
      );
    } catch (sendError) {
      logger.error('teams error reply not delivered', { error: describeError(sendError) });
    }
  };

  const messenger = new TeamsMessenger(
    adapter,
    config.MICROSOFT_APP_ID,
    logger,
    options.retry,
    allowServiceUrl,
  );
  const registry = new MonitoringOfficerRegistry(ports.registrations, ports.clock);
  const teams: TeamsAdapter = {
    ports,
    messenger,
    registry,
    monitoringOfficers: new Set(config.MONITORING_OFFICER_TEAMS_IDS),
    feedbackTargets: new BoundedMap(FEEDBACK_TARGETS),
  };
  const handle = createTurnHandler(teams);

  server.app.post(
    teamsMessagesPath,
    express.json({ limit: '1mb' }),
    refuseUnlistedServiceUrl(allowServiceUrl, logger),
    (request, response, next) => adapter.authorizeRequest(request as unknown as Request, response, next),
    async (request, response) => {
      try {
        await adapter.process(request as unknown as Request, response, handle);
      } catch (error) {
        logger.error('teams request failed', { error: describeError(error) });
        if (!response.headersSent) response.status(500).json({ error: 'internal error' });
      }
    },
  );
  ports.notices.register(createTeamsNoticeDeliverer({ messenger, registry, logger }));
  ports.conversation.register('teams', (entry) => readTeamsDelivery(teams, entry));
  logger.info('teams endpoint mounted', {
    path: teamsMessagesPath,
    authenticated: access === 'authenticated',
    tenant: config.MICROSOFT_APP_TENANT_ID ?? null,
  });

  return {
    label: 'teams',
    async stop() {
      // Nothing to close: the shared server stops accepting requests; in-flight turns finish on their own.
    },
  };
}

/**
 * The SDK's auth configuration from our settings: single-tenant when MICROSOFT_APP_TENANT_ID is set, no client id
 * for anonymous local testing. Throws `config_invalid` when Teams is not configured or is anonymous in production.
 */
export function teamsAuthConfiguration(config: Config): AuthConfiguration {
  const access = teamsAccess(config);
  if (access === 'off') {
    throw new ProtocolBotError(
      'config_invalid',
      'MICROSOFT_APP_ID: Teams is not configured — set MICROSOFT_APP_ID (or TEAMS_ALLOW_ANONYMOUS=true for local testing)',
    );
  }
  if (access === 'anonymous') return { clientId: undefined };
  if (!config.MICROSOFT_APP_PASSWORD) {
    throw new ProtocolBotError(
      'config_invalid',
      'MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID (the client secret of the bot’s app registration)',
    );
  }
  return {
    clientId: config.MICROSOFT_APP_ID,
    clientSecret: config.MICROSOFT_APP_PASSWORD,
    ...(config.MICROSOFT_APP_TENANT_ID ? { tenantId: config.MICROSOFT_APP_TENANT_ID } : {}),
  };
}
