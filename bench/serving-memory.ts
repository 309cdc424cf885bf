import { buildRuntime } from '../src/app/runtime.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { sentenceEncodersLoaded } from '../src/search/embed/sentence-encoder.js';

// Run as its own process by bench/sections/encoder.ts: the runtime as `serve` builds it (answer threads from
// ANSWER_WORKERS, index already built in DATA_DIR), a few questions through the threads, then the process's resident
// set size (every thread included) as JSON on stdout.
const config = loadConfig();
const runtime = await buildRuntime({ config, logger: silentLogger, answerWorkers: config.ANSWER_WORKERS });
const questions = [
  'How quickly must an officer reply to a councillor’s email?',
  'Can officers attend political group meetings?',
  'What information can a councillor ask officers for?',
  'Can council stationery be used for campaigning?',
  'Who should a councillor contact about a staffing issue?',
];
for (let round = 0; round < 4; round++) {
  for (const text of questions) {
    await runtime.pipeline.answer({
      text,
      asker: { platform: 'cli', userId: 'bench', displayName: 'bench' },
      eventId: `bench:${round}:${text}`,
    });
  }
}
const rss = process.memoryUsage().rss;
const mainThreadEncoder = sentenceEncodersLoaded() > 0;
await runtime.close();
process.stdout.write(`${JSON.stringify({ rss, answerThreads: runtime.answerThreads, mainThreadEncoder })}\n`);
