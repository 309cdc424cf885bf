import { describe, expect, it } from 'vitest';
import { serviceUrlPolicy } from '../../../src/channels/teams/service-url-policy.js';

describe('where Teams replies may go', () => {
  const authenticated = serviceUrlPolicy('authenticated');
  const anonymous = serviceUrlPolicy('anonymous');

  it('authenticated: Microsoft’s Bot Connector hosts, over HTTPS', () => {
    for (const url of [
      'https://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net/teams/',
      'https://smba.infra.gcc.teams.microsoft.com/teams',
      'https://smba.infra.gov.teams.microsoft.us/teams',
      'https://smba.infra.dod.teams.microsoft.us/teams',
      'https://webchat.botframework.com/',
    ]) {
      expect(authenticated(url), url).toBe(true);
    }
  });

  it('authenticated: nothing else — other hosts, look-alikes, plain HTTP, loopback, credentials in the URL', () => {
    for (const url of [
      'http://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net.evil.example/',
      'https://evilbotframework.com/',
      'https://botframework.com.evil.example/',
      'https://smba.trafficmanager.net@169.254.169.254/',
      'https://user:pass@smba.trafficmanager.net/',
      'http://169.254.169.254/latest/meta-data/',
      'http://127.0.0.1:3978/',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(authenticated(url), url).toBe(false);
    }
  });

  it('authenticated: TEAMS_SERVICE_URL_ALLOWLIST replaces the list', () => {
    const proxy = serviceUrlPolicy('authenticated', ['connector.council.example', '*.bots.council.example']);
    expect(proxy('https://connector.council.example/teams/')).toBe(true);
    expect(proxy('https://emea.bots.council.example/')).toBe(true);
    expect(proxy('https://bots.council.example/')).toBe(false);
    expect(proxy('https://smba.trafficmanager.net/emea/')).toBe(false);
  });

  it('anonymous (local testing): loopback addresses only', () => {
    expect(anonymous('http://127.0.0.1:56000/')).toBe(true);
    expect(anonymous('http://localhost:3978/')).toBe(true);
    expect(anonymous('http://[::1]:3978/')).toBe(true);
    expect(anonymous('https://smba.trafficmanager.net/emea/')).toBe(false);
    expect(anonymous('http://169.254.169.254/latest/meta-data/')).toBe(false);
    expect(anonymous('http://localhost.evil.example/')).toBe(false);
    expect(anonymous('http://127.0.0.1.nip.io/')).toBe(false);
  });

  it('off: nowhere', () => {
    expect(serviceUrlPolicy('off')('http://127.0.0.1:3978/')).toBe(false);
  });
});
