import type { CaseRow } from './case-row.js';
import type { CaseDatabase } from './open-case-database.js';
import { inStore } from './store-errors.js';
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

interface QuestionRow {
  decision: string;
  citations: string;
  user_hash: string | null;
}

/**
 * Builds the report from the question log and the cases. Question text is never needed, so the figures survive
 * the retention purge.
 */
export function buildAnnualReport(db: CaseDatabase, options: AnnualReportOptions): AnnualReport {
  return inStore('build the report', () => {
    const { from, to } = options;
    const questions = db
      .prepare('SELECT decision, citations, user_hash FROM questions WHERE asked_on BETWEEN ? AND ?')
      .all(from, to) as QuestionRow[];
    const byDecision: Record<string, number> = {};
    const sections = new Map<string, SectionCount>();
    const documents = new Map<string, { document: string; title: string; questions: number }>();
    for (const question of questions) {
      byDecision[question.decision] = (byDecision[question.decision] ?? 0) + 1;
      const cited = JSON.parse(question.citations) as {
        document: string;
        clause: string | null;
        title: string;
      }[];
      const seenSections = new Set<string>();
      const seenDocuments = new Set<string>();
      for (const citation of cited) {
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
    const feedback = db
      .prepare(
        `SELECT f.rating AS rating, COUNT(*) AS count FROM feedback f JOIN questions q ON q.id = f.question_id
         WHERE q.asked_on BETWEEN ? AND ? GROUP BY f.rating`,
      )
      .all(from, to) as { rating: 'up' | 'down'; count: number }[];

    const opened = db
      .prepare('SELECT * FROM cases WHERE created_on BETWEEN ? AND ? ORDER BY year, sequence')
      .all(from, to) as CaseRow[];
    const closedRows = db.prepare('SELECT closed_at FROM cases WHERE closed_at IS NOT NULL').all() as {
      closed_at: string;
    }[];
    const closed = closedRows.filter((row) => inRange(londonDate(new Date(row.closed_at)), from, to)).length;

    const today = londonDate(options.now);
    const byTopic: Record<string, number> = {};
    const hours: number[] = [];
    let withinStandard = 0;
    let late = 0;
    let awaiting = 0;
    const overdue: AnnualReport['overdue'] = [];
    for (const row of opened) {
      byTopic[row.topic] = (byTopic[row.topic] ?? 0) + 1;
      if (row.first_response_at === null) {
        awaiting += 1;
      } else {
        hours.push((Date.parse(row.first_response_at) - Date.parse(row.created_at)) / 3_600_000);
        if (londonDate(new Date(row.first_response_at)) <= row.due_date) withinStandard += 1;
        else late += 1;
      }
      if ((row.status === 'open' || row.status === 'claimed') && row.due_date < today) {
        overdue.push({
          reference: row.reference,
          dueDate: row.due_date,
          status: row.status,
          assignee: row.assignee,
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
        distinctAskers: new Set(questions.map((row) => row.user_hash).filter(Boolean)).size,
        feedback: {
          up: feedback.find((row) => row.rating === 'up')?.count ?? 0,
          down: feedback.find((row) => row.rating === 'down')?.count ?? 0,
        },
      },
      topSections,
      documents: [...documents.values()].sort(
        (a, b) => b.questions - a.questions || a.document.localeCompare(b.document),
      ),
      cases: {
        opened: opened.length,
        closed,
        byTopic,
        toDeputy: opened.filter((row) => row.assignee_role === 'deputy').length,
      },
      firstResponse: { responded: hours.length, withinStandard, late, awaiting, medianHours: median(hours) },
      overdue,
    };
  });
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
