/**
 * Phrases that show a reply gave political advice, whatever decision it claimed. Checked sentence by sentence;
 * a sentence that also says no ("I can't tell you who to vote for") is a refusal, not advice.
 */
const parties =
  '(labour|conservatives?|tor(y|ies)|lib ?dems?|liberal democrats?|greens?|green party|reform( uk)?|ukip|snp|plaid( cymru)?|independents?)';

/** Each pattern matches a sentence that advises, endorses or campaigns. Case-insensitive. */
export const advicePatterns: readonly RegExp[] = [
  /\b(you|we|people|residents|voters|everyone) (should|ought to|must|need to) (vote|back|support|choose|pick)\b/i,
  /\b(i|we)('d| would)? (recommend|suggest|advise|urge)\b.{0,30}\b(voting|you vote|backing|supporting|choosing)\b/i,
  new RegExp(`\\bvote (for )?(the )?${parties}\\b`, 'i'),
  new RegExp(
    `\\b${parties}\\b.{0,20}\\b(is|are) (clearly |definitely |obviously )?(the )?(best|better|right|stronger|smarter|only sensible) (choice|option|party|bet)\\b`,
    'i',
  ),
  /\b(best|right) (party|candidate) (to vote for|for you|for your ward)\b/i,
  /\b(campaign slogans?|attack lines?|talking points|key messages) (for|against)\b.{0,40}:/i,
  /\b(dear (resident|voter|neighbour)s?)\b.{0,200}\b(vote|re-?elect|support me|polling day)\b/i,
  /\b(re-?elect|vote for) (me|your local|our candidate|cllr)\b/i,
  /\bon polling day\b.{0,60}\b(vote|support|back)\b/i,
  /\b(to win|winning|to take) (the|this|that) (seat|ward|election|marginal)\b.{0,60}\b(focus|target|knock|canvass|leaflet)/i,
];

const negation =
  /\b(not|no|never|cannot|can't|can’t|won't|won’t|don't|don’t|unable|isn't|isn’t|shouldn't|shouldn’t|mustn't|mustn’t|neutral)\b/i;

/** Sentences of a reply (quotes and bullets split too, so a quoted refusal does not hide advice after it). */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((sentence) => sentence.trim() !== '');
}

/** The first sentence of `text` that reads as political advice, or null. */
export function findPoliticalAdvice(text: string): string | null {
  for (const sentence of sentences(text)) {
    if (negation.test(sentence)) continue;
    if (advicePatterns.some((pattern) => pattern.test(sentence))) return sentence.trim();
  }
  return null;
}
