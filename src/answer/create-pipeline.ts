import type { Clock } from '../clock.js';
import { documentWarnings } from '../corpus/index.js';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Retriever, SearchHit } from '../search/index.js';
import type { Answer, AnswerWarning, Citation, Decision, Handoff } from './answer-schema.js';
import { appendWarnings } from './answer-warnings.js';
import type { AnsweringPipeline } from './answering-pipeline.js';
import { verifiedCitations } from './citation-check.js';
import { citeClause } from './citation-format.js';
import { describeMissingClauses, missingClauses } from './clause-references.js';
import type { Composer, QuestionCondenser } from './composer.js';
import { describeDisagreement } from './council-disagreement.js';
import type { DecisionClassifier, DecisionEstimate, RetrievalFound } from './decision/decision-classifier.js';
import { namesClause, ownWords } from './decision/own-words.js';
import { stricter, strictestOf } from './decision/safety-floor.js';
import type { HandoffPort } from './handoff-port.js';
import { cleanQuestion, MAX_QUESTION_CHARS, readingForm, spellingVariants } from './input-cleaning.js';
import type { PolicyEngine } from './policy/policy-engine.js';
import type { PolicyRule } from './policy/policy-rule.js';
import type { Question } from './question.js';
import { escalationReply, outOfScopeReply, refusalReply, unreadableReply } from './replies.js';
import { assessRetrieval } from './retrieval-confidence.js';

/** Everything the pipeline needs, injected. */
export interface PipelineParts {
  retriever: Retriever;
  policy: PolicyEngine;
  /** Generative or extractive. */
  composer: Composer;
  /** Always the extractive composer: used when the main composer's citations do not survive the check. */
  fallbackComposer: Composer;
  condenser: QuestionCondenser;
  /** The learned decision; the policy's safety floor can only make it stricter. */
  classifier: DecisionClassifier;
  /** Opens Monitoring Officer cases; absent in evals (escalations then carry no case reference). */
  handoff?: HandoffPort;
  clock: Clock;
  logger: Logger;
}

/** Clauses retrieved per question. */
const SEARCH_DEPTH = 8;

/** Escalation used when the documents cannot answer an in-remit question with confidence. */
const lowConfidence = {
  id: 'low_confidence',
  reason: 'The protocols don’t answer this clearly enough for me to give you a reliable answer.',
  sensitive: false,
  concernsMonitoringOfficer: false,
};

/**
 * Builds the one answering pipeline: clean → policy → condense follow-ups → retrieve → assess → compose → verify
 * citations → warnings → handoff. Every input ends in exactly one decision; nothing throws past it.
 */
export function createAnsweringPipeline(parts: PipelineParts): AnsweringPipeline {
  const { retriever, policy, logger } = parts;

  const cite = (document: string, clause: string, query: string): Citation | null => {
    const found = retriever.clauses.find(
      (candidate) => candidate.document === document && candidate.id === clause,
    );
    return found ? citeClause(found, retriever.documents.get(document), query) : null;
  };
  const ruleCitations = (rule: PolicyRule, query: string) =>
    rule.clauses
      .map(([document, clause]) => cite(document, clause, query))
      .filter((c): c is Citation => c !== null);
  const hitCitations = (hits: SearchHit[], query: string) =>
    hits.map((hit) => citeClause(hit.clause, retriever.documents.get(hit.clause.document), query));

  const warningsFor = (citations: Citation[]): AnswerWarning[] => {
    const seen = new Set<string>();
    const warnings: AnswerWarning[] = [];
    for (const citation of citations) {
      if (seen.has(citation.document)) continue;
      seen.add(citation.document);
      const meta = retriever.documents.get(citation.document);
      if (meta) warnings.push(...documentWarnings(meta, parts.clock));
    }
    return warnings;
  };

  async function escalate(
    question: Question,
    text: string,
    rule: Pick<PolicyRule, 'id' | 'reason' | 'sensitive' | 'concernsMonitoringOfficer'>,
    citations: Citation[],
  ): Promise<Answer> {
    const handoff: Handoff = { reason: rule.reason, topic: rule.id, sensitive: rule.sensitive };
    if (parts.handoff) {
      try {
        const opened = await parts.handoff.openCase({
          question,
          text,
          reason: rule.reason,
          topic: rule.id,
          sensitive: rule.sensitive,
          citations,
          concernsMonitoringOfficer: rule.concernsMonitoringOfficer,
        });
        Object.assign(handoff, {
          reference: opened.reference,
          dueDate: opened.dueDate,
          assignee: opened.assignee,
        });
      } catch (error) {
        // The question must not be lost even when the case store is down: log it whole for the operator.
        logger.error('could not open a Monitoring Officer case', {
          error: describeError(error),
          question: text,
          asker: question.asker,
          topic: rule.id,
        });
      }
    }
    const body = escalationReply({
      reason: rule.reason,
      reference: handoff.reference,
      dueDate: handoff.dueDate,
      assignee: handoff.assignee,
      citations,
    });
    return finish(text, 'escalate', body, citations, { handoff, warnings: warningsFor(citations) });
  }

  /**
   * The learned decision on the asker's own words (`ownWords`). The message is classified while retrieval runs, with
   * what retrieval finds as evidence unless it names a clause; when it turns out to quote a clause retrieval found, it
   * is classified again without the quotation and without the evidence (`readsEvidence`).
   */
  async function classifyOwnWords(reading: string, found: RetrievalFound): Promise<DecisionEstimate> {
    const classifyAll = async (text: string, retrieval?: RetrievalFound) =>
      strictestOf(
        await Promise.all(
          spellingVariants(text).map((variant) => parts.classifier.classify(variant, retrieval)),
        ),
      );
    const asWritten = classifyAll(reading, namesClause(reading) ? undefined : found);
    // Handled here too, so a failure is not reported as unhandled while retrieval is awaited (or if it is dropped).
    asWritten.catch(() => undefined);
    const own = ownWords(reading, (await found.hits)?.map((hit) => hit.clause.text) ?? []);
    return own === reading ? asWritten : classifyAll(own);
  }

  async function decide(question: Question): Promise<Answer> {
    const cleaned = cleanQuestion(question.text);
    if (cleaned.problem) return finish(cleaned.text, 'out_of_scope', unreadableReply(cleaned.problem), []);
    const text = cleaned.text;
    const withoutInjection = policy.stripInjection(cleaned.folded);
    const searchText = policy.stripInjection(text) || text;

    if (question.forceEscalation) {
      const hits = await retriever.search(searchText, SEARCH_DEPTH);
      const { supporting } = assessRetrieval(hits);
      return escalate(
        question,
        text,
        {
          id: 'explicit_request',
          reason: 'You asked for the Monitoring Officer.',
          sensitive: false,
          concernsMonitoringOfficer: false,
        },
        hitCitations(supporting.slice(0, 3), searchText),
      );
    }

    const otherLanguage = languageNote(text, (word) => retriever.knowsTerm(word));
    if (withoutInjection === '' || otherLanguage) {
      return finish(text, 'out_of_scope', outOfScopeReply(otherLanguage), []);
    }
    const standalone = await parts.condenser.condense(focusOnQuestions(searchText), question.history ?? []);
    // The classifier reads the message as the asker wrote it (a follow-up joined to its thread); the safety floor's
    // rules read the folded text, and can only make the learned decision stricter.
    const reading = readingForm(question.history?.length ? standalone : searchText);
    // Retrieval runs beside the classifier: its query is embedded in the same model call as the classifier's texts,
    // and what it finds is evidence for the decision (a question the documents settle finds a clause that stands out).
    retriever.prepareQuery?.(standalone);
    const searching = retriever.search(standalone, SEARCH_DEPTH, {
      followUp: Boolean(question.history?.length) && standalone !== searchText,
    });
    // A refusal does not need retrieval, so its failure only leaves the evidence neutral; an answer still reports it.
    const found = { hits: searching.catch(() => undefined), embedder: retriever.embedder };
    const estimate = await classifyOwnWords(reading, found);
    const verdict = policy.evaluate(withoutInjection);
    const floor = verdict.kind === 'rule' ? verdict.rule : undefined;
    const decision = floor ? stricter(estimate.decision, floor.decision) : estimate.decision;
    logger.debug('decision', {
      learned: estimate.decision,
      confidence: Number(estimate.confidence.toFixed(3)),
      floor: floor?.id,
      decision,
    });

    if (decision === 'refuse') {
      const rule = floor?.decision === 'refuse' ? floor : policy.topicRule('refuse', estimate.topics.refuse);
      const citations = ruleCitations(rule, searchText).slice(0, 1);
      return finish(text, 'refuse', refusalReply(rule.reason, citations), citations);
    }
    if (decision === 'out_of_scope') {
      const reason = floor?.decision === 'out_of_scope' ? floor.reason : undefined;
      return finish(text, 'out_of_scope', outOfScopeReply(reason), []);
    }

    const hits = await searching;
    const assessment = assessRetrieval(hits);

    if (decision === 'escalate') {
      const rule =
        floor?.decision === 'escalate' ? floor : policy.topicRule('escalate', estimate.topics.escalate);
      // Interim guidance: the rule's own clauses first, then what retrieval found.
      const citations = dedupe([
        ...ruleCitations(rule, standalone),
        ...hitCitations(assessment.supporting, standalone),
      ]).slice(0, 3);
      return escalate(question, text, rule, citations);
    }

    if (!assessment.confident) {
      // The documents do not answer it: a question in the remit goes to the Monitoring Officer, one that is more
      // likely outside it is declined.
      return estimate.probabilities.out_of_scope > estimate.probabilities.escalate
        ? finish(text, 'out_of_scope', outOfScopeReply(), [])
        : escalate(question, text, lowConfidence, hitCitations(hits.slice(0, 2), standalone));
    }

    const input = {
      question: standalone,
      hits: assessment.supporting,
      documents: retriever.documents,
      classifier: { decision: estimate.decision, confidence: estimate.confidence },
    };
    let composed = await parts.composer.compose(input);
    let citations = verifiedCitations(composed.citations, retriever.clauses);
    if (composed.decision === 'answer' && citations.length === 0) {
      composed = await parts.fallbackComposer.compose(input);
      citations = verifiedCitations(composed.citations, retriever.clauses);
    }
    if (composed.decision === 'refuse') {
      return finish(text, 'refuse', refusalReply(composed.text, citations), citations, {
        generated: composed.generated === true,
      });
    }
    if (composed.decision === 'escalate' || citations.length === 0) {
      return escalate(
        question,
        text,
        lowConfidence,
        citations.length ? citations : hitCitations(assessment.supporting, standalone),
      );
    }
    // A clause the question quotes that does not exist is said so, and its neighbours are cited.
    const missing = missingClauses(searchText, retriever.clauses, citations[0]?.document ?? '');
    citations = dedupe([
      ...citations,
      ...missing.flatMap((entry) =>
        entry.neighbours.map((clause) =>
          citeClause(clause, retriever.documents.get(clause.document), standalone),
        ),
      ),
    ]);
    const notes = [
      describeMissingClauses(missing, retriever.documents),
      describeDisagreement(citations, retriever.documents),
      cleaned.truncated
        ? `Your message was long, so I read only its first ${MAX_QUESTION_CHARS} characters.`
        : null,
      composed.note ?? null,
    ].filter((note): note is string => Boolean(note));
    const body = [composed.text, ...notes].join('\n\n');
    return finish(text, 'answer', body, citations, {
      warnings: warningsFor(citations),
      generated: composed.generated === true,
    });
  }

  return {
    async answer(question) {
      try {
        return await decide(question);
      } catch (error) {
        logger.error('answering failed', {
          error: describeError(error),
          question: String(question.text).slice(0, 2000),
        });
        return finish(
          cleanQuestion(question.text).text,
          'escalate',
          'Sorry — something went wrong while I was answering. Your question has been logged for the Monitoring Officer’s team; please try again shortly.',
          [],
          {
            handoff: { reason: 'internal error while answering', topic: 'internal_error', sensitive: false },
          },
        );
      }
    },
  };
}

// The commonest English words (none that other European languages share, such as "a", "no" or "me"): a message of
// several words with none of these and no word of the documents is taken to be in another language.
const englishWords = new Set(
  (
    'an the to of and or but if so not is are was were be been am has have had do does did can could may might ' +
    'will would shall should must i my mine we us our you your it its he him his she her they them their this ' +
    'that these those there here in on at by for from with about into over after before up out what how who whom ' +
    'when where why which all any some just only also very'
  ).split(' '),
);

/** For a message in another language (several words, none of them common English ones), says so. */
function languageNote(text: string, knowsTerm: (word: string) => boolean): string | undefined {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const english =
    words.length < 3 || words.some((word) => englishWords.has(word) || (word.length > 3 && knowsTerm(word)));
  return english ? undefined : 'I can only answer questions asked in English.';
}

/** Long, rambling messages are searched by their questions (and the sentence that sets them up). */
function focusOnQuestions(text: string): string {
  if (text.length <= 300) return text;
  const sentences = text.split(/(?<=[.!?])\s+/);
  const firstQuestion = sentences.findIndex((sentence) => sentence.trim().endsWith('?'));
  if (firstQuestion === -1) return text;
  const focus = sentences.filter(
    (sentence, index) => index === firstQuestion - 1 || sentence.trim().endsWith('?'),
  );
  return focus.join(' ');
}

function dedupe(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((citation) => {
    const key = `${citation.document}#${citation.clause}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What only some answers carry. */
interface AnswerExtras {
  handoff?: Handoff;
  warnings?: AnswerWarning[];
  /** A language model wrote part of the text. */
  generated?: boolean;
}

/** The Answer, with the warnings also appended to the text for plain-text readers. */
function finish(
  question: string,
  decision: Decision,
  text: string,
  citations: Citation[],
  extras: AnswerExtras = {},
): Answer {
  const warnings = extras.warnings ?? [];
  return {
    question,
    decision,
    text: appendWarnings(text, warnings),
    citations,
    handoff: extras.handoff ?? null,
    warnings,
    generated: extras.generated ?? false,
  };
}
