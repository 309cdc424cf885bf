import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProtocolBotError } from '../../src/errors.js';
import { loadEvalFile, parseEvalCases } from '../../src/evals/eval-case-schema.js';

const good =
  '{"id":"g001","question":"How fast must I reply to a councillor?","accept":["answer"],"cite":[["part5c","6.2"],["swale-agenda",null]],"include":["two working days"]}';

function problemsOf(text: string): string {
  try {
    parseEvalCases(text, 'evals/sample.jsonl');
  } catch (error) {
    expect(ProtocolBotError.isInstance(error) && error.code).toBe('input_invalid');
    return (error as Error).message;
  }
  throw new Error('expected the file to be rejected');
}

describe('parseEvalCases', () => {
  it('parses a good line, defaulting cite and include to empty lists', () => {
    const cases = parseEvalCases(
      `${good}\n\n{"id":"o001","question":"Will it rain?","accept":["out_of_scope"]}\n`,
      'x',
    );
    expect(cases).toHaveLength(2);
    expect(cases[0]?.cite).toEqual([
      ['part5c', '6.2'],
      ['swale-agenda', null],
    ]);
    expect(cases[1]).toMatchObject({ id: 'o001', cite: [], include: [] });
  });

  it('reports every bad line with file:line and what is wrong', () => {
    const message = problemsOf(
      [
        good,
        '{"id":"g002","question":"x","accept":["answer"]', // line 2: truncated JSON
        '',
        '{"id":"g003","question":"x","accept":["advise"]}', // line 4: unknown decision
        '{"id":"g001","question":"again","accept":["answer"]}', // line 5: repeated id
        '{"id":"g004","question":"x","accept":["answer"],"cites":[]}', // line 6: typo in a key
        '{"id":"g005","question":"x","accept":[]}', // line 7: no decision
        '{"id":"g006","question":"x","accept":["answer"],"cite":[["part5c"]]}', // line 8: half a pair
      ].join('\n'),
    );
    expect(message).toMatch(/^6 bad eval line/);
    expect(message).toContain('evals/sample.jsonl:2: not valid JSON');
    expect(message).toMatch(/evals\/sample\.jsonl:4: accept\.0: /);
    expect(message).toContain('evals/sample.jsonl:5: id g001 already used on line 1');
    expect(message).toMatch(/evals\/sample\.jsonl:6: .*cites/);
    expect(message).toContain('evals/sample.jsonl:7: accept: at least one decision');
    expect(message).toMatch(/evals\/sample\.jsonl:8: cite\.0/);
    expect(message).not.toContain('sample.jsonl:1:');
  });

  it('rejects repeated decisions and an empty file', () => {
    expect(problemsOf('{"id":"a1","question":"x","accept":["answer","answer"]}')).toContain(
      'decisions must not repeat',
    );
    expect(problemsOf('\n\n')).toContain('no eval cases');
  });
});

describe('loadEvalFile', () => {
  it('reads a file and names a missing one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-'));
    const file = path.join(dir, 'golden.jsonl');
    writeFileSync(file, `${good}\n`);
    expect(loadEvalFile(file)).toHaveLength(1);
    expect(() => loadEvalFile(path.join(dir, 'missing.jsonl'))).toThrow(
      /missing\.jsonl: cannot read eval file/,
    );
  });
});
