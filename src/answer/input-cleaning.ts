/** Longest question we read in full; the rest is dropped (and the reply says so). */
export const MAX_QUESTION_CHARS = 4000;
/** Longest text the policy stage scans, so a request hidden after padding is still seen. */
export const MAX_POLICY_SCAN_CHARS = 200_000;

/** A message after cleaning, with what was wrong with it. */
export interface CleanedQuestion {
  /** Readable text for retrieval and display: markup removed, whitespace collapsed, at most MAX_QUESTION_CHARS. */
  text: string;
  /** Lower-case text with look-alike characters folded to ASCII, for policy patterns; the whole message. */
  folded: string;
  /** Why the input cannot be answered at all, if so. */
  problem: 'empty' | 'binary' | 'no_words' | null;
  /** True when the message was longer than MAX_QUESTION_CHARS. */
  truncated: boolean;
}

// Characters that render like Latin letters (Cyrillic, Greek) — folded so "vоte" with a Cyrillic о still matches.
const lookAlikes: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  ү: 'y',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  '\u2018': "'",
  '\u2019': "'",
  '\u201b': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
};

// Invisible code points (zero-width spaces, joiners, bidi controls, variation selectors) used to hide words.
const invisibleRanges: Array<[number, number]> = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
];

function removeInvisible(text: string): string {
  let out = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (!invisibleRanges.some(([low, high]) => code >= low && code <= high)) out += character;
  }
  return out;
}

/**
 * Cleans a chat message: strips HTML, Slack and Teams markup, zero-width and control characters, collapses
 * whitespace, and folds look-alike characters for policy matching. Never throws.
 */
export function cleanQuestion(raw: unknown): CleanedQuestion {
  const input = typeof raw === 'string' ? raw : raw == null ? '' : String(raw);
  if (input.trim() === '') return { text: '', folded: '', problem: 'empty', truncated: false };
  const scanned = input.slice(0, MAX_POLICY_SCAN_CHARS);
  if (looksBinary(scanned)) return { text: '', folded: '', problem: 'binary', truncated: false };

  const readable = stripMarkup(removeInvisible(scanned.normalize('NFKC')))
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const folded = foldLookAlikes(readable.toLowerCase());
  const truncated = readable.length > MAX_QUESTION_CHARS;
  const text = truncated ? `${readable.slice(0, MAX_QUESTION_CHARS).replace(/\s+\S*$/, '')}…` : readable;
  const problem =
    (readable.match(/\p{L}/gu)?.length ?? 0) >= 2 ? null : readable === '' ? 'empty' : 'no_words';
  return { text, folded, problem, truncated };
}

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 4000);
  let odd = 0;
  for (const character of sample) {
    const code = character.codePointAt(0) ?? 0;
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13)) odd += 1;
  }
  return odd > 8 && odd / sample.length > 0.1;
}

function stripMarkup(text: string): string {
  return (
    text
      // Teams mentions and Slack user/channel mentions carry no meaning for the question.
      .replace(/<at>[^<]*<\/at>/gi, ' ')
      .replace(/<[@#!][^>|]*(\|([^>]*))?>/g, (_match, _label, label?: string) => (label ? ` ${label} ` : ' '))
      // Slack links <https://x|label> → label; bare <https://x> → the URL.
      .replace(/<((?:https?|mailto):[^>|]+)\|([^>]+)>/g, ' $2 ')
      .replace(/<((?:https?|mailto):[^>]+)>/g, ' $1 ')
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<\/?[a-z][^>]*>/gi, ' ')
      .replace(/&nbsp;/gi, ' ')
      .replace(/&lt;/gi, '<')
      .replace(/&gt;/gi, '>')
      .replace(/&quot;/gi, '"')
      .replace(/&#39;|&apos;/gi, "'")
      .replace(/&amp;/gi, '&')
      // Markdown emphasis and code fences.
      .replace(/```/g, ' ')
      .replace(/(\*\*|__|~~|`)/g, '')
      .replace(/\[([^\]]+)\]\((?:[^)]+)\)/g, '$1')
  );
}

/** Lower-case ASCII folding of look-alike letters, used only for matching. */
export function foldLookAlikes(text: string): string {
  let out = '';
  for (const character of text.normalize('NFKD')) {
    const code = character.codePointAt(0) ?? 0;
    if (code >= 0x300 && code <= 0x36f) continue; // combining accents
    out += lookAlikes[character] ?? character;
  }
  return out;
}

const leet: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/**
 * The text as written plus the spellings used to dodge filters: digits for letters inside words ("v0te") and
 * letters spaced apart ("v o t e"), so a rule sees through both.
 */
export function spellingVariants(text: string): string[] {
  const unLeet = text.replace(/[a-z0-9@$]*[a-z][a-z0-9@$]*/g, (word) =>
    /[0-9@$]/.test(word) ? word.replace(/[013457@$]/g, (character) => leet[character] ?? character) : word,
  );
  const unSpaced = text.replace(/\b(?:[a-z] ){3,}[a-z]\b/g, (run) => run.replace(/ /g, ''));
  return [...new Set([text, unLeet, unSpaced])];
}

/**
 * The form the decision classifier reads (and was trained on): lower case, look-alike letters folded. Hidden
 * spellings ("v0te", "v o t e") are read through {@link spellingVariants}.
 */
export function readingForm(text: string): string {
  return foldLookAlikes(removeInvisible(text.normalize('NFKC')).toLowerCase());
}
