// Microsoft Teams: the Agents SDK endpoint parses activities into questions for the conversation flow; Adaptive
// Cards render answers. The folder's public surface (the SDK is loaded only when Teams is mounted).

export { createTeamsPlatform, teamsPlatform } from './teams-platform.js';
