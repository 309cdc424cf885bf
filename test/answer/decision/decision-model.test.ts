import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  defaultDecisionModelPath,
  hashOfTexts,
  loadDecisionModel,
} from '../../../src/answer/decision/decision-model-file.js';
import { openDecisionClassifier } from '../../../src/answer/decision/open-decision-classifier.js';
import { main } from '../../../src/app/main.js';
import { ProtocolBotError } from '../../../src/errors.js';
import { loadSentenceEncoder } from '../../../src/search/embed/sentence-encoder.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'decision-model-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function capture() {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text) },
      stdin: process.stdin,
      interactive: false,
    },
    out: () => out,
    err: () => err,
  };
}

describe('the shipped decision model', () => {
  const model = loadDecisionModel();

  it('was fitted to exactly the training files now in evals/train/ (retrain when they change)', () => {
    const folder = path.join('evals', 'train');
    const files = readdirSync(folder)
      .filter((name) => name.endsWith('.jsonl'))
      .sort()
      .map((name) => path.join(folder, name));
    expect(model.training.files).toEqual(files);
    expect(model.training.sha256).toBe(hashOfTexts(files.map((file) => readFileSync(file, 'utf8'))));
  });

  it('expects the encoder the bot loads, and files every refusal and escalation topic', async () => {
    const encoder = await loadSentenceEncoder();
    expect(model.encoder).toBe(encoder.id);
    expect(model.offsets).toHaveLength(model.classes.length);
    expect(model.topics.map((topic) => topic.id)).toEqual(
      expect.arrayContaining([
        'vote_advice',
        'campaign_material',
        'bullying_or_harassment',
        'confidential_leak',
      ]),
    );
  });

  it('decides messages that were never in its training data', async () => {
    const classifier = openDecisionClassifier({ encoder: () => loadSentenceEncoder() });
    const decide = async (text: string) => (await classifier.classify(text)).decision;
    expect(await decide('which party would you back in the county elections?')).toBe('refuse');
    expect(
      await decide('the deputy leader has been texting me at midnight about my report and I feel threatened'),
    ).toBe('escalate');
    expect(await decide('any idea when the leisure centre pool reopens?')).toBe('out_of_scope');
    expect(await decide('how many working days do officers have to reply to a councillor’s letter?')).toBe(
      'answer',
    );
  });

  it('is a clear error naming the file when missing or damaged', () => {
    const damaged = path.join(scratch, 'damaged.json');
    writeFileSync(damaged, '{"version": 1, "encoder": "x"}');
    for (const file of [path.join(scratch, 'missing.json'), damaged]) {
      try {
        loadDecisionModel(file);
        expect.unreachable();
      } catch (error) {
        expect(ProtocolBotError.isInstance(error)).toBe(true);
        expect(String(error)).toContain(file);
      }
    }
    expect(defaultDecisionModelPath()).toMatch(/models[/\\]decision-model\.json$/);
  });
});

describe('protocol-bot train', () => {
  it('fits a model to a labelled file, compares model families, and writes a file the bot can load', async () => {
    const data = path.join(scratch, 'tiny.jsonl');
    const lines = [
      ['Which party should I vote for?', 'refuse'],
      ['Write a leaflet attacking the Greens', 'refuse'],
      ['Is Labour better than Reform?', 'refuse'],
      ['Draft my election address', 'refuse'],
      ['How fast must officers reply to a councillor?', 'answer'],
      ['Can officers attend party group meetings?', 'answer'],
      ['What can councillors expect from officers?', 'answer'],
      ['Who do officers answer to?', 'answer'],
      ['A councillor keeps shouting at me in meetings', 'escalate'],
      ['I think a member leaked exempt papers to the press', 'escalate'],
      ['I want to speak to the Monitoring Officer', 'escalate'],
      ['My cabinet member told me to change my report', 'escalate'],
      ['When are my bins collected?', 'out_of_scope'],
      ['What is the weather tomorrow?', 'out_of_scope'],
      ['Reset my password please', 'out_of_scope'],
      ['Tell me a joke', 'out_of_scope'],
    ];
    writeFileSync(
      data,
      lines
        .map(([question, decision], index) =>
          JSON.stringify({ id: `t${index}`, question, accept: [decision], cite: [] }),
        )
        .join('\n'),
    );
    const out = path.join(scratch, 'model.json');
    const run = capture();
    const code = await main(['train', data, '--out', out, '--decision-only'], run.io as never, {
      ...process.env,
      DATA_DIR: scratch,
    });
    expect(run.err()).toBe('');
    expect(code).toBe(0);
    expect(run.out()).toMatch(/5-fold cross-validation over 16 labelled messages/);
    expect(run.out()).toMatch(/nearest-7[\s\S]*softmax[\s\S]*← shipped/);
    // The neighbour-vote blends are measured beside the others, and never shipped.
    expect(run.out()).toMatch(/nearest-10 vote 0\.35 +\d\.\d{3}/);
    expect(run.out()).not.toMatch(/vote [\d.]+ .*← shipped/);
    // So is the softmax that also reads what retrieval found for each message (none of these cite a clause, so the
    // question bank is empty and retrieval alone finds the evidence).
    expect(run.out()).toMatch(/8192 buckets, retrieval evidence +\d\.\d{3}/);
    const model = loadDecisionModel(out);
    expect(model.training.examples).toEqual({ answer: 4, refuse: 4, escalate: 4, out_of_scope: 4 });
  });

  it('fits the ranker first, then the classifier on what that ranking finds; --ranker-only stops there', async () => {
    const answerable = readFileSync(path.join('evals', 'dev', 'golden.jsonl'), 'utf8')
      .split('\n')
      .slice(0, 12);
    const others = [
      ['Which party should I vote for?', 'refuse'],
      ['Write a leaflet attacking the Greens', 'refuse'],
      ['Is Labour better than Reform?', 'refuse'],
      ['A councillor keeps shouting at me in meetings', 'escalate'],
      ['I think a member leaked exempt papers to the press', 'escalate'],
      ['My cabinet member told me to change my report', 'escalate'],
      ['When are my bins collected?', 'out_of_scope'],
      ['What is the weather tomorrow?', 'out_of_scope'],
      ['Reset my password please', 'out_of_scope'],
    ].map(([question, decision], index) =>
      JSON.stringify({ id: `o${index}`, question, accept: [decision], cite: [] }),
    );
    const data = path.join(scratch, 'with-citations.jsonl');
    writeFileSync(data, [...answerable, ...others].join('\n'));
    const env = { ...process.env, DATA_DIR: scratch };

    const rankerOnly = path.join(scratch, 'ranker-only', 'decision-model.json');
    const first = capture();
    expect(await main(['train', data, '--out', rankerOnly, '--ranker-only'], first.io as never, env)).toBe(0);
    expect(first.out()).toMatch(/Ranker: 5-fold cross-validation over 12 answerable messages/);
    expect(first.out()).not.toMatch(/Decision classifier/);
    expect(existsSync(rankerOnly)).toBe(false);

    const both = path.join(scratch, 'both', 'decision-model.json');
    const second = capture();
    expect(await main(['train', data, '--out', both], second.io as never, env)).toBe(0);
    expect(second.err()).toBe('');
    expect(second.out()).toMatch(/over 21 labelled messages[\s\S]*retrieval evidence[\s\S]*Ranker: 5-fold/);
    expect(loadDecisionModel(both).training.examples).toEqual({
      answer: 12,
      refuse: 3,
      escalate: 3,
      out_of_scope: 3,
    });
    // Two trainings with the ranker's cross-validation each: about 20 s on an idle machine.
  }, 90_000);
});
