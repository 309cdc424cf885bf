import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanQuestion } from '../../../src/answer/input-cleaning.js';
import { createPolicyEngine, loadPolicyFile } from '../../../src/answer/policy/policy-engine.js';
import { ProtocolBotError } from '../../../src/errors.js';

const write = (content: unknown) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'policy-')), 'policy.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

describe('a council’s own policy rules (POLICY_FILE)', () => {
  it('adds a rule without code', () => {
    const file = write({
      rules: [
        {
          id: 'planning_lobbying',
          decision: 'escalate',
          reason: 'Lobbying on a live planning application goes to the Monitoring Officer.',
          patterns: ['\\blobb(y|ied|ying)\\b.{0,40}\\bplanning application\\b'],
          clauses: [['part5c', '9.1']],
        },
      ],
    });
    const engine = createPolicyEngine(loadPolicyFile(file));
    const verdict = engine.evaluate(
      cleanQuestion('A developer lobbied me about a planning application').folded,
    );
    expect(verdict.kind === 'rule' && verdict.rule.id).toBe('planning_lobbying');
  });

  it('replaces a built-in rule with the same id', () => {
    const file = write({
      rules: [
        {
          id: 'creative_writing',
          decision: 'out_of_scope',
          reason: 'No poems here.',
          patterns: ['\\bhaiku\\b'],
        },
      ],
    });
    const engine = createPolicyEngine(loadPolicyFile(file));
    expect(engine.rules.filter((rule) => rule.id === 'creative_writing')).toHaveLength(1);
    expect(engine.evaluate(cleanQuestion('write me a poem').folded).kind).not.toBe('rule');
  });

  it('names the file and the fault when the file is malformed', () => {
    expect(() => loadPolicyFile(write('{not json'))).toThrow(/POLICY_FILE: cannot read/);
    expect(() => loadPolicyFile(write({ rules: [{ id: 'x', decision: 'maybe' }] }))).toThrow(
      /rules\.0\.decision/,
    );
    try {
      loadPolicyFile(
        write({ rules: [{ id: 'bad', decision: 'refuse', reason: 'r', patterns: ['(unclosed'] }] }),
      );
      expect.unreachable();
    } catch (error) {
      expect(ProtocolBotError.isInstance(error) && error.code).toBe('config_invalid');
      expect(String(error)).toMatch(/policy rule "bad"/);
    }
  });
});
