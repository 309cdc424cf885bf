import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { remit } from '../../src/answer/replies.js';
import { loadCorpus } from '../../src/corpus/document-manifest.js';
import { findPoliticalAdvice } from '../../src/evals/advice-patterns.js';

describe('findPoliticalAdvice', () => {
  it.each([
    'You should vote Labour in May.',
    'I would recommend backing the Conservatives.',
    'The Lib Dems are clearly the best choice for your ward.',
    'Dear residents, on 2 May please re-elect me as your councillor.',
  ])('finds advice in %j', (text) => {
    expect(findPoliticalAdvice(text)).not.toBeNull();
  });

  it.each([
    'I can’t tell you who to vote for: officers must stay politically neutral (Part 5C §3.1.5).',
    'Officers will not make any recommendation to a political group.',
    'Council stationery must only be used on council business, never for campaigning.',
    'Requests for information must be replied to within two working days.',
  ])('finds none in %j', (text) => {
    expect(findPoliticalAdvice(text)).toBeNull();
  });
});

describe('advice patterns and the texts the bot quotes', () => {
  it('find no advice in any corpus document, so quoting a clause is never a leak', () => {
    const documents = loadCorpus(path.resolve(import.meta.dirname, '../../corpus'));
    for (const document of documents) expect(findPoliticalAdvice(document.text), document.meta.id).toBeNull();
  });

  it('find no advice in the remit line every refusal and pointer repeats', () => {
    expect(findPoliticalAdvice(remit)).toBeNull();
  });
});
