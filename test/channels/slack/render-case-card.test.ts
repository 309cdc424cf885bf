import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../src/cases/case-types.js';
import { renderCaseCard, renderCaseDetailsModal } from '../../../src/channels/slack/render-case-card.js';
import { slackActionIds } from '../../../src/channels/slack/slack-action-ids.js';

const record: CaseRecord = {
  reference: 'MO-2026-0003',
  status: 'open',
  asker: { platform: 'slack', userId: 'U0ASKER' },
  replyTo: { channel: 'C0GENERAL', threadTs: '1700000000.000100' },
  publicChannel: true,
  question: 'Councillor Smith keeps shouting at me in meetings about my report',
  reason: 'Bullying or harassment needs the Monitoring Officer.',
  topic: 'bullying',
  sensitive: true,
  citations: [],
  assignee: 'Angela Wakefield',
  assigneeRole: 'monitoring_officer',
  dueDate: '2026-11-25',
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:00:00.000Z',
  claimedBy: null,
  answer: null,
  answerClauses: [],
  answeredAt: null,
  closedAt: null,
  eventId: 'Ev1',
};

const serialised = (value: unknown) => JSON.stringify(value);

describe('renderCaseCard', () => {
  it('keeps a sensitive case’s question and asker out of the channel, offering View', () => {
    const card = renderCaseCard(record);
    const text = serialised(card);
    expect(text).toContain('MO-2026-0003');
    expect(text).toContain('bullying');
    expect(text).toMatch(/25 November 2026/);
    expect(text).not.toContain('Councillor Smith');
    expect(text).not.toContain('U0ASKER');
    expect(text).toContain(slackActionIds.caseView);
    expect(serialised(renderCaseDetailsModal(record))).toContain('Councillor Smith keeps shouting');
  });

  it('shows a non-sensitive case in full, with buttons that follow its status', () => {
    const open = serialised(renderCaseCard({ ...record, sensitive: false }));
    expect(open).toContain('Councillor Smith keeps shouting');
    expect(open).toContain('<@U0ASKER>');
    for (const id of [slackActionIds.caseClaim, slackActionIds.caseAnswer, slackActionIds.caseClose]) {
      expect(open).toContain(id);
    }
    const answered = serialised(
      renderCaseCard({
        ...record,
        sensitive: false,
        status: 'answered',
        claimedBy: { platform: 'slack', userId: 'U0MO' },
        answeredAt: '2026-11-24T09:00:00.000Z',
      }),
    );
    expect(answered).not.toContain(slackActionIds.caseClaim);
    expect(answered).not.toContain(slackActionIds.caseAnswer);
    expect(answered).toContain(slackActionIds.caseClose);
    expect(answered).toContain('Claimed by <@U0MO>');
  });
});
