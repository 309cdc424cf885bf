import type { TeamsAccess } from './teams-access.js';

/**
 * Hosts of Microsoft's Bot Connector service that Teams and Azure Bot Service name as `serviceUrl`: the public
 * cloud (`smba.trafficmanager.net/…`), GCC (`smba.infra.gcc.teams.microsoft.com`), GCC High and DoD
 * (`smba.infra.gov.teams.microsoft.us`, `smba.infra.dod.teams.microsoft.us`), and the other Bot Framework channels
 * (`*.botframework.com`, `*.botframework.azure.us`). See the Agents SDK's `TeamsServiceEndpoints`.
 */
export const defaultServiceUrlHosts: readonly string[] = [
  'smba.trafficmanager.net',
  '*.botframework.com',
  '*.teams.microsoft.com',
  '*.teams.microsoft.us',
  '*.botframework.azure.us',
];

/** Answers whether the bot may send to a `serviceUrl`. */
export type ServiceUrlPolicy = (serviceUrl: string) => boolean;

/**
 * The `serviceUrl`s the bot may POST replies to. An activity names the URL its reply goes to, so without this
 * check anyone who can reach the endpoint could make the bot send requests anywhere (server-side request forgery).
 * Authenticated: HTTPS to the allow-listed hosts (`allowlist`, default {@link defaultServiceUrlHosts}; loopback
 * hosts in a configured list may use HTTP, for a local proxy). Anonymous (local testing): loopback addresses only.
 */
export function serviceUrlPolicy(access: TeamsAccess, allowlist: readonly string[] = []): ServiceUrlPolicy {
  const hosts = (allowlist.length > 0 ? allowlist : defaultServiceUrlHosts).map((host) => host.toLowerCase());
  return (serviceUrl) => {
    const url = parseUrl(serviceUrl);
    if (!url || url.username || url.password) return false;
    if (access === 'anonymous') return isLoopback(url.hostname);
    if (access !== 'authenticated') return false;
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
    return secure && hosts.some((pattern) => hostMatches(url.hostname.toLowerCase(), pattern));
  };
}

function parseUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** `*.example.com` matches any subdomain of example.com (not example.com itself); anything else is exact. */
function hostMatches(hostname: string, pattern: string): boolean {
  if (pattern.startsWith('*.'))
    return hostname.endsWith(pattern.slice(1)) && hostname.length > pattern.length - 1;
  return hostname === pattern;
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}
