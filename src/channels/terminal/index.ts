// The terminal: `ask` and the interactive chat on the same conversation flow, answers rendered as text.
// The folder's public surface.

export { runChatCommand } from './chat-command.js';
export { type CliIo, processIo } from './cli-io.js';
export { renderAnswerText } from './render-answer-text.js';
export { terminalAsker } from './terminal-asker.js';
export { type TerminalPipeline, type TerminalPorts, terminalPipeline } from './terminal-pipeline.js';
