import type { CaseRecord, LoggedQuestion } from './case-types.js';
import { londonDate } from './working-days.js';

/** A (document, clause) pair and how many logged questions cited it. */
export interface SectionCount {
  document: string;
  title: string;
  clause: string | null;
  questions: number;
}

/** Figures for the Monitoring Officer's annual report over an inclusive range of London dates. */
export interface AnnualReport {
  from: string;
  to: string;
  generatedAt: string;
  serviceStandardWorkingDays: number;
  questions: {
    asked: number;
    byDecision: Record<string, number>;
    distinctAskers: number;
    feedback: { up: number; down: number };
  };
  /** Most-cited clauses, most first (ties by document and clause). */
  topSections: SectionCount[];
  /** Documents by the number of questions citing any of their clauses. */
  documents: { document: string; title: string; questions: number }[];
  cases: {
    opened: number;
    closed: number;
    byTopic: Record<string, number>;
    toDeputy: number;
  };
  /** First claim or answer of the cases opened in the range, against the service standard. */
  firstResponse: {
    responded: number;
    withinStandard: number;
    late: number;
    awaiting: number;
    medianHours: number | null;
  };
  /** Cases opened in the range still waiting for a reply past their due date. */
  overdue: { reference: string; dueDate: string; status: string; assignee: string }[];
}

/** Options for {@link buildAnnualReport}. */
export interface AnnualReportOptions {
  from: string;
  to: string;
  now: Date;
  serviceStandardWorkingDays: number;
  /** How many clauses `topSections` lists (default 10). */
  top?: number;
}

/** What the report is built from: the question log's summary of the range and every case. */
export interface AnnualReportData {
  questions: LoggedQuestion[];
  feedback: { up: number; down: number };
  /** Every case (the report picks those opened or closed in the range). */
  cases: CaseRecord[];
}

/**
 * Builds the report from the question log and the cases. Question text is never needed, so the figures survive
 * the retention purge. Pure: both stores hand it the same data, so the report reads the same on either.
 */
export function buildAnnualReport(data: AnnualReportData, options: AnnualReportOptions): AnnualReport {
  const { from, to } = options;
  const { questions } = data;
  const byDecision: Record<string, number> = {};
  const sections = new Map<string, SectionCount>();
  const documents = new Map<string, { document: string; title: string; questions: number }>();
  for (const question of questions) {
    byDecision[question.decision] = (byDecision[question.decision] ?? 0) + 1;
    const seenSections = new Set<string>();
    const seenDocuments = new Set<string>();
    for (const citation of question.citations) {
      const key = `${citation.document}\u0000${citation.clause ?? ''}`;
      if (!seenSections.has(key)) {
        seenSections.add(key);
        const count = sections.get(key) ?? { ...citation, questions: 0 };
        count.questions += 1;
        sections.set(key, count);
      }
      if (!seenDocuments.has(citation.document)) {
        seenDocuments.add(citation.document);
        const count = documents.get(citation.document) ?? {
          document: citation.document,
          title: citation.title,
          questions: 0,
        };
        count.questions += 1;
        documents.set(citation.document, count);
      }
    }
  }
  const opened = data.cases.filter((record) => inRange(londonDate(new Date(record.createdAt)), from, to));
  const closed = data.cases.filter(
    (record) => record.closedAt !== null && inRange(londonDate(new Date(record.closedAt)), from, to),
  ).length;

  const today = londonDate(options.now);
  const byTopic: Record<string, number> = {};
  const hours: number[] = [];
  let withinStandard = 0;
  let late = 0;
  let awaiting = 0;
  const overdue: AnnualReport['overdue'] = [];
  for (const record of opened) {
    byTopic[record.topic] = (byTopic[record.topic] ?? 0) + 1;
    const firstResponseAt = record.firstResponseAt ?? null;
    if (firstResponseAt === null) {
      awaiting += 1;
    } else {
      hours.push((Date.parse(firstResponseAt) - Date.parse(record.createdAt)) / 3_600_000);
      if (londonDate(new Date(firstResponseAt)) <= record.dueDate) withinStandard += 1;
      else late += 1;
    }
    if ((record.status === 'open' || record.status === 'claimed') && record.dueDate < today) {
      overdue.push({
        reference: record.reference,
        dueDate: record.dueDate,
        status: record.status,
        assignee: record.assignee,
      });
    }
  }

  const topSections = [...sections.values()]
    .sort(
      (a, b) =>
        b.questions - a.questions ||
        a.document.localeCompare(b.document) ||
        (a.clause ?? '').localeCompare(b.clause ?? '', 'en', { numeric: true }),
    )
    .slice(0, options.top ?? 10);

  return {
    from,
    to,
    generatedAt: options.now.toISOString(),
    serviceStandardWorkingDays: options.serviceStandardWorkingDays,
    questions: {
      asked: questions.length,
      byDecision,
      distinctAskers: new Set(questions.map((row) => row.userHash).filter(Boolean)).size,
      feedback: data.feedback,
    },
    topSections,
    documents: [...documents.values()].sort(
      (a, b) => b.questions - a.questions || a.document.localeCompare(b.document),
    ),
    cases: {
      opened: opened.length,
      closed,
      byTopic,
      toDeputy: opened.filter((record) => record.assigneeRole === 'deputy').length,
    },
    firstResponse: { responded: hours.length, withinStandard, late, awaiting, medianHours: median(hours) },
    overdue,
  };
}

function inRange(date: string, from: string, to: string): boolean {
  return date >= from && date <= to;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return Math.round(value * 10) / 10;
}
