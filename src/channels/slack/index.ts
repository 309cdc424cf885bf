// Slack: Bolt listeners parse events into questions for the conversation flow; Block Kit renders answers.
// The folder's public surface (Bolt itself is loaded only when Slack is mounted).

export { slackPlatform } from './slack-platform.js';
