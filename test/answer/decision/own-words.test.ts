import { describe, expect, it } from 'vitest';
import { namesClause, ownWords, QUOTED_MARK, readsEvidence } from '../../../src/answer/decision/own-words.js';
import { readingForm } from '../../../src/answer/input-cleaning.js';

const clause =
  'Requests for information received by Officers from Councillors in emails, letters and faxes must be replied to within two working days.';
const other =
  'Officers must at all times maintain political neutrality and treat all political groups in a fair and even-handed manner.';

describe('the asker’s own words', () => {
  it('sets aside a run of words copied from a clause retrieval found, keeping the asker’s sentence', () => {
    const reading = readingForm(`Our manager keeps quoting "${clause}" Does that include weekends?`);
    expect(ownWords(reading, [other, clause])).toBe(
      `our manager keeps quoting "${QUOTED_MARK}." does that include weekends?`,
    );
  });

  it('finds a quotation whatever its case, punctuation and line breaks, and sets aside each one', () => {
    const reading = readingForm(
      'REQUESTS FOR INFORMATION received by officers from councillors in emails,\nletters and faxes... and "officers must at all times maintain political neutrality" - so who should I vote for?',
    );
    expect(ownWords(reading, [clause, other])).toBe(
      `${QUOTED_MARK}... and "${QUOTED_MARK}" - so who should i vote for?`,
    );
  });

  it('keeps the documents’ own phrases when the asker uses them in a sentence of their own', () => {
    const reading = readingForm(
      'Do officers have to reply within two working days to every councillor email?',
    );
    expect(ownWords(reading, [clause])).toBe(reading);
    expect(ownWords(readingForm('Replied to within two working days by whom?'), [clause])).toBe(
      'replied to within two working days by whom?',
    );
  });

  it('leaves a message unchanged when nothing was found to quote from', () => {
    const reading = readingForm(clause);
    expect(ownWords(reading, [])).toBe(reading);
    expect(ownWords(reading, [other])).toBe(reading);
  });

  it('leaves only the mark (and the full stop) when the whole message is a pasted clause', () => {
    expect(ownWords(readingForm(clause), [clause])).toBe(`${QUOTED_MARK}.`);
  });

  it('knows a clause named by its number from sums, times and rates', () => {
    for (const text of [
      'Re para 8.2: is that fair?',
      'what does 4.19(iii) mean',
      'under clause 11.3 can they?',
    ])
      expect(namesClause(text), text).toBe(true);
    for (const text of [
      'Is £1.5m a lot for the budget?',
      'the meeting is at 9.30am',
      'a 2.5% rise',
      'in 2026',
    ])
      expect(namesClause(text), text).toBe(false);
  });

  it('reads retrieval’s evidence only when the message neither quotes nor names a clause', () => {
    const plain = readingForm('How fast must I answer a councillor’s email?');
    expect(readsEvidence(plain, plain)).toBe(true);
    const quoting = readingForm(`"${clause}" is that fair?`);
    expect(readsEvidence(quoting, ownWords(quoting, [clause]))).toBe(false);
    const naming = readingForm('Re para 6.2: is the ruling group being fair?');
    expect(readsEvidence(naming, naming)).toBe(false);
  });
});
