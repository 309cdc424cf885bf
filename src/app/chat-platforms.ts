import {
  type ChatPlatform,
  type ChatPlatformFactory,
  ConversationInbox,
  createConversationFlow,
  type PlatformPorts,
} from '../channels/conversation/index.js';
import { slackPlatform } from '../channels/slack/index.js';
import { teamsPlatform } from '../channels/teams/index.js';
import type { TerminalPorts } from '../channels/terminal/index.js';
import type { HttpServer } from './http-server.js';
import type { Runtime } from './runtime.js';

/** Every chat platform `serve` can run. Adding one is a folder under src/channels and one line here. */
export const chatPlatforms: readonly ChatPlatformFactory[] = [teamsPlatform, slackPlatform];

/** The chat platforms mounted on a server, and the one conversation inbox they share. */
export interface MountedPlatforms {
  conversation: ConversationInbox;
  platforms: ChatPlatform[];
}

/**
 * Builds the one conversation flow and its durable inbox over the runtime, then mounts each enabled platform with
 * the narrow ports it needs. Call `conversation.start()` once listening, to answer what an earlier process left.
 */
export async function mountChatPlatforms(
  server: HttpServer,
  runtime: Runtime,
  factories: readonly ChatPlatformFactory[] = chatPlatforms,
): Promise<MountedPlatforms> {
  const conversation = new ConversationInbox({
    store: runtime.handoff.inbox,
    flow: createConversationFlow({
      pipeline: runtime.pipeline,
      questions: runtime.handoff.questions,
      logger: runtime.logger,
      clock: runtime.clock,
      chat: { ratePerMinute: runtime.config.RATE_LIMIT_PER_MINUTE },
      concurrency: answerConcurrency(runtime),
    }),
    logger: runtime.logger,
    clock: runtime.clock,
    leaseMs: runtime.config.INBOX_LEASE_SECONDS * 1_000,
  });
  const ports: PlatformPorts = {
    config: runtime.config,
    logger: runtime.logger,
    clock: runtime.clock,
    conversation,
    cases: runtime.handoff.cases,
    questions: runtime.handoff.questions,
    registrations: runtime.handoff.registrations,
    corpus: runtime.retriever,
    notices: runtime.handoff.dispatcher,
  };
  const platforms: ChatPlatform[] = [];
  for (const factory of factories) {
    if (factory.enabled(runtime.config)) platforms.push(await factory.mount(server, ports));
  }
  return { conversation, platforms };
}

/** The terminal's ports: no inbox, no platform. */
export function terminalPorts(runtime: Runtime): TerminalPorts {
  return {
    pipeline: runtime.pipeline,
    questions: runtime.handoff.questions,
    logger: runtime.logger,
    clock: runtime.clock,
    deliverNotices: () => runtime.handoff.dispatcher.drainOnce(),
  };
}

/**
 * Questions worked on at once. Offline answers are CPU work: on the main thread one at a time, so acknowledgements
 * are never held up; on answer threads a few per thread, so each thread always has the next one queued. Generative
 * answers mostly wait on the model.
 */
function answerConcurrency(runtime: Runtime): number {
  if (runtime.generative) return 8;
  return runtime.answerThreads > 0 ? runtime.answerThreads * 4 : 1;
}
