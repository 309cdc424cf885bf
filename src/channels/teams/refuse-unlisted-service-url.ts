import type { RequestHandler } from 'express';
import type { Logger } from '../../logger.js';
import type { ServiceUrlPolicy } from './service-url-policy.js';

/**
 * Refuses an activity whose `serviceUrl` the policy does not allow (403, logged), before the SDK sees it, so no reply
 * is ever sent there. Checked before authentication too: the answer reveals nothing, and nothing is sent either way.
 */
export function refuseUnlistedServiceUrl(allow: ServiceUrlPolicy, logger: Logger): RequestHandler {
  return (request, response, next) => {
    const body: unknown = request.body;
    const serviceUrl =
      typeof body === 'object' && body !== null ? (body as { serviceUrl?: unknown }).serviceUrl : undefined;
    if (typeof serviceUrl !== 'string') {
      logger.warn('teams activity refused: no serviceUrl', { path: request.path });
      response.status(400).json({ error: 'activity has no serviceUrl' });
      return;
    }
    if (!allow(serviceUrl)) {
      logger.warn('teams activity refused: serviceUrl not allowed', {
        serviceUrl: serviceUrl.slice(0, 200),
        hint: 'replies go only to Microsoft Bot Framework / Teams hosts (TEAMS_SERVICE_URL_ALLOWLIST), or loopback with TEAMS_ALLOW_ANONYMOUS',
      });
      response.status(403).json({ error: 'serviceUrl not allowed' });
      return;
    }
    next();
  };
}
