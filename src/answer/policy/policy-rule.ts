import { z } from 'zod';

/** One row of the policy table: when a question ends in refuse, escalate or out_of_scope, and why. */
export const policyRuleSchema = z.object({
  /** Stable id, also used as the handoff topic (`vote_advice`, `bullying`). */
  id: z.string().regex(/^[a-z0-9_]+$/),
  /** What the rule decides. */
  decision: z.enum(['refuse', 'escalate', 'out_of_scope']),
  /** Sentence for the asker explaining the decision ("Officers must stay politically neutral…"). */
  reason: z.string().min(1),
  /**
   * Regular expressions (case-insensitive, on lower-case text with look-alikes folded); any one triggers. A rule with
   * patterns belongs to the safety floor: it can make the learned decision stricter, never looser. A rule without
   * them is a topic: the learned classifier decides, and the topic nearest the message (by its examples) gives the
   * reason, the clauses and the sensitivity.
   */
  patterns: z.array(z.string().min(1)).default([]),
  /** If present, at least one of these must also match (e.g. the asker speaks of their own situation). */
  requireAny: z.array(z.string().min(1)).optional(),
  /** If any of these match, the rule does not apply (e.g. the question asks what the protocol says). */
  unless: z.array(z.string().min(1)).optional(),
  /** If any of these match, `unless` is ignored (the message also asks the bot directly for its view). */
  unlessOverriddenBy: z.array(z.string().min(1)).optional(),
  /** Escalations whose details must stay out of public channels. */
  sensitive: z.boolean().default(false),
  /** True when the question is about the Monitoring Officer (the deputy receives it). */
  concernsMonitoringOfficer: z.boolean().default(false),
  /** Clauses that justify the decision or give interim guidance: [document, clause]. */
  clauses: z.array(z.tuple([z.string(), z.string()])).default([]),
  /** Example questions: a floor rule must catch them; a topic is placed where they are (checked by tests). */
  examples: z.array(z.string()).default([]),
  /** Example questions the rule must NOT catch (checked by tests). */
  counterExamples: z.array(z.string()).default([]),
});

/** One row of the policy table. */
export type PolicyRule = z.infer<typeof policyRuleSchema>;

/** Input form of a rule (defaults not yet applied), as written in the table or a council's policy file. */
export type PolicyRuleInput = z.input<typeof policyRuleSchema>;
