import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalMessage, startTeamsBot, type TeamsBot } from '../teams/teams-harness.js';

let bot: TeamsBot;

beforeAll(async () => {
  bot = await startTeamsBot({
    MICROSOFT_APP_ID: '00000000-0000-4000-8000-000000000b07',
    MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    MICROSOFT_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  });
});

afterAll(async () => {
  await bot?.stop();
});

describe('Teams endpoint with an app id configured', () => {
  it('answers 401 to a request without a bearer token and sends nothing', async () => {
    const response = await bot.post(personalMessage(bot.connector.url, 'How fast must I answer an email?'));
    expect(response.status).toBe(401);
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('answers 401 to a forged token', async () => {
    const response = await bot.post(personalMessage(bot.connector.url, 'How fast must I answer an email?'), {
      authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.',
    });
    expect(response.status).toBe(401);
    expect(bot.connector.calls).toHaveLength(0);
  });
});
