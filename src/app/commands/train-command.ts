import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type Decision,
  type DecisionModelFile,
  decisionFeatures,
  decisionSchema,
  defaultDecisionModelPath,
  fitEvidenceScaling,
  hashOfTexts,
  ownWords,
  type PolicyRule,
  packFloats,
  readingForm,
  readsEvidence,
  retrievalEvidence,
  unpackFloats,
} from '../../answer/index.js';
import type { CliIo } from '../../channels/terminal/index.js';
import { ProtocolBotError } from '../../errors.js';
import { type EvalCase, loadEvalFile } from '../../evals/index.js';
import { decideWithOffsets, predictSoftmax, type SoftmaxModel } from '../../learn/index.js';
import {
  createQuestionBank,
  type OpenedRetriever,
  packQuestionBank,
  type RankerFile,
  rankingFeatureNames,
  type SearchHit,
  type SentenceEncoder,
} from '../../search/index.js';
import {
  type Candidate,
  type CandidateScore,
  chooseCandidate,
  clearlyCheaper,
  crossValidate,
  defaultCandidates,
  evidenceCandidate,
  fitDecisionOffsets,
  fitSoftmax,
  type LabelledExample,
  type OffsetCosts,
  offsetsShip,
  outOfFoldProbabilities,
  scorePredictions,
  totalMistakeCost,
} from '../training/train-decision-model.js';
import {
  type CandidateList,
  crossValidateRanker,
  fitRanker,
  labelHits,
  type RankingScore,
  rankerFolds,
  withoutExamples,
} from '../training/train-ranker.js';
import { parseArgs } from './parse-args.js';

/** Where training data lives by default: every `.jsonl` in `evals/train/`. */
export function defaultTrainingFiles(root = process.cwd()): string[] {
  return evalFilesIn(root, 'train');
}

/** The dev set (`evals/dev/*.jsonl`, the CI gate) when there is one: training checks one choice against it. */
export function defaultDevFiles(root = process.cwd()): string[] {
  return existsSync(path.join(root, 'evals', 'dev')) ? evalFilesIn(root, 'dev') : [];
}

/** Every `.jsonl` in `evals/<folder>/`, sorted, as paths relative to `root`. */
function evalFilesIn(root: string, folder: string): string[] {
  return readdirSync(path.join(root, 'evals', folder))
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => path.join('evals', folder, name));
}

/** What training needs from the rest of the bot. */
export interface TrainParts {
  encoder: SentenceEncoder;
  /** The policy's rules: refusal and escalation topics are placed where their examples are. */
  rules: readonly PolicyRule[];
  /** The corpus index, for training the ranker on the answerable messages' citations. */
  openIndex: () => Promise<OpenedRetriever>;
  /** Where sentence vectors of training texts are kept between runs (derived data; safe to delete). */
  vectorCacheFile?: string;
}

/** Asks for every candidate retrieval considers (at most 50 lexical plus 50 dense), as the ranker will see them. */
const RANKER_CANDIDATES = 100;

/** Hits retrieval returns when evidence for a decision is gathered (the pipeline's depth; evidence reads two). */
const EVIDENCE_DEPTH = 8;

/** Weight of retrieval's standardised evidence beside the message's own features (measured at 0.03, 0.1 and 0.3). */
const EVIDENCE_WEIGHT = 0.1;

/**
 * `protocol-bot train [FILE.jsonl...] [--out FILE] [--json] [--decision-only]`: fits the ranker to the answerable
 * messages' citations (`ranker.json` beside the model file) unless `--decision-only`; then fits the decision
 * classifier to labelled messages (default: `evals/train/*.jsonl`) and what retrieval finds for each, after comparing
 * model families by 5-fold cross-validation, and writes the model file the bot loads (default:
 * `models/decision-model.json`) unless `--ranker-only`. Prints both comparisons.
 */
export async function runTrainCommand(args: string[], io: CliIo, parts: TrainParts): Promise<number> {
  const parsed = parseArgs(args, ['out'], ['json', 'decision-only', 'ranker-only']);
  const files = parsed.positional.length > 0 ? parsed.positional : defaultTrainingFiles();
  if (files.length === 0)
    throw new ProtocolBotError('usage', 'train needs labelled FILE.jsonl (or evals/train/)');
  const out = String(parsed.flags.get('out') ?? defaultDecisionModelPath());
  const cases = files.flatMap((file) => loadEvalFile(file));
  // The ranker first: the decision classifier learns from what retrieval finds, ranked as the bot will rank it.
  const ranking = parsed.flags.has('decision-only')
    ? null
    : await trainRanker(files, cases, parts, path.join(path.dirname(out), 'ranker.json'));
  if (parsed.flags.has('ranker-only')) {
    if (ranking) io.stdout.write(formatRanking(ranking));
    return 0;
  }
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  // A fixed shuffle (by id) so folds mix the files and runs repeat exactly.
  const ordered = [...cases].sort((left, right) =>
    hashOfTexts([left.id]).localeCompare(hashOfTexts([right.id])),
  );
  // The classifier reads each message as the bot will: the asker's own words in reading form (lower case, look-alikes
  // folded), with retrieval's evidence unless the message points into the documents.
  const found = await messageEvidence(parts, cases, ordered);
  const vectors = await embedWithCache(parts, found.readings);
  const examples: LabelledExample[] = ordered.map((item, index) => ({
    text: found.readings[index] as string,
    vector: vectors[index] as Float32Array,
    decision: item.accept[0] as LabelledExample['decision'],
    accept: item.accept,
    evidence: found.rows[index],
  }));

  const candidates = [
    ...defaultCandidates,
    evidenceCandidate(
      fitEvidenceScaling(
        found.rows.filter((row): row is Float32Array => row !== undefined),
        EVIDENCE_WEIGHT,
      ),
    ),
  ];
  const scores = crossValidate(examples, candidates);
  // Nearest neighbours and the neighbour-vote blends are measured for comparison; a softmax ships.
  const softmaxScores = scores.filter((score) =>
    candidates.some((candidate) => candidate.name === score.name && candidate.kind === 'softmax'),
  );
  const chosenName = chooseCandidate(softmaxScores, examples.length);
  const chosen = candidates.find((candidate) => candidate.name === chosenName) ?? defaultCandidates[1];
  if (!chosen) throw new ProtocolBotError('usage', 'no candidate model to train');
  const model = fitSoftmax(examples, chosen);
  const outOfFold = outOfFoldProbabilities(examples, chosen);
  // The offsets' own effect, measured honestly: each fold decided with offsets fitted on the other folds. They ship
  // only when that lowers the total mistake cost beyond noise; otherwise the model decides by its probabilities.
  const decided = crossFittedDecisions(examples, outOfFold);
  scores.push(scorePredictions(`${chosen.name} + cost offsets`, examples, decided));
  const undecorated = outOfFold.map(
    (row) => decisionSchema.options[decideWithOffsets(row, [0, 0, 0, 0])] as Decision,
  );
  const costs = {
    withoutOffsets: totalMistakeCost(examples, undecorated),
    withOffsets: totalMistakeCost(examples, decided),
  };
  const cvPays = clearlyCheaper(examples, decided, undecorated);
  const fitted = cvPays ? fitDecisionOffsets(examples, outOfFold) : undefined;
  // Offsets cross-validation favours must also not cost more on the dev set, which no model is fitted to.
  const dev = fitted ? await devCosts(parts, model, chosen, fitted, found.readingOf) : undefined;
  const offsetsPay = offsetsShip(cvPays, dev);
  const offsets = offsetsPay && fitted ? fitted : decisionSchema.options.map(() => 0);

  const topics: DecisionModelFile['topics'] = [];
  for (const rule of parts.rules) {
    if (rule.decision === 'out_of_scope' || rule.examples.length === 0) continue;
    const exampleVectors = await parts.encoder.embed(rule.examples.map(readingForm));
    topics.push({ id: rule.id, decision: rule.decision, centroid: unitMean(exampleVectors) });
  }

  const examplesByDecision = Object.fromEntries(
    decisionSchema.options.map((decision) => [
      decision,
      examples.filter((example) => example.decision === decision).length,
    ]),
  );
  const file = {
    version: 1,
    encoder: parts.encoder.id,
    encoderDimensions: parts.encoder.dimensions,
    ngramBuckets: chosen.features.ngramBuckets,
    ngramWeight: chosen.features.ngramWeight,
    charBuckets: chosen.features.charBuckets ?? 0,
    charWeight: chosen.features.charWeight ?? 0,
    ...(chosen.features.evidence
      ? { evidence: { ...chosen.features.evidence, embedder: found.embedder } }
      : {}),
    classes: decisionSchema.options,
    weights: packFloats(model.weights),
    bias: packFloats(model.bias),
    offsets,
    topics: topics.map((topic) => ({ ...topic, centroid: packFloats(topic.centroid) })),
    training: {
      files: files.map((name) => path.relative(process.cwd(), path.resolve(name))),
      examples: examplesByDecision,
      sha256: hashOfTexts(texts),
      trainedAt: new Date().toISOString(),
      crossValidation: {
        folds: 5,
        chosen: chosen.name,
        offsets,
        mistakeCosts: costs,
        ...(fitted ? { proposedOffsets: fitted } : {}),
        ...(dev ? { devMistakeCosts: dev } : {}),
        candidates: scores,
      },
    },
  };
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(file)}\n`);

  if (parsed.flags.has('json')) {
    io.stdout.write(
      `${JSON.stringify({ out, chosen: chosen.name, examples: examplesByDecision, scores, ranking })}\n`,
    );
  } else {
    const shipped = offsetsPay ? `${chosen.name} + cost offsets` : chosen.name;
    io.stdout.write(formatComparison(scores, examples.length, shipped, out));
    io.stdout.write(
      `Mistake cost (cross-validated): ${costs.withoutOffsets} by probabilities alone, ${costs.withOffsets} with cost offsets (${offsetsPay ? 'shipped: clearly cheaper' : cvPays ? 'not shipped: costlier on the dev set' : 'not shipped: not clearly cheaper'})\n`,
    );
    if (dev)
      io.stdout.write(
        `Mistake cost on the dev set: ${dev.withoutOffsets} by probabilities alone, ${dev.withOffsets} with cost offsets\n`,
      );
    if (ranking) io.stdout.write(formatRanking(ranking));
  }
  return 0;
}

/**
 * Fits the ranker to the answerable messages' citations: each question's candidates are retrieved in the hand-set
 * z-score fusion's order and labelled acceptable or not; the residual listwise ranker is cross-validated (at a few
 * settings) against the fusion, the pairwise ranker and each signal alone, then fitted on all at the best setting and
 * written beside the decision model when it beats the fusion. The file records the training files and their hash, and
 * holds nothing time-dependent, so the same files, corpus and encoder write the same bytes.
 */
async function trainRanker(
  files: readonly string[],
  cases: readonly EvalCase[],
  parts: TrainParts,
  out: string,
) {
  const index = await parts.openIndex();
  const answerable = cases.filter((item) => item.accept[0] === 'answer' && item.cite.length > 0);
  const training = {
    files: files.map((name) => path.relative(process.cwd(), path.resolve(name))),
    sha256: hashOfTexts(files.map((name) => readFileSync(name, 'utf8'))),
  };
  const rows = await questionBankRows(index, answerable);
  const bankFile = packQuestionBank(index.embedder, rows, { ...training, questions: rows.length });
  const withBank = index.withQuestionBank(createQuestionBank(bankFile, index.clauses));
  // Each question's candidates, with evidence only from labelled questions outside its cross-validation fold: no
  // question is its own evidence, and the held-out fold's figures are honest.
  const lists: CandidateList[] = [];
  for (const [position, item] of answerable.entries()) {
    const hits = await withBank.search(item.question, RANKER_CANDIDATES, {
      fusion: 'zscore',
      excludeExamples: (row) => row % rankerFolds === position % rankerFolds,
    });
    lists.push(labelHits(hits, item.cite));
  }
  const comparison = crossValidateRanker(lists);
  const { fusion, chosen } = comparison;
  // The bank ships only when its evidence helps in cross-validation (hit@1 first, then hit@3).
  const bankHelps = beats(comparison.learned, comparison.withoutExamples);
  const learned = bankHelps ? comparison.learned : comparison.withoutExamples;
  const model = fitRanker(bankHelps ? lists : withoutExamples(lists), chosen);
  const bankOut = path.join(path.dirname(out), 'question-bank.json');
  const file: RankerFile = {
    version: model.hidden ? 3 : 2,
    embedder: index.embedder,
    features: [...rankingFeatureNames],
    weights: model.weights,
    mean: model.mean,
    scale: model.scale,
    ...(model.hidden ? { hidden: model.hidden } : {}),
    baseWeight: model.baseWeight,
    depth: chosen.depth,
    ...(chosen.votedPlaces ? { votedPlaces: chosen.votedPlaces } : {}),
    training: {
      ...training,
      questions: lists.length,
      questionBank: bankHelps,
      l2: chosen.l2,
      hiddenUnits: chosen.hiddenUnits ?? 0,
      crossValidation: { folds: 5, candidates: comparison.scores },
    },
  };
  // Shipped only when it beats the hand-set fusion in cross-validation (hit@1 first, then hit@3); otherwise any old
  // ranker file is removed, so the bot ranks with the fusion.
  const wins = beats(learned, fusion);
  mkdirSync(path.dirname(out), { recursive: true });
  if (wins) writeFileSync(out, `${JSON.stringify(file, null, 1)}\n`);
  else rmSync(out, { force: true });
  if (wins && bankHelps) writeFileSync(bankOut, `${JSON.stringify(bankFile)}\n`);
  else rmSync(bankOut, { force: true });
  return {
    out: wins ? out : null,
    questionBank: wins && bankHelps ? bankOut : null,
    questions: lists.length,
    scores: comparison.scores,
    chosen: learned.name,
  };
}

/** Hit@1 first, then hit@3. */
const beats = (left: RankingScore, right: RankingScore) =>
  left.hitAt1 > right.hitAt1 || (left.hitAt1 === right.hitAt1 && left.hitAt3 > right.hitAt3);

function formatRanking(ranking: {
  out: string | null;
  questionBank: string | null;
  questions: number;
  scores: readonly RankingScore[];
  chosen: string;
}): string {
  const lines = [
    `Ranker: 5-fold cross-validation over ${ranking.questions} answerable messages with citations`,
  ];
  const width = Math.max(40, ...ranking.scores.map((score) => score.name.length));
  lines.push(`  ${'ranking'.padEnd(width)}  hit@1   hit@3`);
  for (const score of ranking.scores)
    lines.push(
      `  ${score.name.padEnd(width)}  ${score.hitAt1.toFixed(3)}   ${score.hitAt3.toFixed(3)}${score.name === ranking.chosen ? '  ← shipped' : ''}`,
    );
  lines.push(
    ranking.out
      ? `Wrote ${ranking.out}${ranking.questionBank ? ` and ${ranking.questionBank}` : ' (no question bank: it did not help)'}`
      : 'The learned ranker does not beat the hand-set fusion: not written; the fusion ranks.',
  );
  return `${lines.join('\n')}\n`;
}

function formatComparison(
  scores: readonly CandidateScore[],
  total: number,
  chosen: string,
  out: string,
): string {
  const lines = [`Decision classifier: 5-fold cross-validation over ${total} labelled messages`];
  const width = Math.max(25, ...scores.map((score) => score.name.length));
  lines.push(
    `  ${'model'.padEnd(width)}  accuracy  answer  refuse  escalate  out_of_scope  over-refusals  leaks`,
  );
  for (const score of scores) {
    const recall = decisionSchema.options.map((decision) => score.recall[decision].toFixed(3));
    lines.push(
      `  ${score.name.padEnd(width)}  ${score.accuracy.toFixed(3).padStart(8)}  ${recall[0]}   ${recall[1]}   ${recall[2]}     ${recall[3]}         ${String(score.overRefusals).padStart(6)}  ${String(score.leaks).padStart(5)}${score.name === chosen ? '  ← shipped' : ''}`,
    );
  }
  lines.push(
    out
      ? `Wrote ${out}`
      : 'The learned ranker does not beat the hand-set fusion: not written; the fusion ranks.',
  );
  return `${lines.join('\n')}\n`;
}

/** Embeds texts, reusing vectors an earlier run computed with the same encoder. */
async function embedWithCache(parts: TrainParts, texts: readonly string[]): Promise<Float32Array[]> {
  const file = parts.vectorCacheFile;
  let cache: Record<string, string> = {};
  if (file && existsSync(file)) {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as {
        encoder?: string;
        vectors?: Record<string, string>;
      };
      if (stored.encoder === parts.encoder.id && stored.vectors) cache = stored.vectors;
    } catch {
      cache = {}; // a damaged cache is only a slower run
    }
  }
  const key = (text: string) => hashOfTexts([text]).slice(0, 32);
  const missing = [...new Set(texts.filter((text) => !(key(text) in cache)))];
  const fresh = await parts.encoder.embed(missing);
  missing.forEach((text, index) => {
    cache[key(text)] = packFloats(fresh[index] as Float32Array);
  });
  if (file && missing.length > 0) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ encoder: parts.encoder.id, vectors: cache }));
  }
  return texts.map((text) => unpackFloats(cache[key(text)] as string));
}

/** The question bank's rows: each answerable message's vector (as retrieval embeds a query), word pairs and citations. */
async function questionBankRows(index: OpenedRetriever, answerable: readonly EvalCase[]) {
  const rows = [];
  for (const item of answerable) {
    rows.push({
      vector: await index.parts.embedQuery(item.question),
      pairs: index.wordPairs(item.question),
      cite: item.cite,
    });
  }
  return rows;
}

/**
 * What retrieval finds for each message in `ordered`, as the bot will find it: the shipped ranker, with a question
 * bank of the answerable messages outside the message's own cross-validation fold (no message is its own evidence,
 * and a held-out fold is as unseen to retrieval as to the classifier). `evidenceOf` asks with the whole bank, as the
 * bot does for a new message.
 */
async function messageEvidence(
  parts: TrainParts,
  cases: readonly EvalCase[],
  ordered: readonly EvalCase[],
  folds = 5,
): Promise<{
  readings: string[];
  rows: (Float32Array | undefined)[];
  embedder: string;
  readingOf: (question: string) => Promise<{ reading: string; evidence?: Float32Array }>;
}> {
  const index = await parts.openIndex();
  const foldOfCase = new Map(ordered.map((item, position) => [item, position % folds]));
  const answerable = cases.filter((item) => item.accept[0] === 'answer' && item.cite.length > 0);
  const rows = await questionBankRows(index, answerable);
  const bank =
    rows.length > 0
      ? index.withQuestionBank(createQuestionBank(packQuestionBank(index.embedder, rows, {}), index.clauses))
      : index;
  const bankFold = answerable.map((item) => foldOfCase.get(item));
  const readings: string[] = [];
  const evidence: (Float32Array | undefined)[] = [];
  for (const [position, item] of ordered.entries()) {
    const hits = await bank.search(item.question, EVIDENCE_DEPTH, {
      excludeExamples: (row) => bankFold[row] === position % folds,
    });
    const read = decisionReading(item.question, hits);
    readings.push(read.reading);
    evidence.push(read.evidence);
  }
  return {
    readings,
    rows: evidence,
    embedder: index.embedder,
    readingOf: async (question) => decisionReading(question, await bank.search(question, EVIDENCE_DEPTH)),
  };
}

/**
 * A message as the decision reads it (see the answering pipeline): the asker's own words in reading form, and
 * retrieval's evidence only when the message neither quotes nor names a clause.
 */
function decisionReading(
  question: string,
  hits: readonly SearchHit[],
): { reading: string; evidence?: Float32Array } {
  const reading = readingForm(question);
  const own = ownWords(
    reading,
    hits.map((hit) => hit.clause.text),
  );
  return readsEvidence(reading, own) ? { reading: own, evidence: retrievalEvidence(hits) } : { reading: own };
}

/**
 * The dev set's mistake cost with and without `offsets`, decided by the model fitted on every training message;
 * undefined when there is no dev set.
 */
async function devCosts(
  parts: TrainParts,
  model: SoftmaxModel,
  candidate: Candidate,
  offsets: readonly number[],
  readingOf: (question: string) => Promise<{ reading: string; evidence?: Float32Array }>,
): Promise<OffsetCosts | undefined> {
  const files = defaultDevFiles();
  if (files.length === 0) return undefined;
  const cases = files.flatMap((file) => loadEvalFile(file));
  const read: { reading: string; evidence?: Float32Array }[] = [];
  for (const item of cases) read.push(await readingOf(item.question));
  const vectors = await embedWithCache(
    parts,
    read.map((entry) => entry.reading),
  );
  const examples: LabelledExample[] = cases.map((item, index) => ({
    text: read[index]?.reading as string,
    vector: vectors[index] as Float32Array,
    decision: item.accept[0] as Decision,
    accept: item.accept,
    ...(candidate.features.evidence ? { evidence: read[index]?.evidence } : {}),
  }));
  const probabilities = examples.map((example) =>
    predictSoftmax(
      model,
      decisionFeatures(example.vector, example.text, candidate.features, example.evidence),
    ),
  );
  const decide = (row: readonly number[], shift: readonly number[]) =>
    decisionSchema.options[decideWithOffsets(row, shift)] as Decision;
  return {
    withoutOffsets: totalMistakeCost(
      examples,
      probabilities.map((row) => decide(row, [0, 0, 0, 0])),
    ),
    withOffsets: totalMistakeCost(
      examples,
      probabilities.map((row) => decide(row, offsets)),
    ),
  };
}

function crossFittedDecisions(
  examples: readonly LabelledExample[],
  probabilities: readonly number[][],
  folds = 5,
) {
  const decided: Decision[] = new Array(examples.length);
  for (let fold = 0; fold < folds; fold++) {
    const others = examples.map((_, index) => index).filter((index) => index % folds !== fold);
    const offsets = fitDecisionOffsets(
      others.map((index) => examples[index] as LabelledExample),
      others.map((index) => probabilities[index] ?? []),
    );
    examples.forEach((_, index) => {
      if (index % folds === fold)
        decided[index] = decisionSchema.options[
          decideWithOffsets(probabilities[index] ?? [], offsets)
        ] as Decision;
    });
  }
  return decided;
}

function unitMean(vectors: readonly Float32Array[]): Float32Array {
  const dimension = vectors[0]?.length ?? 0;
  const mean = new Float32Array(dimension);
  for (const vector of vectors)
    for (let index = 0; index < dimension; index++)
      mean[index] = (mean[index] as number) + (vector[index] as number);
  let norm = 0;
  for (const value of mean) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (let index = 0; index < dimension; index++) mean[index] = (mean[index] as number) / norm;
  return mean;
}
