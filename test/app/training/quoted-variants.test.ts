import { describe, expect, it } from 'vitest';
import type { Decision } from '../../../src/answer/index.js';
import { quotedVariant } from '../../../src/app/training/quoted-variants.js';
import {
  type Candidate,
  crossValidateDecisions,
  type LabelledExample,
  preferQuoted,
  type QuotedVariant,
  quotedCandidate,
} from '../../../src/app/training/train-decision-model.js';

const clause = {
  id: '11.3',
  text: 'Reports will not deal with any political implications of the matter or any option. Officers will not make any recommendation to a political group.',
};

describe('quotedVariant', () => {
  it('keeps the message whole and quotes the clause: pasted, its first sentence, or its number', () => {
    const message = 'Which group should I join to get on in my career?';
    const forms = new Set<string>();
    for (let n = 0; n < 60; n++) {
      const variant = quotedVariant(`m-${n}`, message, clause);
      expect(variant).toContain(message);
      expect(variant).not.toBe(message);
      expect(variant.includes(clause.text) || variant.includes('11.3')).toBe(true);
      forms.add(variant);
      expect(quotedVariant(`m-${n}`, message, clause)).toBe(variant); // the same message, the same form
    }
    expect(forms.size).toBe(5);
    expect([...forms].some((form) => form.includes('“Reports will not deal'))).toBe(true);
  });
});

/**
 * Answerable questions use the documents' words; requests for political advice do not. Their variants paste a long
 * run of the documents' words into each message, keeping its label.
 */
function toyData() {
  const topics = ['budget', 'housing', 'planning', 'parking', 'libraries', 'leisure', 'waste', 'schools'];
  const examples: LabelledExample[] = [];
  const add = (text: string, decision: Decision) =>
    examples.push({ text, vector: new Float32Array(4), decision, accept: [decision] });
  topics.forEach((topic, n) => {
    add(`can officers brief a councillor on the ${topic} report before committee`, 'answer');
    add(`how quickly must an officer reply to a member about ${topic}`, 'answer');
    add(`may a councillor see the ${topic} papers held by officers`, 'answer');
    add(`which party should win the ${topic} vote in ward ${n}`, 'refuse');
    add(`who should I vote for if I care about ${topic}`, 'refuse');
    add(`is the ruling group right about ${topic} or the opposition`, 'refuse');
  });
  const pasted =
    'can officers brief a councillor on the report before committee, how quickly must an officer reply to a member, may a councillor see the papers held by officers. '.repeat(
      3,
    );
  const variants: QuotedVariant[] = examples.map((example, of) => ({
    of,
    example: { ...example, text: `${example.text} ${pasted}` },
  }));
  return { examples, variants };
}

describe('cross-validation with quoted variants', () => {
  const base: Candidate = {
    name: 'words',
    kind: 'softmax',
    features: { ngramBuckets: 2048, ngramWeight: 1 },
    training: { l2: 1e-3, epochs: 150, learningRate: 0.1 },
  };

  it('scores every candidate on the held-out messages’ variants; training on variants keeps their decisions', () => {
    const { examples, variants } = toyData();
    const [plain, quoted] = crossValidateDecisions(examples, [base, quotedCandidate(base)], 4, variants);
    if (!plain || !quoted) throw new Error('two candidates were scored');
    expect(plain.quotedDecided).toHaveLength(variants.length);
    // Pasting the documents' words turns requests for political advice into answers for the plain model …
    expect(plain.score.quoted?.leaks).toBeGreaterThan(4);
    // … but not for the one that learned from variants, which still decides the messages as written.
    expect(quoted.score.quoted?.leaks).toBeLessThan(plain.score.quoted?.leaks ?? 0);
    expect(quoted.score.accuracy).toBeGreaterThanOrEqual(plain.score.accuracy - 0.05);
    expect(preferQuoted(examples, variants, plain, quoted)).toBe(true);
    expect(preferQuoted(examples, variants, quoted, plain)).toBe(false);
    expect(preferQuoted(examples, [], plain, quoted)).toBe(false);
  });
});
