import { describe, expect, it } from 'vitest';
import { splitMrkdwn, toSlackMrkdwn } from '../../../src/channels/slack/slack-mrkdwn.js';

describe('toSlackMrkdwn', () => {
  it('converts markdown emphasis, headings, bullets and links into Slack mrkdwn', () => {
    expect(toSlackMrkdwn('# Replying\n- **two** working days\n[Part 5C](https://council.example/5c)')).toBe(
      '*Replying*\n• *two* working days\n<https://council.example/5c|Part 5C>',
    );
  });

  it('keeps quoted clauses as block quotes', () => {
    expect(toSlackMrkdwn('> must be replied to within two working days')).toBe(
      '&gt; must be replied to within two working days',
    );
  });
});

describe('splitMrkdwn', () => {
  it('splits at paragraph breaks and never inside an entity', () => {
    const text = `${'a'.repeat(20)}\n\n${'b &amp; '.repeat(10)}`;
    const pieces = splitMrkdwn(text, 30);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(30);
      expect(piece).not.toMatch(/&[a-z]*$/);
    }
    expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' ').trim());
  });
});
