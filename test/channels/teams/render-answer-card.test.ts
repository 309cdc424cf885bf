import { describe, expect, it } from 'vitest';
import type { Answer, AnswerWarning, Citation } from '../../../src/answer/answer-schema.js';
import { appendWarnings } from '../../../src/answer/answer-warnings.js';
import { formatQuote } from '../../../src/answer/citation-format.js';
import { parseCardAction } from '../../../src/channels/teams/card-actions.js';
import {
  inReadingOrder,
  leadText,
  MAX_ABSTRACT_CHARS,
  MAX_ACTIVITY_BYTES,
  renderAnswerCard,
  withMarkers,
} from '../../../src/channels/teams/render-answer-card.js';

const emailClause: Citation = {
  document: 'part5c',
  clause: '6.2',
  title: 'Protocol for Councillor/Officer Relations (Constitution of the Council, Part 5C)',
  status: 'adopted',
  quote:
    'Officers will respond to correspondence from councillors within two working days, or, where a full reply is not possible, acknowledge it and say when a full reply will be sent. This applies to letters and emails alike and to enquiries made on behalf of constituents.',
};
const draftClause: Citation = {
  document: 'swale-draft-protocol',
  clause: '4.1',
  title: 'Swale Borough Council Member/Officer Protocol (draft)',
  status: 'draft',
  quote: 'Members can expect officers to reply to emails promptly.',
};

const draftWarning: AnswerWarning = {
  document: 'swale-draft-protocol',
  kind: 'draft',
  text: 'Swale Borough Council Member/Officer Protocol (draft) is a draft, not adopted policy.',
};
const overdueWarning: AnswerWarning = {
  document: 'part5c',
  kind: 'review_overdue',
  text: 'Protocol for Councillor/Officer Relations (Constitution of the Council, Part 5C) was due for review in May 2020 and may be out of date.',
};

/** An answer shaped the way the pipeline builds it: lead, quoted clauses, then the warnings as `⚠` lines. */
function answerWith(
  citations: Citation[],
  lead: string,
  options: { warnings?: AnswerWarning[]; generated?: boolean } = {},
): Answer {
  const warnings = options.warnings ?? [];
  return {
    question: 'How fast must I answer a councillor’s email?',
    decision: 'answer',
    text: appendWarnings(`${lead}\n\n${citations.map(formatQuote).join('\n\n')}`, warnings),
    citations,
    handoff: null,
    warnings,
    generated: options.generated ?? false,
  };
}

describe('renderAnswerCard', () => {
  const answer = answerWith(
    [emailClause, draftClause],
    'The Part 5C protocol §6.2 says: “Officers will respond to correspondence from councillors within two working days.”',
    { warnings: [draftWarning], generated: true },
  );
  const [message, ...rest] = renderAnswerCard(answer, { feedback: true });

  it('sends one message with the lead text, markers after the clause mentioned and at the end', () => {
    expect(rest).toHaveLength(0);
    expect(message?.attachments).toHaveLength(1);
    // A `list` activity's text and card show as two messages in Microsoft's Teams client for agents.
    expect(message?.attachmentLayout).toBe('carousel');
    expect(message?.text).toBe(
      'The Part 5C protocol §6.2 [1] says: “Officers will respond to correspondence from councillors within two working days.” [2]',
    );
    expect(message?.text).not.toContain('> Officers');
  });

  it('labels a generated answer as AI generated and lists numbered citations with title, clause and abstract', () => {
    const entity = message?.entities?.[0];
    expect(entity?.type).toBe('https://schema.org/Message');
    expect(entity?.additionalType).toEqual(['AIGeneratedContent']);
    expect(entity?.citation?.map((citation) => citation.position)).toEqual([1, 2]);
    const first = entity?.citation?.[0]?.appearance;
    expect(first?.name).toContain('§6.2');
    expect(first?.name.startsWith('Protocol for Councillor/Officer Relations')).toBe(true);
    expect(first?.name.length).toBeLessThanOrEqual(80);
    expect(first?.abstract.length).toBeLessThanOrEqual(MAX_ABSTRACT_CHARS);
    expect(first?.abstract.startsWith('Officers will respond to correspondence')).toBe(true);
  });

  it('turns the feedback loop on', () => {
    expect(message?.channelData).toEqual({ feedbackLoopEnabled: true });
  });

  it('shows the draft warning, the quoted clauses and an Ask the Monitoring Officer button on the card', () => {
    const card = message?.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const json = JSON.stringify(card?.content);
    expect(json).toContain('is a draft, not adopted policy');
    expect(json).toContain('[1] Protocol for Councillor/Officer Relations');
    expect(json).toContain(
      '[2] Swale Borough Council Member/Officer Protocol (draft), §4.1 (draft — not adopted policy)',
    );
    expect(json).toContain('within two working days, or, where a full reply is not possible');
    const action = (card?.content as { actions: Array<{ title: string; data: unknown }> } | undefined)
      ?.actions[0];
    expect(action?.title).toBe('Ask the Monitoring Officer');
    expect(parseCardAction(action?.data)).toEqual({
      owner: 'protocol-bot',
      action: 'ask_monitoring_officer',
      question: answer.question,
    });
  });

  it('leaves feedback off when the question was not logged', () => {
    const [unlogged] = renderAnswerCard(answer, { feedback: false });
    expect(unlogged?.channelData).toBeUndefined();
  });
});

describe('an extractive answer with an out-of-date document', () => {
  const answer = answerWith(
    [emailClause],
    'Officers will respond to correspondence within two working days.',
    {
      warnings: [overdueWarning],
    },
  );
  const [message, ...rest] = renderAnswerCard(answer, { feedback: true });

  it('carries the citations but no AI-generated label', () => {
    const entity = message?.entities?.[0];
    expect(entity?.citation).toHaveLength(1);
    expect(entity?.additionalType).toBeUndefined();
  });

  it('keeps the warning out of the text, with the lead marker on the answer sentence', () => {
    expect(rest).toHaveLength(0);
    expect(message?.text).toBe('Officers will respond to correspondence within two working days. [1]');
    expect(JSON.stringify(message?.attachments)).toContain(`⚠️ ${overdueWarning.text}`);
  });

  it('draws warnings from the answer only', () => {
    const [quiet] = renderAnswerCard({ ...answer, warnings: [], text: leadText(answer) }, { feedback: true });
    expect(JSON.stringify(quiet?.attachments)).not.toContain('⚠');
  });
});

describe('oversized answers', () => {
  const longQuote = 'The officer shall provide the information requested by the member. '.repeat(200);
  const citations: Citation[] = Array.from({ length: 12 }, (_, index) => ({
    document: 'part5c',
    clause: `7.${index + 1}`,
    title: 'Protocol for Councillor/Officer Relations (Constitution of the Council, Part 5C)',
    status: 'adopted',
    quote: longQuote,
  }));
  const messages = renderAnswerCard(answerWith(citations, 'Members may see documents they need to know.'), {
    feedback: true,
  });

  it('splits into several activities, each within the Teams size limit', () => {
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThanOrEqual(MAX_ACTIVITY_BYTES);
    }
  });

  it('keeps every citation, truncating clause text, and puts the entities and feedback on the first only', () => {
    const all = messages.map((message) => JSON.stringify(message.attachments)).join('');
    for (let position = 1; position <= 12; position++) expect(all).toContain(`[${position}] Protocol`);
    expect(all).toContain('…');
    expect(messages[0]?.entities?.[0]?.citation).toHaveLength(12);
    expect(messages.slice(1).every((message) => !message.entities && !message.channelData)).toBe(true);
    // The button comes once, after the last clause.
    expect(
      messages.filter((message) => JSON.stringify(message).includes('Ask the Monitoring Officer')),
    ).toHaveLength(1);
    expect(JSON.stringify(messages.at(-1))).toContain('Ask the Monitoring Officer');
  });
});

describe('leadText and withMarkers', () => {
  it('removes the quoted blocks the composer appended', () => {
    const answer = answerWith([emailClause], 'Reply within two working days (§6.2).');
    expect(leadText(answer)).toBe('Reply within two working days (§6.2).');
  });

  it('appends markers when the clause is not named in the text', () => {
    expect(withMarkers('Reply promptly.', [draftClause])).toBe('Reply promptly. [1]');
  });

  it('numbers the citations in the order a reader meets their markers', () => {
    const codeClause: Citation = { ...emailClause, document: 'district-code', clause: '16.4', title: 'Code' };
    const replyClause: Citation = { ...emailClause, clause: '6.3' };
    const answer = answerWith(
      [replyClause, emailClause, codeClause],
      'Part 5C §6.3 says two working days. The Code §16.4 also says: communicate.',
    );
    expect(inReadingOrder(leadText(answer), answer.citations).map((citation) => citation.clause)).toEqual([
      '6.3',
      '16.4',
      '6.2',
    ]);
    const [message] = renderAnswerCard(answer, { feedback: false });
    expect(message?.text).toBe(
      'Part 5C §6.3 [1] says two working days. The Code §16.4 [2] also says: communicate. [3]',
    );
    expect(message?.entities?.[0]?.citation?.map((citation) => citation.appearance.name)).toEqual([
      expect.stringContaining('§6.3'),
      'Code, §16.4',
      expect.stringContaining('§6.2'),
    ]);
    expect(JSON.stringify(message?.attachments)).toMatch(
      /\[1\][^[]*§6\.3.*\[2\] Code, §16\.4.*\[3\][^[]*§6\.2/,
    );
  });

  it('puts unplaced markers on the answer paragraph, not on a note after it', () => {
    expect(withMarkers('Reply promptly.\n\nThe AI service is unavailable just now.', [draftClause])).toBe(
      'Reply promptly. [1]\n\nThe AI service is unavailable just now.',
    );
  });
});
