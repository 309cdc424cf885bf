import { z } from 'zod';

// Slack's app manifest (https://docs.slack.dev/reference/app-manifest), for the fields Protocol Bot uses, with the
// limits of Slack's published JSON schema (slackapi/manifest-schema, schemas/manifest.schema.1.0.0.json). No
// offline validator is published on npm and `apps.manifest.validate` needs a token, so the suite checks the
// manifest against this. Objects are strict, as Slack's are (`additionalProperties: false`): a misspelt key fails.

const httpUrl = z
  .string()
  .max(3500)
  .regex(/^https?:\/\//, 'must start with http:// or https://');
/** Event and scope names: Slack caps each at 50 characters. */
const shortName = z.string().min(1).max(50);
const uniqueList = (item: z.ZodString, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((items) => new Set(items).size === items.length, 'must not repeat an item');

/** `display_information`: how the app appears in Slack. */
const displayInformationSchema = z.strictObject({
  /** The app's name, 1–35 characters. */
  name: z.string().min(1).max(35),
  /** A short description, 1–140 characters. */
  description: z.string().min(1).max(140).optional(),
  /** `#rgb` or `#rrggbb`. */
  background_color: z
    .string()
    .regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/, 'must be a hex colour, #rgb or #rrggbb')
    .optional(),
  /**
   * The long description: the docs give 174–4,000 characters; Slack's JSON schema asks for at least 175, which is
   * what is checked.
   */
  long_description: z.string().min(175).max(4000).optional(),
});

const slashCommandSchema = z.strictObject({
  /** `/name`, 2–32 characters. */
  command: z.string().min(2).max(32).regex(/^\//, 'must start with /'),
  /** Where Slack posts the command in HTTP mode; absent in Socket Mode. */
  url: httpUrl.optional(),
  description: z.string().min(1).max(2000),
  usage_hint: z.string().min(1).max(1000).optional(),
  should_escape: z.boolean().optional(),
});

/** `features`: the app's surfaces. */
const featuresSchema = z.strictObject({
  app_home: z
    .strictObject({
      home_tab_enabled: z.boolean().optional(),
      messages_tab_enabled: z.boolean().optional(),
      messages_tab_read_only_enabled: z.boolean().optional(),
    })
    .optional(),
  /** A bot user is needed for the bot token and for mentions. */
  bot_user: z
    .strictObject({
      display_name: z.string().min(1).max(80),
      always_online: z.boolean().optional(),
    })
    .optional(),
  /** The AI assistant side panel (Bolt's `Assistant`). */
  assistant_view: z
    .strictObject({
      assistant_description: z.string().min(1),
      suggested_prompts: z.array(z.strictObject({ title: z.string(), message: z.string() })).optional(),
    })
    .optional(),
  slash_commands: z.array(slashCommandSchema).min(1).max(50).optional(),
});

/** `oauth_config`: the scopes the app is installed with. */
const oauthConfigSchema = z.strictObject({
  redirect_urls: z.array(z.string().max(2500)).max(1000).optional(),
  scopes: z
    .strictObject({
      bot: uniqueList(shortName, 255).optional(),
      user: uniqueList(shortName, 255).optional(),
    })
    .optional(),
  token_management_enabled: z.boolean().optional(),
});

/** `settings`: events, interactivity and how Slack reaches the app. */
const settingsSchema = z.strictObject({
  event_subscriptions: z
    .strictObject({
      /** Where Slack posts events in HTTP mode; absent in Socket Mode. */
      request_url: httpUrl.optional(),
      bot_events: uniqueList(shortName, 100).optional(),
      user_events: uniqueList(shortName, 100).optional(),
    })
    .optional(),
  interactivity: z
    .strictObject({
      is_enabled: z.boolean(),
      /** Where Slack posts button presses and modal submissions in HTTP mode. */
      request_url: httpUrl.optional(),
      message_menu_options_url: httpUrl.optional(),
    })
    .optional(),
  org_deploy_enabled: z.boolean().optional(),
  /** Socket Mode: Slack sends everything over a websocket the app opens, so no request URL is used. */
  socket_mode_enabled: z.boolean().optional(),
  token_rotation_enabled: z.boolean().optional(),
});

/** Scopes Slack requires before it accepts a feature or an event subscription. */
const requiredScopes: Array<{ needs: string; when: (manifest: SlackManifest) => boolean; what: string }> = [
  {
    needs: 'assistant:write',
    when: (manifest) => Boolean(manifest.features?.assistant_view),
    what: 'assistant_view',
  },
  {
    needs: 'commands',
    when: (manifest) => Boolean(manifest.features?.slash_commands),
    what: 'slash_commands',
  },
  {
    needs: 'app_mentions:read',
    when: (manifest) => subscribes(manifest, 'app_mention'),
    what: 'the app_mention event',
  },
  {
    needs: 'im:history',
    when: (manifest) => subscribes(manifest, 'message.im'),
    what: 'the message.im event',
  },
  {
    needs: 'chat:write',
    when: (manifest) => Boolean(manifest.features?.bot_user),
    what: 'a bot that replies',
  },
];

function subscribes(manifest: SlackManifest, event: string): boolean {
  return manifest.settings?.event_subscriptions?.bot_events?.includes(event) ?? false;
}

const manifestObjectSchema = z.strictObject({
  _metadata: z
    .strictObject({ major_version: z.number().int(), minor_version: z.number().int() })
    .partial()
    .optional(),
  display_information: displayInformationSchema,
  features: featuresSchema.optional(),
  oauth_config: oauthConfigSchema.optional(),
  settings: settingsSchema.optional(),
});

/** A Slack app manifest (the fields Protocol Bot uses). */
export type SlackManifest = z.infer<typeof manifestObjectSchema>;

/**
 * The manifest schema plus the rules that tie fields together: Socket Mode and request URLs exclude each other (in
 * HTTP mode every surface needs one), and each feature or event has the scope Slack requires for it.
 */
export const slackManifestSchema = manifestObjectSchema.superRefine((manifest, context) => {
  const settings = manifest.settings ?? {};
  const urls: Array<{ path: (string | number)[]; url: string | undefined; needed: boolean }> = [
    {
      path: ['settings', 'event_subscriptions', 'request_url'],
      url: settings.event_subscriptions?.request_url,
      needed: (settings.event_subscriptions?.bot_events?.length ?? 0) > 0,
    },
    {
      path: ['settings', 'interactivity', 'request_url'],
      url: settings.interactivity?.request_url,
      needed: settings.interactivity?.is_enabled === true,
    },
    ...(manifest.features?.slash_commands ?? []).map((command, index) => ({
      path: ['features', 'slash_commands', index, 'url'],
      url: command.url,
      needed: true,
    })),
  ];
  for (const { path, url, needed } of urls) {
    if (settings.socket_mode_enabled && url !== undefined) {
      context.addIssue({ code: 'custom', path, message: 'must be absent when socket_mode_enabled is true' });
    }
    if (!settings.socket_mode_enabled && needed && url === undefined) {
      context.addIssue({ code: 'custom', path, message: 'is required when socket_mode_enabled is false' });
    }
  }
  const scopes = new Set(manifest.oauth_config?.scopes?.bot ?? []);
  for (const rule of requiredScopes) {
    if (rule.when(manifest) && !scopes.has(rule.needs)) {
      context.addIssue({
        code: 'custom',
        path: ['oauth_config', 'scopes', 'bot'],
        message: `must include ${rule.needs} for ${rule.what}`,
      });
    }
  }
});
