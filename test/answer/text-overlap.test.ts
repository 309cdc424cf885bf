import { describe, expect, it } from 'vitest';
import { bestSentence, sentences } from '../../src/answer/text-overlap.js';

describe('sentences', () => {
  it('keeps a label with its value', () => {
    const cover =
      'Agenda Standards Committee Meeting Date: Monday, 18 December 2023 Time 7.00 pm Venue: Committee Room, Swale House, Sittingbourne';
    expect(sentences(cover)).toEqual([cover]);
  });

  it('still splits a colon that opens a list into its items', () => {
    expect(sentences('Officers should: - (a) be neutral; - (b) be prompt.')).toEqual([
      'Officers should:',
      '- (a) be neutral;',
      '- (b) be prompt.',
    ]);
  });

  it('does not join a label into one overlong sentence', () => {
    const long = `Membership: ${'Councillor Name, '.repeat(30)}Chair.`;
    const [venue, label, list] = sentences(`Venue: Committee Room. ${long}`);
    expect([venue, label]).toEqual(['Venue: Committee Room.', 'Membership:']);
    expect(list).toMatch(/^Councillor Name, /);
  });
});

describe('bestSentence', () => {
  it('quotes the meeting details for a question about when and where', () => {
    const cover =
      'Agenda Standards Committee Meeting Date: Monday, 18 December 2023 Time 7.00 pm Venue: Committee Room, Swale House. Members of the press can listen live.';
    expect(bestSentence(cover, 'when and where does the standards committee meet')).toContain(
      'Committee Room',
    );
  });
});
