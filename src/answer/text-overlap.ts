const stopWords = new Set(
  'a an and are as at be been but by can could do does for from has have how i if in is it its may me might must my no not of on or our should so than that the their them then there these they this to was we were what when where which who whom why will with would you your'.split(
    ' ',
  ),
);

/** Lower-case content words of a text, with a crude plural fold; enough to rank sentences within one clause. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .filter((word) => !stopWords.has(word) && word.length > 1)
    .map((word) =>
      word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
    );
}

/** A label and its value ("Date: Monday, 18 December 2023") are joined while the sentence stays this short. */
const maximumJoinedWords = 40;

/**
 * Splits clause text into sentences, keeping list items whole. A piece ending in a colon that does not open a list
 * is a label ("Venue:"), so it keeps its value: joined to what follows while the whole stays short.
 */
export function sentences(text: string): string[] {
  const pieces = text
    .split(/(?<=[.;:!?])\s+(?=[A-Z(•\-–])|\s+(?=[-•]\s)/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
  const joined: string[] = [];
  for (const piece of pieces) {
    const previous = joined[joined.length - 1];
    const opensList = /^[-•–]\s/.test(piece);
    if (previous?.endsWith(':') && !opensList && wordCount(`${previous} ${piece}`) <= maximumJoinedWords)
      joined[joined.length - 1] = `${previous} ${piece}`;
    else joined.push(piece);
  }
  return joined;
}

function wordCount(text: string): number {
  return text.split(/\s+/).length;
}

/** The sentence of `text` sharing the most content words with `query` (earlier sentences win ties). */
export function bestSentence(text: string, query: string): string {
  const wanted = new Set(contentWords(query));
  let best = '';
  let bestScore = -1;
  for (const sentence of sentences(text)) {
    const words = new Set(contentWords(sentence));
    let score = 0;
    for (const word of wanted) if (words.has(word)) score += 1;
    // Very short fragments ("COMMON LAW") rarely answer anything.
    if (words.size < 4) score -= 0.5;
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return best || text;
}
