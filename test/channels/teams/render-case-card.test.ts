import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDueDate } from '../../../src/answer/replies.js';
import { loadBankHolidays } from '../../../src/cases/bank-holidays.js';
import type { CaseRecord } from '../../../src/cases/case-types.js';
import { legacyRegistrationsFileName, openSqliteStores } from '../../../src/cases/open-sqlite-stores.js';
import { caseAnswerInputId, parseCardAction } from '../../../src/channels/teams/card-actions.js';
import { MonitoringOfficerRegistry } from '../../../src/channels/teams/monitoring-officer-registry.js';
import { renderCaseCard } from '../../../src/channels/teams/render-case-card.js';
import { renderPlainReply } from '../../../src/channels/teams/render-plain-reply.js';
import { fixedClock } from '../../../src/clock.js';
import { configSchema } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';

const record: CaseRecord = {
  reference: 'MO-2026-0007',
  status: 'open',
  asker: { platform: 'teams', userId: 'aad-officer', displayName: 'Priya Shah' },
  replyTo: null,
  publicChannel: false,
  question: 'A councillor keeps pressuring me to change my report. What should I do?',
  reason: 'Pressure on an officer to change professional advice is a matter for the Monitoring Officer.',
  topic: 'pressure_on_officer',
  sensitive: true,
  citations: [
    {
      document: 'part5c',
      clause: '5.3',
      title: 'Protocol for Councillor/Officer Relations (Constitution of the Council, Part 5C)',
      status: 'adopted',
      quote: 'Councillors should not pressurise officers to change their professional advice.',
    },
  ],
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
  eventId: 'teams:a:1:1',
};

describe('renderCaseCard', () => {
  const card = renderCaseCard(record);
  const content = card.attachments?.[0]?.content as {
    body: Array<{ type: string; id?: string }>;
    actions: Array<{ title: string; data: unknown }>;
  };

  it('shows the reference, the due date, the question and the clauses found', () => {
    const json = JSON.stringify(content);
    expect(json).toContain('Case MO-2026-0007');
    expect(json).toContain(formatDueDate('2026-11-25'));
    expect(json).toContain('pressuring me to change my report');
    expect(json).toContain('§5.3');
    expect(json).toContain('reply privately');
  });

  it('offers Claim, Send answer (with an answer box) and Close for this case', () => {
    expect(
      content.body.some((element) => element.type === 'Input.Text' && element.id === caseAnswerInputId),
    ).toBe(true);
    expect(content.actions.map((action) => action.title)).toEqual(['Claim', 'Send answer', 'Close']);
    expect(content.actions.map((action) => parseCardAction(action.data))).toEqual([
      { owner: 'protocol-bot', action: 'case_claim', reference: 'MO-2026-0007' },
      { owner: 'protocol-bot', action: 'case_answer', reference: 'MO-2026-0007' },
      { owner: 'protocol-bot', action: 'case_close', reference: 'MO-2026-0007' },
    ]);
  });
});

describe('renderPlainReply', () => {
  it('leads an escalation with the case reference and due date when the text lacks them', () => {
    const reply = renderPlainReply({
      question: 'q',
      decision: 'escalate',
      text: 'This needs the Monitoring Officer.',
      citations: [],
      handoff: { reason: 'r', reference: 'MO-2026-0008', dueDate: '2026-11-25' },
      warnings: [],
      generated: false,
    });
    expect(reply.text).toBe(
      `**Case MO-2026-0008** — a reply is due by ${formatDueDate('2026-11-25')}.\n\nThis needs the Monitoring Officer.`,
    );
  });
});

describe('MonitoringOfficerRegistry', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'teams-registry-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const reference = {
    conversation: { id: 'a:1personal-mo', conversationType: 'personal' },
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    agent: { id: '28:bot' },
    user: { id: '29:mo' },
  };

  it('moves registrations from the file of earlier releases into the case database, then keeps one per officer', async () => {
    writeFileSync(
      path.join(dataDir, legacyRegistrationsFileName),
      JSON.stringify({
        registrations: [
          {
            aadObjectId: 'aad-mo',
            name: 'Angela Wakefield',
            reference,
            registeredAt: '2026-11-20T09:00:00.000Z',
          },
        ],
      }),
    );
    const open = () =>
      openSqliteStores({
        config: configSchema.parse({ DATA_DIR: dataDir }),
        clock: fixedClock('2026-11-23T09:00:00Z'),
        logger: silentLogger,
        holidays: loadBankHolidays(),
        noticePlatforms: ['log'],
      });
    const stores = open();
    try {
      const registry = new MonitoringOfficerRegistry(
        stores.registrations,
        fixedClock('2026-11-23T09:00:00Z'),
      );
      expect((await registry.list())[0]?.reference.conversation.id).toBe('a:1personal-mo');
      await registry.register('aad-mo', 'Angela Wakefield', {
        ...reference,
        conversation: { id: 'a:1personal-mo-new' },
      });
    } finally {
      await stores.close();
    }
    // The file is imported once (kept as .imported), so it never overwrites a newer registration.
    expect(readdirSync(dataDir)).toContain(`${legacyRegistrationsFileName}.imported`);
    const reopened = open();
    try {
      const reread = await new MonitoringOfficerRegistry(
        reopened.registrations,
        fixedClock('2026-11-24T09:00:00Z'),
      ).list();
      expect(reread).toHaveLength(1);
      expect(reread[0]?.reference.conversation.id).toBe('a:1personal-mo-new');
    } finally {
      await reopened.close();
    }
  });
});
