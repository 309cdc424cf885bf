import type { QuestionCondenser } from './composer.js';

const followUpStart =
  /^(and|or|but|also|plus|what about|how about|same for|same with|does that|does this|is that|is this|what if|and if|then|so|ok so|okay so|in that case|and for|and what|and how|and who|and can|and do|what else)\b/i;
const pronounReference = /\b(it|that|this|they|them|those|these|he|she|him|her)\b/i;

/**
 * The offline condenser: a follow-up ("and phone calls?") is joined to the thread's previous question so retrieval
 * sees both; a question that stands on its own is left alone.
 */
export function createRuleCondenser(): QuestionCondenser {
  return {
    async condense(question, history) {
      const previous = history.at(-1)?.trim();
      if (!previous) return question;
      const words = question.trim().split(/\s+/).filter(Boolean);
      const looksLikeFollowUp =
        followUpStart.test(question.trim()) ||
        words.length <= 4 ||
        (words.length <= 8 && pronounReference.test(question));
      return looksLikeFollowUp ? `${previous} ${question}` : question;
    },
  };
}
