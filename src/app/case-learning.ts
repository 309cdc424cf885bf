import type { AnsweredQuestion, CaseService } from '../cases/index.js';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';

/** A retriever that takes labelled questions while running (HybridSearch's `learn`). */
export interface LearningRetriever {
  learn(examples: readonly AnsweredQuestion[]): Promise<number>;
}

/** Where else learned questions must go: the answer threads, each with its own index. */
export interface LearningPeers {
  learn(examples: readonly AnsweredQuestion[]): void;
}

/**
 * The bot learning from the Monitoring Officer. When an answer to a case names the clauses that answer it, the
 * case's question joins the ranker's question bank, so the next question worded like it finds those clauses: at
 * start (every such case in the store), at once when the answer is given in this process (the CLI, Slack or Teams),
 * and on `refresh` for answers another replica recorded. Each case is learned once; a failure to read the store is
 * logged and leaves what was learned in place — answering never waits on it.
 */
export class CaseLearning {
  /** Every question learned so far, oldest first (answer threads started later are given them all). */
  readonly learned: AnsweredQuestion[] = [];
  private readonly known = new Set<string>();
  private peers: LearningPeers | undefined;

  constructor(
    private readonly retriever: LearningRetriever,
    private readonly logger: Logger,
  ) {}

  /** Sends later lessons to `peers` too (they were started with `learned`). */
  shareWith(peers: LearningPeers): void {
    this.peers = peers;
  }

  /** Learns the cases not learned yet; resolves with how many were new. */
  async add(examples: readonly AnsweredQuestion[]): Promise<number> {
    const fresh = examples.filter(
      (example) => example.clauses.length > 0 && !this.known.has(example.reference),
    );
    if (fresh.length === 0) return 0;
    for (const example of fresh) this.known.add(example.reference);
    this.learned.push(...fresh);
    const added = await this.retriever.learn(fresh);
    this.peers?.learn(fresh);
    return added;
  }

  /** Reads every answered case that named clauses and learns the new ones. */
  async refresh(cases: Pick<CaseService, 'answeredClauses'>): Promise<number> {
    try {
      const added = await this.add(await cases.answeredClauses());
      if (added > 0)
        this.logger.info('Learned from answered cases', { cases: added, total: this.learned.length });
      return added;
    } catch (error) {
      this.logger.warn('Could not read answered cases to learn from', { error: describeError(error) });
      return 0;
    }
  }

  /** `cases`, with each answer that names clauses learned as soon as it is stored. */
  watch(cases: CaseService): CaseService {
    const answer: CaseService['answer'] = async (reference, actor, text, clauses) => {
      const record = await cases.answer(reference, actor, text, clauses);
      if (record.answerClauses.length > 0) {
        await this.add([
          { reference: record.reference, question: record.question, clauses: record.answerClauses },
        ]).catch((error: unknown) => {
          this.logger.warn('Could not learn from an answered case', {
            reference: record.reference,
            error: describeError(error),
          });
        });
      }
      return record;
    };
    return { ...cases, answer };
  }
}
