import type { Prompts } from './prompts.js';

/** Words in a row shared with a prompt that count as echoing it. */
const SHINGLE_WORDS = 10;

/**
 * Detects model output that repeats our instructions (a prompt-extraction attempt that worked, or a confused model):
 * true when `text` shares any run of ten consecutive words with a prompt's fixed wording. Placeholders are left
 * out, so the user's own question or the clauses being repeated back do not count.
 */
export function createPromptEchoCheck(prompts: Prompts): (text: string) => boolean {
  const shingles = new Set<string>();
  for (const prompt of [prompts.system, prompts.answer, prompts.condense]) {
    for (const part of prompt.split(/\{\{\s*\w+\s*\}\}/)) {
      const words = wordsOf(part);
      for (let start = 0; start + SHINGLE_WORDS <= words.length; start++) {
        shingles.add(words.slice(start, start + SHINGLE_WORDS).join(' '));
      }
    }
  }
  return (text) => {
    const words = wordsOf(text);
    for (let start = 0; start + SHINGLE_WORDS <= words.length; start++) {
      if (shingles.has(words.slice(start, start + SHINGLE_WORDS).join(' '))) return true;
    }
    return false;
  };
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}
