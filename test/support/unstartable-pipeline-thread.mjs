// An answer thread that cannot open its index (test/app/answer-threads.test.ts).
import { parentPort } from 'node:worker_threads';

parentPort.postMessage({ type: 'failed', message: 'ProtocolBotError: the index could not be opened' });
process.exit(1);
