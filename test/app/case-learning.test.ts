import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseLearning } from '../../src/app/case-learning.js';
import type { AnsweredQuestion } from '../../src/cases/index.js';
import { type HandoffRuntime, openHandoff } from '../../src/cases/open-handoff.js';
import { ProtocolBotError } from '../../src/errors.js';
import {
  bullyingRequest,
  movableClock,
  recordingLogger,
  tempDataDir,
  testConfig,
} from '../cases/handoff-test-kit.js';

const officer = { platform: 'cli', userId: 'pshah' };

/** A retriever that records what it is taught. */
function recordingRetriever() {
  const taught: AnsweredQuestion[][] = [];
  return {
    taught,
    learn: async (examples: readonly AnsweredQuestion[]) => {
      taught.push([...examples]);
      return examples.length;
    },
  };
}

describe('learning from answered cases', () => {
  let data: ReturnType<typeof tempDataDir>;
  let handoff: HandoffRuntime;
  let logger: ReturnType<typeof recordingLogger>;

  beforeEach(async () => {
    data = tempDataDir();
    logger = recordingLogger();
    handoff = await openHandoff({
      config: testConfig(data.dir),
      clock: movableClock('2026-12-07T10:00:00Z'),
      logger,
    });
    for (const eventId of ['a', 'b', 'c']) {
      await handoff.cases.openCase(bullyingRequest({ eventId, text: `Question ${eventId}?` }));
    }
  });

  afterEach(async () => {
    await handoff.close();
    data.cleanup();
  });

  it('learns every answered case that named clauses at start, each once', async () => {
    await handoff.cases.answer('MO-2026-0001', officer, 'See 6.2.', [['part5c', '6.2']]);
    await handoff.cases.answer('MO-2026-0002', officer, 'Please call me.');
    const retriever = recordingRetriever();
    const learning = new CaseLearning(retriever, logger);
    expect(await learning.refresh(handoff.cases)).toBe(1);
    expect(await learning.refresh(handoff.cases)).toBe(0);
    expect(retriever.taught).toEqual([
      [{ reference: 'MO-2026-0001', question: 'Question a?', clauses: [['part5c', '6.2']] }],
    ]);
    expect(learning.learned.map((example) => example.reference)).toEqual(['MO-2026-0001']);
  });

  it('learns an answer given in this process at once, and passes it to the answer threads', async () => {
    const retriever = recordingRetriever();
    const learning = new CaseLearning(retriever, logger);
    const peers: AnsweredQuestion[][] = [];
    learning.shareWith({ learn: (examples) => peers.push([...examples]) });
    const cases = learning.watch(handoff.cases);
    const record = await cases.answer('MO-2026-0003', officer, 'No.', [['swale-draft-protocol', '4.1']]);
    expect(record.status).toBe('answered');
    const lesson = [
      { reference: 'MO-2026-0003', question: 'Question c?', clauses: [['swale-draft-protocol', '4.1']] },
    ];
    expect(retriever.taught).toEqual([lesson]);
    expect(peers).toEqual([lesson]);
    // The other methods are the store's own; a later refresh finds nothing new.
    expect((await cases.get('MO-2026-0003')).answer).toBe('No.');
    expect(await learning.refresh(handoff.cases)).toBe(0);
  });

  it('never stands in the way: a store that cannot be read, or a retriever that fails, is logged', async () => {
    const learning = new CaseLearning(recordingRetriever(), logger);
    const down = {
      answeredClauses: async () => {
        throw new ProtocolBotError('store_unavailable', 'the case database is not answering');
      },
    };
    expect(await learning.refresh(down)).toBe(0);
    expect(logger.lines.some((line) => line.message === 'Could not read answered cases to learn from')).toBe(
      true,
    );

    const failing = new CaseLearning(
      {
        learn: async () => {
          throw new Error('encoder crashed');
        },
      },
      logger,
    );
    const record = await failing
      .watch(handoff.cases)
      .answer('MO-2026-0001', officer, 'Yes.', [['part5c', '6.2']]);
    expect(record.answerClauses).toEqual([['part5c', '6.2']]);
    expect(logger.lines.some((line) => line.message === 'Could not learn from an answered case')).toBe(true);
  });
});
