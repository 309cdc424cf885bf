import { describe, expect, it } from 'vitest';
import { quoteWindow } from '../../src/answer/citation-format.js';

describe('quoteWindow', () => {
  const sentence = (n: number) => `Sentence number ${n} talks about subject ${n} at some length for padding.`;
  const long = Array.from({ length: 40 }, (_, n) => sentence(n)).join(' ');

  it('returns short clauses whole', () => {
    expect(quoteWindow('Officers must reply within two working days.', 'reply')).toBe(
      'Officers must reply within two working days.',
    );
  });

  it('quotes a verbatim window of a long clause around the best sentence', () => {
    const quote = quoteWindow(long, 'subject 25');
    expect(long.includes(quote)).toBe(true);
    expect(quote).toContain('subject 25');
    expect(quote.length).toBeLessThanOrEqual(700);
    expect(quote.length).toBeGreaterThan(400);
  });

  it('terminates when the best sentence is last or first', () => {
    expect(long.includes(quoteWindow(long, 'subject 39'))).toBe(true);
    expect(long.includes(quoteWindow(long, 'subject 0'))).toBe(true);
  });
});
