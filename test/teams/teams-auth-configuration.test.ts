import { describe, expect, it } from 'vitest';
import { teamsAuthConfiguration } from '../../src/channels/teams/mount-teams.js';
import { loadConfig } from '../../src/config.js';

describe('teamsAuthConfiguration', () => {
  it('refuses to run the Teams endpoint unauthenticated in production', () => {
    const config = loadConfig({ NODE_ENV: 'production' });
    expect(() => teamsAuthConfiguration(config)).toThrowError(
      /MICROSOFT_APP_ID: required when NODE_ENV=production/,
    );
  });

  it('accepts local anonymous traffic outside production', () => {
    expect(teamsAuthConfiguration(loadConfig({ NODE_ENV: 'development' })).clientId).toBeUndefined();
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
