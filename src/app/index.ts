// The composition root: the CLI entry, the runtime every command builds and the platform list. `serve` stays out of
// it (the launcher imports main.js, and main loads serve.js only for `serve`), so one-shot commands start light.

export { chatPlatforms, type MountedPlatforms, mountChatPlatforms, terminalPorts } from './chat-platforms.js';
export { main } from './main.js';
export {
  type AssemblePipelineOptions,
  assemblePipeline,
  buildRuntime,
  openCorpusIndex,
  type Runtime,
  type RuntimeOptions,
} from './runtime.js';
