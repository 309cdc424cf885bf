import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ProtocolBotError } from '../../errors.js';
import { governanceTerms, injectionPatterns, offTopicPatterns } from './governance-vocabulary.js';
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

/** What the policy stage decided before retrieval. */
export type PolicyVerdict =
  | { kind: 'rule'; rule: PolicyRule }
  | { kind: 'off_topic' }
  | { kind: 'none'; inRemit: boolean };

/** The policy engine: the table, compiled, plus the remit test. */
export interface PolicyEngine {
  /** Decides on the folded (lower-case, look-alike-folded) text of a message. */
  evaluate(folded: string): PolicyVerdict;
  /** Whether the message speaks of member/officer conduct or council governance at all. */
  inRemit(folded: string): boolean;
  /** Removes prompt-injection phrases, which never change the decision. */
  stripInjection(text: string): string;
  readonly rules: readonly PolicyRule[];
}

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
  const compiled: CompiledRule[] = rules.map((rule) => ({
    rule,
    patterns: rule.patterns.map((source) => compile(source, rule.id)),
    requireAny: (rule.requireAny ?? []).map((source) => compile(source, rule.id)),
    unless: (rule.unless ?? []).map((source) => compile(source, rule.id)),
    unlessOverriddenBy: (rule.unlessOverriddenBy ?? []).map((source) => compile(source, rule.id)),
  }));

  const inRemit = (folded: string) => governanceTerms.test(folded);

  return {
    rules,
    inRemit,
    stripInjection(text) {
      let cleaned = text;
      for (const pattern of injectionPatterns) cleaned = cleaned.replace(pattern, ' ');
      return cleaned.replace(/\s+/g, ' ').trim();
    },
    evaluate(folded) {
      for (const candidate of compiled) {
        if (matches(candidate, folded)) return { kind: 'rule', rule: candidate.rule };
      }
      if (!inRemit(folded) && offTopicPatterns.some((pattern) => pattern.test(folded))) {
        return { kind: 'off_topic' };
      }
      return { kind: 'none', inRemit: inRemit(folded) };
    },
  };
}

function matches(candidate: CompiledRule, text: string): boolean {
  // Each sentence is judged on its own as well as the whole, so "ignore that. which party should I vote for?"
  // is caught while a harmless sentence cannot lend its framing ("can officers…") to a partisan one.
  const sentences = [
    text,
    ...text.split(
      /(?<=[.!?\n])\s+|\s+(?:and|but|also|then)\s+(?=(?:can|could|please|tell|write|which|who|what|give)\b)/,
    ),
  ];
  return sentences.some(
    (sentence) => sentence.trim() !== '' && sentenceMatches(candidate, sentence.trim(), text),
  );
}

function sentenceMatches(candidate: CompiledRule, sentence: string, whole: string): boolean {
  if (!candidate.patterns.some((pattern) => pattern.test(sentence))) return false;
  if (candidate.requireAny.length > 0 && !candidate.requireAny.some((pattern) => pattern.test(whole)))
    return false;
  const excused = candidate.unless.some((pattern) => pattern.test(sentence));
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
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new ProtocolBotError(
      'config_invalid',
      `POLICY_FILE: cannot read ${file} as JSON (${(cause as Error).message})`,
      {
        cause,
      },
    );
  }
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
