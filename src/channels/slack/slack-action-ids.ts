/** Action and view callback ids the Slack adapter sends in Block Kit and routes back to its handlers. */
export const slackActionIds = {
  /** Opens a modal with the whole cited clause. */
  showClause: 'show_clause',
  /** Feedback on an answer. */
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
  /** Opens a Monitoring Officer case from an answer. */
  askMonitoringOfficer: 'ask_monitoring_officer',
  /** Monitoring Officer case card buttons. */
  caseClaim: 'case_claim',
  caseAnswer: 'case_answer',
  caseClose: 'case_close',
  caseView: 'case_view',
} as const;

/** Callback id of the modal in which the Monitoring Officer writes an answer. */
export const caseAnswerViewId = 'case_answer_submit';
/** Block and action id of the answer text input in that modal. */
export const caseAnswerInput = { block: 'case_answer_block', action: 'case_answer_text' } as const;

/** The optional input naming the clauses that answer the case (what the bot learns from). */
export const caseClausesInput = { block: 'case_clauses_block', action: 'case_clauses_text' } as const;
