import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { slashCommand } from '../../../src/channels/slack/register-question-listeners.js';
import { type SlackManifest, slackManifestSchema } from './slack-manifest-schema.js';

const manifestText = readFileSync('slack/app-manifest.yaml', 'utf8');
const manifest: SlackManifest = slackManifestSchema.parse(parse(manifestText));

/**
 * A copy of the shipped manifest with some fields changed, as an operator might change them: keys are dotted paths
 * (`settings.interactivity.request_url`, `features.slash_commands.0.url`).
 */
function brokenCopy(changes: Record<string, unknown>): unknown {
  const copy: unknown = parse(manifestText);
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let node = copy;
    for (const key of keys) node = (node as Record<string, unknown>)[key];
    (node as Record<string, unknown>)[last] = value;
  }
  return copy;
}

/** The paths and messages of what the schema rejects. */
function problems(candidate: unknown): string[] {
  const result = slackManifestSchema.safeParse(candidate);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('slack/app-manifest.yaml', () => {
  it('is a valid Slack app manifest for the fields it uses', () => {
    expect(problems(parse(manifestText))).toEqual([]);
  });

  it('asks for exactly the scopes the adapter uses', () => {
    expect(manifest.oauth_config?.scopes?.bot?.slice().sort()).toEqual(
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
    expect(manifest.settings?.event_subscriptions?.bot_events?.slice().sort()).toEqual(
      ['app_mention', 'assistant_thread_context_changed', 'assistant_thread_started', 'message.im'].sort(),
    );
  });

  it('declares the slash command the adapter registers, interactivity, the assistant view and Socket Mode', () => {
    expect(manifest.features?.slash_commands?.map((command) => command.command)).toEqual([slashCommand]);
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
    expect(manifest.features?.assistant_view?.assistant_description).toBeTruthy();
    expect(manifest.settings?.socket_mode_enabled).toBe(true);
  });
});

describe('the Slack manifest schema rejects broken copies', () => {
  it('a name over 35 characters and a description over 140', () => {
    const broken = brokenCopy({
      'display_information.name': 'Protocol Bot for the Council of the Borough',
      'display_information.description': 'Answers questions. '.repeat(8),
    });
    expect(problems(broken)).toEqual([
      expect.stringMatching(/^display_information\.name: /),
      expect.stringMatching(/^display_information\.description: /),
    ]);
  });

  it('a long description under 175 characters or over 4,000', () => {
    const short = brokenCopy({
      'display_information.long_description': 'Answers protocol questions.',
    });
    const long = brokenCopy({
      'display_information.long_description': 'x'.repeat(4001),
    });
    expect(problems(short)).toEqual([expect.stringMatching(/^display_information\.long_description: /)]);
    expect(problems(long)).toEqual([expect.stringMatching(/^display_information\.long_description: /)]);
  });

  it('a background colour that is not a hex colour', () => {
    const broken = brokenCopy({
      'display_information.background_color': 'navy',
    });
    expect(problems(broken)).toEqual([expect.stringMatching(/^display_information\.background_color: /)]);
  });

  it('a bot user without a display name, and a misspelt key', () => {
    const broken = brokenCopy({
      'features.bot_user': { always_online: true },
      'features.assistant_veiw': manifest.features?.assistant_view,
    });
    expect(problems(broken)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^features\.bot_user\.display_name: /),
        expect.stringMatching(/assistant_veiw/),
      ]),
    );
  });

  it('a slash command without its leading slash', () => {
    const broken = brokenCopy({
      'features.slash_commands.0.command': 'protocol',
    });
    expect(problems(broken)).toEqual([expect.stringMatching(/^features\.slash_commands\.0\.command: /)]);
  });

  it('the assistant view, slash command or mention event without the scope Slack requires', () => {
    const broken = brokenCopy({
      'oauth_config.scopes.bot': manifest.oauth_config?.scopes?.bot?.filter(
        (scope: string) => !['assistant:write', 'commands', 'app_mentions:read'].includes(scope),
      ),
    });
    expect(problems(broken)).toEqual([
      'oauth_config.scopes.bot: must include assistant:write for assistant_view',
      'oauth_config.scopes.bot: must include commands for slash_commands',
      'oauth_config.scopes.bot: must include app_mentions:read for the app_mention event',
    ]);
  });

  it('request URLs in Socket Mode', () => {
    const broken = brokenCopy({
      'settings.event_subscriptions.request_url': 'https://bot.example.gov.uk/slack/events',
    });
    expect(problems(broken)).toEqual([
      'settings.event_subscriptions.request_url: must be absent when socket_mode_enabled is true',
    ]);
  });

  it('HTTP mode without request URLs, and accepts it with them', () => {
    const withoutUrls = brokenCopy({
      'settings.socket_mode_enabled': false,
    });
    expect(problems(withoutUrls)).toEqual([
      'settings.event_subscriptions.request_url: is required when socket_mode_enabled is false',
      'settings.interactivity.request_url: is required when socket_mode_enabled is false',
      'features.slash_commands.0.url: is required when socket_mode_enabled is false',
    ]);
    // The README's HTTP-mode instructions, followed to the letter, give a valid manifest.
    const events = 'https://bot.example.gov.uk/slack/events';
    const httpMode = brokenCopy({
      'settings.socket_mode_enabled': false,
      'settings.event_subscriptions.request_url': events,
      'settings.interactivity.request_url': events,
      'features.slash_commands.0.url': events,
    });
    expect(problems(httpMode)).toEqual([]);
  });

  it('a request URL that is not http(s)', () => {
    const broken = brokenCopy({
      'settings.socket_mode_enabled': false,
      'settings.event_subscriptions.request_url': 'bot.example.gov.uk/slack/events',
      'settings.interactivity.request_url': 'https://bot.example.gov.uk/slack/events',
      'features.slash_commands.0.url': 'https://bot.example.gov.uk/slack/events',
    });
    expect(problems(broken)).toEqual([
      expect.stringMatching(/^settings\.event_subscriptions\.request_url: /),
    ]);
  });
});
