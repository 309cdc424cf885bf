import { z } from 'zod';
import { ProtocolBotError } from '../../errors.js';
import { readJsonSetting } from '../../read-json-setting.js';
import {
  everydayGovernanceWords,
  governanceTerms,
  injectionPatterns,
  offTopicPatterns,
} from './governance-vocabulary.js';
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
  | {
      kind: 'none';
      inRemit: boolean;
      /**
       * The message is about an everyday matter (bins, weather, lunch, code) that also mentions a council word
       * ("lunch near the civic centre", "a python script for the agenda pages"): only a close match is answered,
       * and without one it is out of scope rather than a case for the Monitoring Officer.
       */
      everyday: boolean;
    };

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
      const variants = spellingVariants(folded);
      for (const candidate of compiled) {
        if (variants.some((variant) => matches(candidate, variant)))
          return { kind: 'rule', rule: candidate.rule };
      }
      const remit = inRemit(folded);
      if (!offTopicPatterns.some((pattern) => pattern.test(folded)))
        return { kind: 'none', inRemit: remit, everyday: false };
      if (!remit) return { kind: 'off_topic' };
      // An everyday matter whose only governance words are everyday ones too ("lunch near the civic centre").
      const everyday = !governanceTerms.test(folded.replace(everydayGovernanceWords, ' '));
      return { kind: 'none', inRemit: remit, everyday };
    },
  };
}

const leet: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/**
 * The text as written plus the spellings used to dodge filters: digits for letters inside words ("v0te") and
 * letters spaced apart ("v o t e"), so a rule sees through both.
 */
function spellingVariants(text: string): string[] {
  const unLeet = text.replace(/[a-z0-9@$]*[a-z][a-z0-9@$]*/g, (word) =>
    /[0-9@$]/.test(word) ? word.replace(/[013457@$]/g, (character) => leet[character] ?? character) : word,
  );
  const unSpaced = text.replace(/\b(?:[a-z] ){3,}[a-z]\b/g, (run) => run.replace(/ /g, ''));
  return [...new Set([text, unLeet, unSpaced])];
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
