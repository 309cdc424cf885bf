// An answer thread that starts normally and then exits, as a crash would, when it is sent a question
// (test/app/answer-threads.test.ts).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (message) => {
  if (message.type === 'answer') process.exit(3);
});
parentPort.postMessage({ type: 'ready' });
