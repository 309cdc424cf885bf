import type { Answer } from './answer-schema.js';
import type { Question } from './question.js';

/**
 * The one answering pipeline every adapter calls: policy → retrieval → composition → citation check → handoff.
 * It never throws: any input ends in exactly one decision.
 */
export interface AnsweringPipeline {
  answer(question: Question): Promise<Answer>;
}
