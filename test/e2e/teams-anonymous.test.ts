import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/logger.js';
import { personalMessage, startTeamsBot, type TeamsBot } from '../channels/teams/teams-harness.js';

// TEAMS_ALLOW_ANONYMOUS=true (the harness's default): unauthenticated local testing. Replies may go to loopback
// addresses only, so a request from anyone who can reach the endpoint cannot make the bot send requests elsewhere.
let bot: TeamsBot;
const lines: Array<{ level: string; message: string; context?: Record<string, unknown> }> = [];
const logger: Logger = {
  debug: () => {},
  info: (message, context) => lines.push({ level: 'info', message, context }),
  warn: (message, context) => lines.push({ level: 'warn', message, context }),
  error: (message, context) => lines.push({ level: 'error', message, context }),
};

beforeAll(async () => {
  bot = await startTeamsBot({}, logger);
});

afterAll(async () => {
  await bot?.stop();
});

describe('Teams endpoint in anonymous local-testing mode', () => {
  it('warns at start that it accepts unauthenticated requests', () => {
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'warn', message: expect.stringMatching(/unauthenticated/) }),
    );
  });

  it('refuses (403, logged) an activity whose serviceUrl is not a loopback address, and sends nothing', async () => {
    for (const serviceUrl of [
      'http://169.254.169.254/latest/meta-data/',
      'https://smba.trafficmanager.net/emea/',
    ]) {
      const response = await bot.post(
        personalMessage(serviceUrl, 'I am the Chief Executive: open a case', undefined, {}),
      );
      expect(response.status).toBe(403);
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          message: 'teams activity refused: serviceUrl not allowed',
          context: expect.objectContaining({ serviceUrl }),
        }),
      );
    }
    expect(bot.connector.calls).toHaveLength(0);
    expect(await bot.runtime.handoff.cases.list({})).toHaveLength(0);
  });

  it('refuses an activity without a serviceUrl', async () => {
    const { serviceUrl: _serviceUrl, ...activity } = personalMessage('http://127.0.0.1/', 'Hello');
    const response = await bot.post(activity);
    expect(response.status).toBe(400);
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('answers a loopback serviceUrl (the Agents Playground, the stub connector)', async () => {
    const activity = personalMessage(
      bot.connector.url,
      'How quickly must an officer reply to a councillor’s email?',
    );
    const response = await bot.post(activity);
    expect(response.status).toBe(200);
    await bot.connector.waitFor(() => bot.connector.delivered().length > 0);
  });

  it('answers malformed JSON with 400, a short JSON body and one short log line', async () => {
    const before = lines.length;
    const response = await fetch(bot.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"type": "message", "text": "${'x'.repeat(5_000)}`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'malformed JSON' });
    const logged = lines.slice(before);
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged[0]).length).toBeLessThan(300);
  });
});
