import type { ChatPlatformFactory } from '../conversation/index.js';
import type { MountTeamsOptions } from './mount-teams.js';
import { teamsAccess } from './teams-access.js';

/** Teams at /api/messages on the shared server (the Agents SDK is loaded only when mounted). */
export function createTeamsPlatform(options: MountTeamsOptions = {}): ChatPlatformFactory {
  return {
    name: 'teams',
    // Off unless configured: MICROSOFT_APP_ID, or TEAMS_ALLOW_ANONYMOUS for local testing (refused in production).
    enabled: (config) => teamsAccess(config) !== 'off',
    async mount(server, ports) {
      const { mountTeams } = await import('./mount-teams.js');
      return mountTeams(server, ports, options);
    },
  };
}

/** Teams as `serve` mounts it. */
export const teamsPlatform = createTeamsPlatform();
