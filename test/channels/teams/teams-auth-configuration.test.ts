import { describe, expect, it } from 'vitest';
import { teamsAuthConfiguration } from '../../../src/channels/teams/mount-teams.js';
import { teamsAccess } from '../../../src/channels/teams/teams-access.js';
import { loadConfig } from '../../../src/config.js';

describe('teamsAccess', () => {
  it('leaves Teams off unless it is configured, in production too (a Slack-only deployment)', () => {
    expect(teamsAccess(loadConfig({}), {})).toBe('off');
    expect(teamsAccess(loadConfig({ NODE_ENV: 'production' }), {})).toBe('off');
  });

  it('turns Teams on, authenticated, with an app id', () => {
    expect(teamsAccess(loadConfig({ MICROSOFT_APP_ID: 'app-id' }), {})).toBe('authenticated');
  });

  it('allows anonymous local testing only when asked, and never in production', () => {
    expect(teamsAccess(loadConfig({ TEAMS_ALLOW_ANONYMOUS: 'true' }), {})).toBe('anonymous');
    expect(() =>
      teamsAccess(loadConfig({ TEAMS_ALLOW_ANONYMOUS: 'true', NODE_ENV: 'production' }), {}),
    ).toThrowError(/TEAMS_ALLOW_ANONYMOUS: not allowed when NODE_ENV=production/);
    // The Agents SDK reads the process's NODE_ENV itself: that counts as production too.
    expect(() =>
      teamsAccess(loadConfig({ TEAMS_ALLOW_ANONYMOUS: 'true' }), { NODE_ENV: 'production' }),
    ).toThrowError(/not allowed when NODE_ENV=production/);
  });
});

describe('teamsAuthConfiguration', () => {
  it('refuses to configure an endpoint that is not configured', () => {
    expect(() => teamsAuthConfiguration(loadConfig({ NODE_ENV: 'development' }))).toThrowError(
      /MICROSOFT_APP_ID: Teams is not configured/,
    );
  });

  it('has no client id for anonymous local testing', () => {
    const config = loadConfig({ NODE_ENV: 'development', TEAMS_ALLOW_ANONYMOUS: 'true' });
    expect(teamsAuthConfiguration(config).clientId).toBeUndefined();
  });

  it('configures a single-tenant app from the MICROSOFT_APP_* settings', () => {
    const config = loadConfig({
      MICROSOFT_APP_ID: 'app-id',
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TENANT_ID: 'tenant-id',
    });
    expect(teamsAuthConfiguration(config)).toEqual({
      clientId: 'app-id',
      clientSecret: 'secret',
      tenantId: 'tenant-id',
    });
  });

  it('needs the client secret with the app id', () => {
    expect(() => teamsAuthConfiguration(loadConfig({ MICROSOFT_APP_ID: 'app-id' }))).toThrowError(
      /MICROSOFT_APP_PASSWORD/,
    );
  });
});
