import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalMessage, startTeamsBot, type TeamsBot } from '../channels/teams/teams-harness.js';

let bot: TeamsBot;
/** Where Teams in the public cloud sends activities from (and where replies would go). */
const teamsServiceUrl = 'https://smba.trafficmanager.net/emea/';

const appSettings = {
  MICROSOFT_APP_ID: '00000000-0000-4000-8000-000000000b07',
  MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
  MICROSOFT_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
};

beforeAll(async () => {
  bot = await startTeamsBot(appSettings);
});

afterAll(async () => {
  await bot?.stop();
});

describe('Teams endpoint with an app id configured', () => {
  it('answers 401 to a request without a bearer token and sends nothing', async () => {
    const response = await bot.post(personalMessage(teamsServiceUrl, 'How fast must I answer an email?'));
    expect(response.status).toBe(401);
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('answers 401 to a forged token', async () => {
    const response = await bot.post(personalMessage(teamsServiceUrl, 'How fast must I answer an email?'), {
      authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.',
    });
    expect(response.status).toBe(401);
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('refuses an activity whose serviceUrl is not a Microsoft host, whatever its token', async () => {
    const response = await bot.post(personalMessage(bot.connector.url, 'How fast must I answer an email?'), {
      authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'serviceUrl not allowed' });
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('answers malformed JSON with 400 and a short JSON body, not an HTML stack trace', async () => {
    const response = await fetch(bot.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message", "text": ',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ error: 'malformed JSON' });
    expect(body).not.toMatch(/node_modules|at |<html/i);
  });
});

describe('TEAMS_SERVICE_URL_ALLOWLIST', () => {
  it('replaces the Microsoft hosts (here: the loopback connector passes the list and meets the token check)', async () => {
    const proxied = await startTeamsBot({ ...appSettings, TEAMS_SERVICE_URL_ALLOWLIST: '127.0.0.1' });
    try {
      const allowed = await proxied.post(personalMessage(proxied.connector.url, 'How fast must I answer?'));
      expect(allowed.status).toBe(401);
      const microsoft = await proxied.post(personalMessage(teamsServiceUrl, 'How fast must I answer?'));
      expect(microsoft.status).toBe(403);
      expect(proxied.connector.calls).toHaveLength(0);
    } finally {
      await proxied.stop();
    }
  });
});
