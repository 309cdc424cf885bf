import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerWarning } from '../../../src/answer/answer-schema.js';
import { appendWarnings } from '../../../src/answer/answer-warnings.js';
import { renderAnswerBlocks } from '../../../src/channels/slack/render-answer-blocks.js';
import { slackActionIds } from '../../../src/channels/slack/slack-action-ids.js';

const part5c = {
  document: 'part5c',
  clause: '6.2',
  title: 'Protocol for Councillor/Officer Relations (Constitution of the Council, Part 5C)',
  status: 'adopted',
  quote:
    'Requests for information received by Officers from Councillors in emails, letters and faxes must be replied to within two working days.',
};
const swaleDraft = {
  document: 'swale-draft-protocol',
  clause: '4.1',
  title: 'Draft Protocol for Member/Officer Relations (Swale Borough Council, Appendix I)',
  status: 'draft',
  quote: 'Officers and members will do their best to give timely responses to enquiries from one another.',
};

const warnings: AnswerWarning[] = [
  {
    document: 'part5c',
    kind: 'review_overdue',
    text: 'Protocol for Councillor/Officer Relations (Constitution of the Council, Part 5C) was due for review in May 2020 and may be out of date.',
  },
  {
    document: 'swale-draft-protocol',
    kind: 'draft',
    text: 'Draft Protocol for Member/Officer Relations (Swale Borough Council, Appendix I) is a draft, not adopted policy.',
  },
];

const answer: Answer = {
  question: 'How fast must I answer a councillor’s email?',
  decision: 'answer',
  text: appendWarnings(
    [
      'The Part 5C protocol §6.2 says: “Requests for information … must be replied to within two working days.”',
      '',
      `> ${part5c.quote}\n— ${part5c.title}, §6.2`,
    ].join('\n'),
    warnings,
  ),
  citations: [part5c, swaleDraft],
  handoff: null,
  warnings,
  generated: false,
};

const allBlocks = (messages: { blocks: types.KnownBlock[] }[]) =>
  messages.flatMap((message) => message.blocks);
const buttons = (blocks: types.KnownBlock[]) =>
  blocks.flatMap((block) => {
    if (block.type === 'actions') return block.elements as types.Button[];
    if (block.type === 'section' && block.accessory?.type === 'button') return [block.accessory];
    return [];
  });
const texts = (blocks: types.KnownBlock[]) =>
  blocks
    .flatMap((block) => {
      if (block.type === 'section') return [block.text?.text ?? ''];
      if (block.type === 'context')
        return block.elements.map((element) => ('text' in element ? element.text : ''));
      return [];
    })
    .join('\n');

describe('renderAnswerBlocks', () => {
  it('renders the answer, each citation with a Show clause button, feedback and Ask the Monitoring Officer', () => {
    const messages = renderAnswerBlocks(answer, { questionId: 'q-17' });
    expect(messages).toHaveLength(1);
    const blocks = allBlocks(messages);
    const shown = buttons(blocks);
    const showClause = shown.filter((button) => button.action_id === slackActionIds.showClause);
    expect(showClause.map((button) => JSON.parse(button.value ?? ''))).toEqual([
      { document: 'part5c', clause: '6.2' },
      { document: 'swale-draft-protocol', clause: '4.1' },
    ]);
    expect(shown.find((button) => button.action_id === slackActionIds.feedbackUp)?.value).toBe('q-17');
    expect(shown.find((button) => button.action_id === slackActionIds.feedbackDown)?.value).toBe('q-17');
    const ask = shown.find((button) => button.action_id === slackActionIds.askMonitoringOfficer);
    expect(JSON.parse(ask?.value ?? '')).toEqual({ question: answer.question, questionId: 'q-17' });
    expect(texts(blocks)).toContain(
      '*Protocol for Councillor/Officer Relations (Constitution of the Council, Part 5C)*, §6.2',
    );
  });

  it('shows the answer’s warnings once, in a context block rather than in the answer text', () => {
    const blocks = allBlocks(renderAnswerBlocks(answer));
    const all = texts(blocks);
    expect(all.match(/was due for review in May 2020/g)).toHaveLength(1);
    expect(all).toContain(
      ':warning: Draft Protocol for Member/Officer Relations (Swale Borough Council, Appendix I) is a draft, not adopted policy.',
    );
    expect(all).toContain('_(draft — not adopted policy)_');
    const firstSection = blocks[0];
    expect(firstSection?.type === 'section' && firstSection.text?.text).not.toContain('⚠');
    expect(firstSection?.type === 'section' && firstSection.text?.text).toContain('two working days');
  });

  it('draws warnings from the answer only, never from the cited documents', () => {
    const withoutWarnings: Answer = { ...answer, text: answer.text.split('\n\n⚠')[0] ?? '', warnings: [] };
    const all = texts(allBlocks(renderAnswerBlocks(withoutWarnings)));
    expect(all).not.toContain(':warning:');
    const other: AnswerWarning = { document: 'part5c', kind: 'superseded', text: 'Part 5C was replaced.' };
    const extra = texts(allBlocks(renderAnswerBlocks({ ...withoutWarnings, warnings: [other] })));
    expect(extra).toContain(':warning: Part 5C was replaced.');
  });

  it('escapes &, < and > so no text can form a mention, a channel ping or a link', () => {
    const hostile: Answer = {
      ...answer,
      text: 'Fish & chips <!channel> <@U123> <https://evil.example|click> > quoted',
      citations: [],
    };
    const body = texts(allBlocks(renderAnswerBlocks(hostile)));
    expect(body).toContain(
      'Fish &amp; chips &lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; &gt; quoted',
    );
    expect(body).not.toMatch(/<[!@#h]/);
  });

  it('keeps every section within 3000 characters and every message within 50 blocks', () => {
    const paragraph =
      'Officers must remain politically neutral and must not be asked to support party work. '.repeat(30);
    const long: Answer = { ...answer, text: Array.from({ length: 70 }, () => paragraph).join('\n\n') };
    const messages = renderAnswerBlocks(long, { questionId: 'q-1' });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      expect(message.text.length).toBeLessThanOrEqual(40_000);
      for (const block of message.blocks) {
        if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      }
    }
    // Buttons come once, at the very end.
    const last = messages.at(-1)?.blocks.at(-1);
    expect(last?.type).toBe('actions');
    expect(
      buttons(allBlocks(messages)).filter((b) => b.action_id === slackActionIds.feedbackUp),
    ).toHaveLength(1);
  });

  it('shows the case reference and due date for an escalation, with no Ask button', () => {
    const escalation: Answer = {
      question: 'A councillor is bullying me, what do I do?',
      decision: 'escalate',
      text: 'This needs the Monitoring Officer. I’ve passed this to the Monitoring Officer as case MO-2026-0007.',
      citations: [part5c],
      handoff: { reason: 'bullying', topic: 'bullying', reference: 'MO-2026-0007', dueDate: '2026-11-25' },
      warnings: [],
      generated: false,
    };
    const blocks = allBlocks(renderAnswerBlocks(escalation, { questionId: 'q-2' }));
    expect(texts(blocks)).toMatch(/Case \*MO-2026-0007\* · reply due by Wednesday,? 25 November 2026/);
    const ids = buttons(blocks).map((button) => button.action_id);
    expect(ids).not.toContain(slackActionIds.askMonitoringOfficer);
    expect(ids).not.toContain(slackActionIds.feedbackUp);
    expect(ids).toContain(slackActionIds.showClause);
  });

  it('renders an out-of-scope reply as one short section with no buttons', () => {
    const outOfScope: Answer = {
      question: 'What is the weather tomorrow?',
      decision: 'out_of_scope',
      text: 'That’s outside what I can help with.',
      citations: [],
      handoff: null,
      warnings: [],
      generated: false,
    };
    const [message] = renderAnswerBlocks(outOfScope, { questionId: 'q-3' });
    expect(message?.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'That’s outside what I can help with.' } },
    ]);
  });
});
