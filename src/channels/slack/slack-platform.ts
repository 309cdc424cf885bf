import type { ChatPlatformFactory } from '../conversation/index.js';

/** Slack as `serve` mounts it, when SLACK_BOT_TOKEN is set (Bolt is loaded only then). */
export const slackPlatform: ChatPlatformFactory = {
  name: 'slack',
  enabled: (config) => Boolean(config.SLACK_BOT_TOKEN),
  async mount(server, ports) {
    const { mountSlack } = await import('./mount-slack.js');
    return mountSlack(server, ports);
  },
};
