/** A corpus term and the number of clauses that use it. */
export interface VocabularyTerm {
  term: string;
  frequency: number;
}

/** Shortest stem that is corrected: shorter words have too many neighbours one letter away. */
const minimumLength = 5;
/** From this length a vowel may stand for another ("seperate", "independant"). */
const vowelSwapLength = 6;
/** From this length any letter may stand for another ("politipal"). */
const anySwapLength = 8;

/**
 * Maps a query term the corpus never uses to the corpus term it most likely misspells, by the slips people make when
 * typing: a letter left out ("oficer", "comittee"), two neighbours swapped ("mointoring", "recieve"), a letter typed
 * twice ("offficer"), a wrong vowel in a longer word ("independant") or a wrong letter in a long one ("politipal").
 * Only one slip per word, never in the first or last letter, and nothing for short words: a real word the corpus
 * happens not to use ("stuff", "score", "complain") is one letter from some corpus word far more often than it is a
 * typo. The most used corpus term wins a tie.
 */
export class SpellingCorrector {
  private readonly byFirstLetter = new Map<string, VocabularyTerm[]>();

  constructor(vocabulary: Iterable<VocabularyTerm>) {
    for (const entry of vocabulary) {
      if (!/^[a-z]+$/.test(entry.term)) continue;
      const first = entry.term[0] as string;
      const list = this.byFirstLetter.get(first) ?? [];
      list.push(entry);
      this.byFirstLetter.set(first, list);
    }
  }

  /** The corpus term `term` most likely misspells, or null when no single slip explains it. */
  correct(term: string): string | null {
    if (term.length < minimumLength || !/^[a-z]+$/.test(term)) return null;
    let best: VocabularyTerm | null = null;
    for (const candidate of this.byFirstLetter.get(term[0] as string) ?? []) {
      if (Math.abs(candidate.term.length - term.length) > 1) continue;
      if (!oneSlipApart(term, candidate.term)) continue;
      if (!best || candidate.frequency > best.frequency) best = candidate;
    }
    return best?.term ?? null;
  }
}

const vowels = new Set(['a', 'e', 'i', 'o', 'u']);

/** True when `typed` is `intended` with one typing slip of the kinds {@link SpellingCorrector} accepts. */
export function oneSlipApart(typed: string, intended: string): boolean {
  if (typed === intended) return false;
  // A different ending is usually another word ("complain" / "complaint"), not a slip: the last letter must agree.
  if (typed.at(-1) !== intended.at(-1)) return false;
  if (typed.length + 1 === intended.length) return withoutOneLetter(intended, typed) !== -1;
  if (typed.length === intended.length + 1) {
    // An extra letter counts only when it repeats its neighbour ("offficer").
    const extra = withoutOneLetter(typed, intended);
    return extra > 0 && (typed[extra] === typed[extra - 1] || typed[extra] === typed[extra + 1]);
  }
  if (typed.length !== intended.length) return false;
  const differing: number[] = [];
  for (let index = 0; index < typed.length; index++) {
    if (typed[index] !== intended[index]) differing.push(index);
    if (differing.length > 2) return false;
  }
  const [first, second] = differing as [number, number | undefined];
  if (second !== undefined) {
    return second === first + 1 && typed[first] === intended[second] && typed[second] === intended[first];
  }
  const bothVowels = vowels.has(typed[first] as string) && vowels.has(intended[first] as string);
  return typed.length >= anySwapLength || (bothVowels && typed.length >= vowelSwapLength);
}

/** Position of the one letter of `longer` whose removal gives `shorter`, or -1. */
function withoutOneLetter(longer: string, shorter: string): number {
  let index = 0;
  while (index < shorter.length && longer[index] === shorter[index]) index++;
  return longer.slice(index + 1) === shorter.slice(index) ? index : -1;
}
