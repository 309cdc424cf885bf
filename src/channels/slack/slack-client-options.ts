import type { webApi } from '@slack/bolt';
import type { Config } from '../../config.js';

/**
 * Web API client options: the API URL override (tests, proxies), rate-limited calls waited out for the
 * `Retry-After` Slack sends rather than rejected, and a short retry budget for network errors and 5xx, so a reply
 * arrives within seconds or fails visibly instead of retrying for half an hour (the library default).
 */
export function slackClientOptions(config: Config): webApi.WebClientOptions {
  return {
    ...(config.SLACK_API_URL ? { slackApiUrl: ensureTrailingSlash(config.SLACK_API_URL) } : {}),
    rejectRateLimitedCalls: false,
    retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 3_000, randomize: true },
    timeout: 15_000,
  };
}

function ensureTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
