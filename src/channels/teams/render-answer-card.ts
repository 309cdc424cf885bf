import type { AIEntity, ClientCitation } from '@microsoft/agents-activity';
import { type Answer, type Citation, clauseReference, formatQuote } from '../../answer/index.js';
import { askMonitoringOfficerAction } from './card-actions.js';

/** Teams rejects activities over about 28 KB; each outgoing activity is kept under this many bytes of JSON. */
export const MAX_ACTIVITY_BYTES = 26_000;
/** Teams shows at most this many characters of a citation's abstract. */
export const MAX_ABSTRACT_CHARS = 160;
/** Longest citation name (title + clause) shown in Teams' citation pop-up. */
const MAX_CITATION_NAME_CHARS = 80;
/** Longest clause text quoted in one card block; longer quotes are cut at a word. */
export const MAX_CARD_QUOTE_CHARS = 2_000;
/** Longest question echoed into the "Ask the Monitoring Officer" button's data. */
const MAX_QUESTION_CHARS = 1_000;
/** The lead paragraph is cut to this many characters so the first activity always has room for a card. */
const MAX_LEAD_CHARS = 6_000;

/** An outgoing Teams message activity, as plain JSON (the SDK's `Activity.fromObject` accepts it). */
export interface OutgoingMessage {
  type: 'message';
  text?: string;
  textFormat?: 'markdown' | 'plain';
  attachments?: Array<{ contentType: string; content: unknown }>;
  entities?: AIEntity[];
  channelData?: Record<string, unknown>;
}

/** What the answer card needs besides the answer itself. */
export interface AnswerCardOptions {
  /** Draft / out-of-date warnings for the cited documents (src/corpus/document-warnings.ts). */
  warnings: string[];
  /** Show thumbs up / down (Teams feedback loop); true for answers whose question was logged. */
  feedback: boolean;
}

/**
 * Renders an `answer` decision as Teams messages: the lead text with `[n]` markers resolved by Teams' citation
 * entities and the AI-generated label, and an Adaptive Card with warnings, the numbered quoted clauses and an
 * "Ask the Monitoring Officer" button. Oversized answers are split so every activity stays within Teams' limits;
 * only the first carries the entities and the feedback loop.
 */
export function renderAnswerCard(answer: Answer, options: AnswerCardOptions): OutgoingMessage[] {
  const citations = answer.citations;
  const lead = truncate(withMarkers(leadText(answer), citations), MAX_LEAD_CHARS);
  const header: CardElement[] = options.warnings.map((warning) => ({
    type: 'TextBlock',
    text: `⚠️ ${warning}`,
    wrap: true,
    color: 'Attention',
    weight: 'Bolder',
  }));
  const blocks: CardElement[][] = citations.map((citation, index) => citationBlock(citation, index + 1));
  const actions = [
    {
      type: 'Action.Submit',
      title: 'Ask the Monitoring Officer',
      data: askMonitoringOfficerAction(truncate(answer.question, MAX_QUESTION_CHARS)),
    },
  ];

  const first: OutgoingMessage = {
    type: 'message',
    text: lead,
    textFormat: 'markdown',
    entities: [aiEntity(citations)],
    ...(options.feedback ? { channelData: { feedbackLoopEnabled: true } } : {}),
  };
  const messages: OutgoingMessage[] = [];
  let current = first;
  let body: CardElement[] = [...header];
  const flush = (withActions: boolean) => {
    current.attachments = [adaptiveCard(body, withActions ? actions : [])];
    messages.push(current);
    current = { type: 'message' };
    body = [];
  };
  for (const block of blocks) {
    const candidate = { ...current, attachments: [adaptiveCard([...body, ...block], actions)] };
    if (body.length > 0 && byteLength(candidate) > MAX_ACTIVITY_BYTES) flush(false);
    body.push(...block);
  }
  flush(true);
  return messages;
}

/** The text before the quoted clauses: the composers append `formatQuote` blocks, which the card shows instead. */
export function leadText(answer: Answer): string {
  let text = answer.text;
  for (const citation of answer.citations) text = text.replace(formatQuote(citation), '');
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * Puts each citation's `[n]` marker after the first mention of its clause (`§6.2`) in the text, or at the end of
 * the text when the clause is not mentioned, so Teams can link the marker to its citation.
 */
export function withMarkers(text: string, citations: Citation[]): string {
  let marked = text;
  const trailing: string[] = [];
  citations.forEach((citation, index) => {
    const marker = `[${index + 1}]`;
    const reference = clauseReference(citation.clause);
    const at = reference ? marked.indexOf(reference) : -1;
    if (at === -1 || marked.includes(`${reference} [`)) {
      trailing.push(marker);
      return;
    }
    const end = at + reference.length;
    marked = `${marked.slice(0, end)} ${marker}${marked.slice(end)}`;
  });
  return trailing.length > 0 ? `${marked} ${trailing.join(' ')}`.trim() : marked;
}

/** The Teams AI message entity: the AI-generated label plus one citation per quoted clause. */
export function aiEntity(citations: Citation[]): AIEntity {
  const entity: AIEntity = {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    additionalType: ['AIGeneratedContent'],
  };
  if (citations.length > 0) entity.citation = citations.map(clientCitation);
  return entity;
}

function clientCitation(citation: Citation, index: number): ClientCitation {
  return {
    '@type': 'Claim',
    position: index + 1,
    appearance: {
      '@type': 'DigitalDocument',
      name: citationName(citation, MAX_CITATION_NAME_CHARS),
      abstract: truncate(oneLine(citation.quote), MAX_ABSTRACT_CHARS),
      keywords: [citation.status].filter((status) => status !== 'unknown'),
    },
  };
}

/** "Title, §6.2" — the document title and clause; with `max`, the title is shortened and the clause kept. */
export function citationName(citation: Citation, max = Number.POSITIVE_INFINITY): string {
  const reference = clauseReference(citation.clause);
  const suffix = reference ? `, ${reference}` : '';
  return `${truncate(citation.title, Math.max(10, max - suffix.length))}${suffix}`;
}

type CardElement = Record<string, unknown>;

function citationBlock(citation: Citation, position: number): CardElement[] {
  const draft = citation.status === 'draft' ? ' (draft — not adopted policy)' : '';
  return [
    {
      type: 'TextBlock',
      text: `[${position}] ${citationName(citation)}${draft}`,
      wrap: true,
      weight: 'Bolder',
      spacing: 'Medium',
    },
    {
      type: 'TextBlock',
      text: truncate(oneLine(citation.quote), MAX_CARD_QUOTE_CHARS),
      wrap: true,
      isSubtle: true,
    },
  ];
}

function adaptiveCard(body: CardElement[], actions: CardElement[]) {
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body,
      ...(actions.length > 0 ? { actions } : {}),
    },
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts `text` to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
