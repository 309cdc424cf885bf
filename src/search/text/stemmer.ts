/**
 * A light, predictable English stemmer: Porter's step 1 (plurals, -ed/-ing, terminal y) and step 5a (a final e), so
 * that "councillors" → "councillor", "meetings" → "meet", "replied"/"replies"/"replying" → "repli" and
 * "provide"/"provided"/"providing" → "provid", plus -bility → -ble ("responsibility" ~ "responsible") and the common
 * irregular verbs ("heard" → "hear", "given" → "give"), while words keep a recognisable shape. Input must already
 * be lower-case letters and digits.
 */
export function stem(word: string): string {
  const irregular = irregularVerbs.get(word);
  if (irregular) return stem(irregular);
  if (/\d/.test(word)) return word;
  if (word.length <= 3) return stepFiveA(word);
  let stemmed = stepOneA(word);
  stemmed = stepOneB(stemmed);
  stemmed = stepOneC(stemmed);
  // Porter's step 2 for -bility only, so "responsibility" finds "responsible" and "accountability" "accountable".
  if (stemmed.endsWith('biliti') && measure(stemmed.slice(0, -6)) > 0) stemmed = `${stemmed.slice(0, -6)}ble`;
  return stepFiveA(stemmed);
}

/**
 * Irregular past forms of verbs questions and clauses use ("what they heard" ~ "which they hear", "told" ~ "tell"),
 * mapped to the base form before stemming. Only forms that are not also common words of another meaning.
 */
const irregularVerbs: ReadonlyMap<string, string> = new Map(
  `heard:hear told:tell gave:give given:give took:take taken:take sent:send wrote:write written:write kept:keep
made:make said:say saw:see seen:see thought:think brought:bring bought:buy held:hold found:find chose:choose
chosen:choose spoke:speak spoken:speak rang:ring rung:ring paid:pay sought:seek taught:teach caught:catch
went:go gone:go began:begin begun:begin became:become broke:break broken:break
forgot:forget forgotten:forget hid:hide hidden:hide shown:show withheld:withhold withdrew:withdraw
withdrawn:withdraw undertook:undertake undertaken:undertake overheard:overhear`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

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

/** Porter's step 5a: a final e goes when m > 1, or m = 1 without a cvc ending ("provide" → "provid", not "code"). */
function stepFiveA(word: string): string {
  if (!word.endsWith('e')) return word;
  const base = word.slice(0, -1);
  const m = measure(base);
  return m > 1 || (m === 1 && !endsCvc(base)) ? base : word;
}

function stepOneC(word: string): string {
  if (word.endsWith('y') && vowel.test(word.slice(0, -1))) return `${word.slice(0, -1)}i`;
  return word;
}
