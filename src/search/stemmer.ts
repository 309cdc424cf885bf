/**
 * A light, predictable English stemmer: Porter's step 1 (plurals, -ed/-ing, terminal y) and nothing more, so that
 * "councillors" → "councillor", "meetings" → "meet", "replied"/"replies"/"replying" → "repli", while words keep
 * a recognisable shape. Input must already be lower-case letters and digits.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let stemmed = stepOneA(word);
  stemmed = stepOneB(stemmed);
  return stepOneC(stemmed);
}

const vowel = /[aeiou]/;

function isConsonant(word: string, index: number): boolean {
  const letter = word[index];
  if (letter === undefined) return false;
  if ('aeiou'.includes(letter)) return false;
  if (letter === 'y') return index === 0 || !isConsonant(word, index - 1);
  return true;
}

/** Porter's m: the number of vowel-consonant sequences. */
function measure(word: string): number {
  let count = 0;
  let index = 0;
  const length = word.length;
  while (index < length && isConsonant(word, index)) index++;
  while (index < length) {
    while (index < length && !isConsonant(word, index)) index++;
    if (index >= length) break;
    while (index < length && isConsonant(word, index)) index++;
    count++;
  }
  return count;
}

function containsVowel(word: string): boolean {
  for (let index = 0; index < word.length; index++) if (!isConsonant(word, index)) return true;
  return false;
}

function endsWithDoubleConsonant(word: string): boolean {
  const length = word.length;
  return length >= 2 && word[length - 1] === word[length - 2] && isConsonant(word, length - 1);
}

/** consonant-vowel-consonant ending, the last not w, x or y ("hop", not "snow"). */
function endsCvc(word: string): boolean {
  const length = word.length;
  if (length < 3) return false;
  const last = word[length - 1] as string;
  return (
    isConsonant(word, length - 3) &&
    !isConsonant(word, length - 2) &&
    isConsonant(word, length - 1) &&
    !'wxy'.includes(last)
  );
}

function stepOneA(word: string): string {
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ies')) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

function stepOneB(word: string): string {
  if (word.endsWith('eed')) return measure(word.slice(0, -3)) > 0 ? word.slice(0, -1) : word;
  for (const suffix of ['ed', 'ing']) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length);
    if (!containsVowel(base) || base.length < 2) return word;
    if (base.endsWith('at') || base.endsWith('bl') || base.endsWith('iz') || base.endsWith('is')) {
      return `${base}e`;
    }
    if (endsWithDoubleConsonant(base) && !/[lsz]$/.test(base)) return base.slice(0, -1);
    if (measure(base) === 1 && endsCvc(base)) return `${base}e`;
    return base;
  }
  return word;
}

function stepOneC(word: string): string {
  if (word.endsWith('y') && vowel.test(word.slice(0, -1))) return `${word.slice(0, -1)}i`;
  return word;
}
