import { z } from 'zod';
import { ProtocolBotError } from '../../errors.js';
import { readJsonSetting } from '../../read-json-setting.js';
import { spellingVariants } from '../input-cleaning.js';
import { injectionPatterns } from './injection-patterns.js';
import { type PolicyRule, type PolicyRuleInput, policyRuleSchema } from './policy-rule.js';
import { builtInPolicy } from './policy-table.js';

/** A rule with its patterns compiled. */
interface CompiledRule {
  rule: PolicyRule;
  patterns: RegExp[];
  requireAny: RegExp[];
  unless: RegExp[];
  unlessOverriddenBy: RegExp[];
}

/** What the safety floor decided: a rule that applies, or none. */
export type PolicyVerdict = { kind: 'rule'; rule: PolicyRule } | { kind: 'none' };

/** The policy: the safety floor's rules, compiled, and the topics learned decisions are filed under. */
export interface PolicyEngine {
  /** The first safety-floor rule that catches the folded (lower-case, look-alike-folded) text, if any. */
  evaluate(folded: string): PolicyVerdict;
  /**
   * The rule a refusal or escalation is filed under: the topic the classifier found nearest, when it is one of this
   * decision's topics and near enough to trust, else the decision's general topic (for escalations a sensitive one,
   * so details stay out of public channels when the topic is unsure).
   */
  topicRule(decision: 'refuse' | 'escalate', nearest?: { id: string; similarity: number }): PolicyRule;
  /** Removes prompt-injection phrases, which never change the decision. */
  stripInjection(text: string): string;
  readonly rules: readonly PolicyRule[];
}

/** Cosine similarity to a topic's examples below which the topic is not trusted (set on the training data). */
export const TOPIC_SIMILARITY_FLOOR = 0.35;

/** Topics used when no specific one fits. */
const generalTopics: Record<'refuse' | 'escalate', PolicyRule> = {
  refuse: policyRuleSchema.parse({
    id: 'political_advice',
    decision: 'refuse',
    reason:
      'I can’t give political advice or help with party political work: officers, and this service, must stay politically neutral.',
    clauses: [
      ['part5c', '3.1.5'],
      ['district-code', '8.2(a)'],
    ],
  }),
  escalate: policyRuleSchema.parse({
    id: 'monitoring_officer_judgement',
    decision: 'escalate',
    reason: 'This needs the Monitoring Officer’s judgement on your own situation.',
    sensitive: true,
    clauses: [['part5c', '7.9']],
  }),
};

const decisionOrder: Record<PolicyRule['decision'], number> = { refuse: 0, out_of_scope: 1, escalate: 2 };

/**
 * Builds the engine from the built-in table plus extra rules (a council's POLICY_FILE). An extra rule with the id of
 * a built-in one replaces it. Rules are tried refuse first, then out-of-scope, then escalate, in table order.
 */
export function createPolicyEngine(extraRules: PolicyRuleInput[] = []): PolicyEngine {
  const byId = new Map<string, PolicyRuleInput>();
  for (const rule of [...builtInPolicy, ...extraRules]) byId.set(rule.id, rule);
  const rules = [...byId.values()]
    .map((input) => policyRuleSchema.parse(input))
    .sort((left, right) => decisionOrder[left.decision] - decisionOrder[right.decision]);
  const compiled: CompiledRule[] = rules
    .filter((rule) => rule.patterns.length > 0)
    .map((rule) => ({
      rule,
      patterns: rule.patterns.map((source) => compile(source, rule.id)),
      requireAny: (rule.requireAny ?? []).map((source) => compile(source, rule.id)),
      unless: (rule.unless ?? []).map((source) => compile(source, rule.id)),
      unlessOverriddenBy: (rule.unlessOverriddenBy ?? []).map((source) => compile(source, rule.id)),
    }));

  const byTopic = new Map(rules.map((rule) => [rule.id, rule]));

  return {
    rules,
    stripInjection(text) {
      let cleaned = text;
      for (const pattern of injectionPatterns) cleaned = cleaned.replace(pattern, ' ');
      return cleaned.replace(/\s+/g, ' ').trim();
    },
    evaluate(folded) {
      const variants = spellingVariants(folded);
      for (const candidate of compiled) {
        if (variants.some((variant) => matches(candidate, variant)))
          return { kind: 'rule', rule: candidate.rule };
      }
      return { kind: 'none' };
    },
    topicRule(decision, nearest) {
      const rule = nearest ? byTopic.get(nearest.id) : undefined;
      const trusted =
        rule && rule.decision === decision && (nearest?.similarity ?? 0) >= TOPIC_SIMILARITY_FLOOR;
      return trusted ? rule : generalTopics[decision];
    },
  };
}

function matches(candidate: CompiledRule, text: string): boolean {
  // Each sentence is judged with the one before it as context, as well as the whole message, so "ignore that.
  // which party should I vote for?" is caught while a harmless sentence further away cannot lend its framing
  // ("can officers…") to a partisan one.
  const parts = text
    .split(
      /(?<=[.!?\n:}])\s+|\s+(?:and|but|also|then)\s+(?=(?:can|could|please|tell|write|which|who|what|give)\b)/,
    )
    .map((part) => part.trim())
    .filter(Boolean);
  if (sentenceMatches(candidate, text, text, text)) return true;
  return parts.some((part, index) => {
    const context = index > 0 ? `${parts[index - 1]} ${part}` : part;
    return sentenceMatches(candidate, part, context, text);
  });
}

function sentenceMatches(candidate: CompiledRule, sentence: string, context: string, whole: string): boolean {
  if (!candidate.patterns.some((pattern) => pattern.test(sentence))) return false;
  if (candidate.requireAny.length > 0 && !candidate.requireAny.some((pattern) => pattern.test(whole)))
    return false;
  const excused = candidate.unless.some((pattern) => pattern.test(context));
  if (!excused) return true;
  return candidate.unlessOverriddenBy.some((pattern) => pattern.test(whole));
}

function compile(source: string, ruleId: string): RegExp {
  try {
    return new RegExp(source, 'i');
  } catch (cause) {
    throw new ProtocolBotError('config_invalid', `policy rule "${ruleId}": invalid pattern ${source}`, {
      cause,
    });
  }
}

const policyFileSchema = z.object({ rules: z.array(policyRuleSchema) });

/** Reads a council's extra policy rules (JSON `{ "rules": [...] }`); errors name the file and the rule at fault. */
export function loadPolicyFile(file: string): PolicyRuleInput[] {
  const raw = readJsonSetting('POLICY_FILE', file);
  const parsed = policyFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProtocolBotError(
      'config_invalid',
      `POLICY_FILE: ${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  for (const rule of parsed.data.rules) {
    for (const source of [...rule.patterns, ...(rule.requireAny ?? []), ...(rule.unless ?? [])])
      compile(source, rule.id);
  }
  return parsed.data.rules;
}
