import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slashCommand } from '../../src/channels/slack/register-question-listeners.js';

const manifest = readFileSync('slack/app-manifest.yaml', 'utf8');
const listItems = (section: string) => {
  const start = manifest.indexOf(`${section}:`);
  const lines = manifest.slice(start).split('\n').slice(1);
  const items: string[] = [];
  for (const line of lines) {
    const item = line.match(/^\s+- (\S+)$/);
    if (!item?.[1]) break;
    items.push(item[1]);
  }
  return items;
};

describe('slack/app-manifest.yaml', () => {
  it('asks for exactly the scopes the adapter uses', () => {
    expect(listItems('    bot').sort()).toEqual(
      [
        'app_mentions:read',
        'assistant:write',
        'channels:history',
        'chat:write',
        'commands',
        'im:history',
        'im:read',
        'im:write',
        'users:read',
      ].sort(),
    );
  });

  it('subscribes to the events the adapter listens for', () => {
    expect(listItems('bot_events').sort()).toEqual(
      ['app_mention', 'assistant_thread_context_changed', 'assistant_thread_started', 'message.im'].sort(),
    );
  });

  it('declares the slash command the adapter registers, interactivity, the assistant view and Socket Mode', () => {
    expect(manifest).toContain(`- command: ${slashCommand}\n`);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
    expect(manifest).toMatch(/assistant_view:\n\s+assistant_description: /);
    expect(manifest).toMatch(/socket_mode_enabled: true/);
  });
});
