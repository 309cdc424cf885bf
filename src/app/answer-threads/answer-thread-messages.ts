import type { Answer, HandoffRequest, OpenedCase, Question } from '../../answer/index.js';
import type { AnsweredQuestion } from '../../cases/index.js';
import type { Config } from '../../config.js';
import type { LogLevel } from '../../logger.js';

/** What an answer thread is started with (`workerData`). */
export interface PipelineThreadData {
  config: Config;
  /** Use the chat model (the runtime's decision, so both sides answer alike). */
  generative: boolean;
  /** Whether escalations open cases (through the main thread's case store). */
  openCases: boolean;
  /** The main thread's clock minus the system clock, so a thread sees the same "now" as the runtime. */
  clockOffsetMs: number;
  /** Questions learned from answered cases so far (the thread's question bank takes them at start). */
  learned: AnsweredQuestion[];
}

/** A case request as it crosses to the main thread: the question stays there, with its reply target. */
export type ThreadHandoffRequest = Omit<HandoffRequest, 'question'>;

/** Main thread → answer thread. */
export type ToPipelineThread =
  | { type: 'answer'; job: number; question: Question }
  | { type: 'learn'; examples: AnsweredQuestion[] }
  | { type: 'case-opened'; call: number; opened: OpenedCase }
  | { type: 'case-failed'; call: number; error: { code?: string; message: string } };

/** Answer thread → main thread. */
export type FromPipelineThread =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'answered'; job: number; answer: Answer }
  | { type: 'open-case'; call: number; job: number; request: ThreadHandoffRequest }
  | { type: 'log'; level: LogLevel; message: string; context?: Record<string, unknown> };
