/** A sentence shorter than this many words says too little to be scored on its own ("See 4.2.", "Procedure"). */
const minimumWords = 4;

/**
 * The sentences of a clause worth embedding on their own: split at a full stop, question or exclamation mark, or
 * semicolon followed by a capital, digit or bracket, and at line breaks (list items). A clause with one sentence gives
 * none: its whole-clause vector already says it.
 */
export function clauseSentences(text: string): string[] {
  const sentences = text
    .split(/\n+|(?<=[.!?;])\s+(?=[A-Z0-9(“"‘'])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.split(/\s+/).length >= minimumWords);
  return sentences.length > 1 ? sentences : [];
}
