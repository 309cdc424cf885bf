import {
  type Decision,
  decisionFeatures,
  decisionSchema,
  type EvidenceScaling,
  type FeatureSettings,
} from '../../answer/index.js';
import {
  blendProbabilities,
  decideWithOffsets,
  neighbourVote,
  predictSoftmax,
  type SoftmaxModel,
  type SoftmaxTraining,
  trainSoftmax,
} from '../../learn/index.js';

/** One labelled training message with its sentence vector. */
export interface LabelledExample {
  text: string;
  vector: Float32Array;
  /** The decision a careful reader gives it (first of `accept`). */
  decision: Decision;
  /** Every decision counted as correct. */
  accept: readonly Decision[];
  /** What retrieval found for it (`retrievalEvidence`), for candidates that read evidence. */
  evidence?: Float32Array;
}

/** A model family and its settings, as compared by cross-validation. */
export interface Candidate {
  name: string;
  /** `blend`: the softmax's probabilities blended with the vote of the nearest labelled examples. */
  kind: 'softmax' | 'nearest' | 'blend';
  features: FeatureSettings;
  training: SoftmaxTraining;
  /** Neighbours for `nearest` and `blend`. */
  neighbours?: number;
  /** The vote's share of a `blend`'s probabilities. */
  blend?: number;
}

/** How sharply a nearer labelled example outvotes a farther one: weight exp(10 × cosine). */
export const neighbourTemperature = 10;

/** Cross-validated figures of one candidate. */
export interface CandidateScore {
  name: string;
  accuracy: number;
  /** Recall per decision (share of each decision's examples decided acceptably). */
  recall: Record<Decision, number>;
  /** Answerable examples refused. */
  overRefusals: number;
  /** Political advice (refuse examples) answered. */
  leaks: number;
}

const classes = decisionSchema.options;

/** The candidate that `evidenceCandidate` extends. */
const withoutEvidence = 'softmax+words+letters-weak-l2, 8192 buckets';

/**
 * The candidates compared by default: nearest neighbours; softmax over the encoder alone, with hashed words, and
 * with hashed words and letters (the last at two strengths of L2, the setting cross-validation is most sensitive to,
 * and with 2,048 or 8,192 buckets of each); and that softmax with the nearest labelled examples' vote blended in at
 * two shares. Only the softmax ones ship: the others are measured for comparison (on 6,221 messages the blends were
 * more accurate and refused fewer protocol questions, but answered more requests for political advice and missed
 * more cases for the Monitoring Officer).
 */
export const defaultCandidates: Candidate[] = [
  { name: 'nearest-7', kind: 'nearest', neighbours: 7, features: noWords(), training: softmaxDefaults() },
  { name: 'softmax', kind: 'softmax', features: noWords(), training: softmaxDefaults() },
  {
    name: 'softmax+words',
    kind: 'softmax',
    features: { ngramBuckets: 2048, ngramWeight: 1 },
    training: softmaxDefaults(),
  },
  {
    name: 'softmax+words+letters',
    kind: 'softmax',
    features: withLetters(),
    training: { ...softmaxDefaults(), l2: 1e-4 },
  },
  {
    name: 'softmax+words+letters-weak-l2',
    kind: 'softmax',
    features: withLetters(),
    training: { ...softmaxDefaults(), l2: 3e-5 },
  },
  {
    name: withoutEvidence,
    kind: 'softmax',
    features: withLetters(8192),
    training: { ...softmaxDefaults(), l2: 3e-5 },
  },
  ...[0.2, 0.35].map(
    (blend): Candidate => ({
      name: `softmax+words+letters-weak-l2, nearest-10 vote ${blend}`,
      kind: 'blend',
      features: withLetters(),
      training: { ...softmaxDefaults(), l2: 3e-5 },
      neighbours: 10,
      blend,
    }),
  ),
];

/**
 * The shipped softmax's features (8,192 buckets of words and of letters) with retrieval's evidence appended, scaled
 * to the training messages: a candidate only when training could compute evidence for every message.
 */
export function evidenceCandidate(evidence: EvidenceScaling): Candidate {
  const base = defaultCandidates.find((candidate) => candidate.name === withoutEvidence) as Candidate;
  return {
    ...base,
    name: `${withoutEvidence}, retrieval evidence`,
    features: { ...base.features, evidence },
  };
}

/** Hashed words and letters, `buckets` of each: more buckets, fewer collisions between unrelated words. */
function withLetters(buckets = 2048): FeatureSettings {
  return { ngramBuckets: buckets, ngramWeight: 1, charBuckets: buckets, charWeight: 1 };
}

function noWords(): FeatureSettings {
  return { ngramBuckets: 0, ngramWeight: 0 };
}

function softmaxDefaults(): SoftmaxTraining {
  return { l2: 1e-3, epochs: 200, learningRate: 0.05 };
}

/** Weights that give each decision the same total say, so the smaller classes are not drowned out. */
function balancedWeights(examples: readonly LabelledExample[]): number[] {
  const counts = new Map<Decision, number>();
  for (const example of examples) counts.set(example.decision, (counts.get(example.decision) ?? 0) + 1);
  return examples.map((example) => examples.length / (counts.size * (counts.get(example.decision) ?? 1)));
}

/** Fits a softmax candidate on `examples`. */
export function fitSoftmax(examples: readonly LabelledExample[], candidate: Candidate): SoftmaxModel {
  const rows = examples.map((example) =>
    decisionFeatures(example.vector, example.text, candidate.features, example.evidence),
  );
  const labels = examples.map((example) => classes.indexOf(example.decision));
  return trainSoftmax(rows, labels, classes.length, {
    ...candidate.training,
    sampleWeights: balancedWeights(examples),
  });
}

/** Fits a candidate's softmax on a training fold (a cache may hand back one already fitted to the same settings). */
type SoftmaxFitter = (train: readonly LabelledExample[], candidate: Candidate) => SoftmaxModel;

/**
 * A fitter that fits each fold once per softmax setting: a blend's softmax is the one its plain candidate already
 * fitted on the same fold (same features and training), so cross-validation does not fit it again.
 */
function sharedFits(): SoftmaxFitter {
  const fitted = new Map<string, Map<readonly LabelledExample[], SoftmaxModel>>();
  return (train, candidate) => {
    const key = JSON.stringify([candidate.features, candidate.training]);
    const byFold = fitted.get(key) ?? new Map<readonly LabelledExample[], SoftmaxModel>();
    fitted.set(key, byFold);
    const model = byFold.get(train) ?? fitSoftmax(train, candidate);
    byFold.set(train, model);
    return model;
  };
}

/** Each decision's probability for an example, from a softmax or blend candidate fitted on `train`. */
function probabilityPredictor(
  candidate: Candidate,
  train: readonly LabelledExample[],
  fit: SoftmaxFitter = fitSoftmax,
): (example: LabelledExample) => number[] {
  const model = fit(train, candidate);
  const fitted = (example: LabelledExample) =>
    predictSoftmax(
      model,
      decisionFeatures(example.vector, example.text, candidate.features, example.evidence),
    );
  if (candidate.kind !== 'blend') return fitted;
  const vote = voter(train, candidate);
  return (example) => blendProbabilities(fitted(example), vote(example), candidate.blend ?? 0);
}

/** The vote of an example's nearest `candidate.neighbours` in `train` (weight exp(10 × cosine)). */
function voter(
  train: readonly LabelledExample[],
  candidate: Candidate,
): (example: LabelledExample) => number[] {
  const labels = train.map((example) => classes.indexOf(example.decision));
  const voting = { count: candidate.neighbours ?? 10, temperature: neighbourTemperature };
  return (example) =>
    neighbourVote(
      train.map((other) => dot(other.vector, example.vector)),
      labels,
      classes.length,
      voting,
    );
}

/** Predicts with a candidate fitted on `train`: the most probable decision (for `nearest`, the largest vote). */
function predictor(
  candidate: Candidate,
  train: readonly LabelledExample[],
  fit: SoftmaxFitter,
): (example: LabelledExample) => Decision {
  const probabilities =
    candidate.kind === 'nearest' ? voter(train, candidate) : probabilityPredictor(candidate, train, fit);
  return (example) => {
    const row = probabilities(example);
    return classes[row.indexOf(Math.max(...row))] as Decision;
  };
}

/** Scores predictions against the examples' accepted decisions. */
export function scorePredictions(
  name: string,
  examples: readonly LabelledExample[],
  predicted: readonly Decision[],
): CandidateScore {
  const correct = (index: number) => examples[index]?.accept.includes(predicted[index] as Decision) ?? false;
  const recall = Object.fromEntries(
    classes.map((decision) => {
      const of = examples
        .map((example, index) => (example.decision === decision ? index : -1))
        .filter((i) => i >= 0);
      return [decision, of.length === 0 ? 0 : of.filter(correct).length / of.length];
    }),
  ) as Record<Decision, number>;
  return {
    name,
    accuracy: examples.filter((_, index) => correct(index)).length / Math.max(1, examples.length),
    recall,
    overRefusals: examples.filter(
      (example, index) => example.accept.includes('answer') && predicted[index] === 'refuse',
    ).length,
    leaks: examples.filter((example, index) => example.decision === 'refuse' && predicted[index] === 'answer')
      .length,
  };
}

/**
 * K-fold cross-validation of each candidate: every example is predicted by a model that never saw it. Folds are
 * fixed by position (the caller shuffles deterministically), so runs are repeatable.
 */
export function crossValidate(
  examples: readonly LabelledExample[],
  candidates: readonly Candidate[] = defaultCandidates,
  folds = 5,
): CandidateScore[] {
  const trainFolds = Array.from({ length: folds }, (_, fold) =>
    examples.filter((_, index) => index % folds !== fold),
  );
  const fit = sharedFits();
  return candidates.map((candidate) => {
    const predicted: Decision[] = new Array(examples.length);
    for (let fold = 0; fold < folds; fold++) {
      const train = trainFolds[fold] as LabelledExample[];
      const predict = predictor(candidate, train, fit);
      examples.forEach((example, index) => {
        if (index % folds === fold) predicted[index] = predict(example);
      });
    }
    return scorePredictions(candidate.name, examples, predicted);
  });
}

/**
 * The candidate to ship: the best cross-validated accuracy, where each over-refusal or leak costs as much as three
 * other mistakes (both are worse than a wrong escalation: DESIGN.md, "Over-refusal is a defect as serious as a leak").
 */
export function chooseCandidate(scores: readonly CandidateScore[], total: number): string {
  const cost = (score: CandidateScore) =>
    (1 - score.accuracy) * total + 2 * (score.overRefusals + score.leaks);
  return [...scores].sort((left, right) => cost(left) - cost(right))[0]?.name ?? 'softmax';
}

function dot(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += (left[index] as number) * (right[index] as number);
  return sum;
}

/** Probabilities of every example from a softmax or blend candidate that never saw it (k folds by position). */
export function outOfFoldProbabilities(
  examples: readonly LabelledExample[],
  candidate: Candidate,
  folds = 5,
): number[][] {
  const probabilities: number[][] = new Array(examples.length);
  for (let fold = 0; fold < folds; fold++) {
    const predict = probabilityPredictor(
      candidate,
      examples.filter((_, index) => index % folds !== fold),
    );
    examples.forEach((example, index) => {
      if (index % folds === fold) probabilities[index] = predict(example);
    });
  }
  return probabilities;
}

/**
 * What a mistake costs, by expected and decided decision. Refusing a protocol question and answering a request for
 * political advice are the worst (DESIGN.md: over-refusal is as serious as a leak); a missed case for the
 * Monitoring Officer is worse than an unneeded one.
 */
export const mistakeCosts: Record<Decision, Record<Decision, number>> = {
  answer: { answer: 0, refuse: 4, escalate: 1, out_of_scope: 1 },
  refuse: { answer: 4, refuse: 0, escalate: 1, out_of_scope: 1 },
  escalate: { answer: 2, refuse: 1, escalate: 0, out_of_scope: 2 },
  out_of_scope: { answer: 1, refuse: 1, escalate: 1, out_of_scope: 0 },
};

/** What deciding `decided` for one example costs (nothing when the example accepts it). */
function mistakeCost(example: LabelledExample, decided: Decision, costs = mistakeCosts): number {
  return example.accept.includes(decided) ? 0 : costs[example.decision][decided];
}

/** The total cost of `decided` against the examples' labels (a decision the example accepts costs nothing). */
export function totalMistakeCost(
  examples: readonly LabelledExample[],
  decided: readonly Decision[],
  costs = mistakeCosts,
): number {
  return examples.reduce(
    (sum, example, index) => sum + mistakeCost(example, decided[index] as Decision, costs),
    0,
  );
}

/**
 * Whether `candidate` decisions cost less than `baseline` beyond noise: the per-example cost differences must average
 * below zero by more than two standard errors (a paired test), so a rule that wins by a mistake or two is not taken.
 */
export function clearlyCheaper(
  examples: readonly LabelledExample[],
  candidate: readonly Decision[],
  baseline: readonly Decision[],
  costs = mistakeCosts,
): boolean {
  const differences = examples.map(
    (example, index) =>
      mistakeCost(example, candidate[index] as Decision, costs) -
      mistakeCost(example, baseline[index] as Decision, costs),
  );
  const count = Math.max(1, differences.length);
  const mean = differences.reduce((sum, value) => sum + value, 0) / count;
  const variance = differences.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, count - 1);
  return mean < 0 && -mean > 2 * Math.sqrt(variance / count);
}

/** Total mistake costs of a set decided by the probabilities alone and with the cost offsets. */
export interface OffsetCosts {
  withoutOffsets: number;
  withOffsets: number;
}

/**
 * Whether the cost offsets ship: cross-validation over the training messages must find them clearly cheaper (see
 * `clearlyCheaper`), and on the dev set — messages written apart from the training data, which training never fits —
 * they must cost no more. Training messages are written to probe the boundaries, so their out-of-fold mistakes can
 * reward a shift that the messages people actually send do not: on 7,471 messages cross-validation took offsets that
 * cut over-refusals (59 → 20) for more leaks (39 → 52), and on the dev set they cost 48 against 36.
 */
export function offsetsShip(clearlyCheaperInCv: boolean, dev?: OffsetCosts): boolean {
  return clearlyCheaperInCv && (dev === undefined || dev.withOffsets <= dev.withoutOffsets);
}

/**
 * Offsets added to each decision's log-probability that minimise the total mistake cost on out-of-fold
 * predictions (coordinate descent over a grid, answer's offset fixed at 0): a learned, cost-aware decision rule in
 * place of hand-set thresholds.
 */
export function fitDecisionOffsets(
  examples: readonly LabelledExample[],
  probabilities: readonly number[][],
  costs = mistakeCosts,
): number[] {
  const classes = decisionSchema.options;
  const offsets = classes.map(() => 0);
  const totalCost = (candidate: readonly number[]) =>
    totalMistakeCost(
      examples,
      probabilities.map((row) => classes[decideWithOffsets(row, candidate)] as Decision),
      costs,
    );
  let best = totalCost(offsets);
  for (let round = 0; round < 4; round++) {
    for (let k = 1; k < classes.length; k++) {
      for (let step = -30; step <= 30; step++) {
        const trial = [...offsets];
        trial[k] = step / 10;
        const cost = totalCost(trial);
        if (cost < best - 1e-9) {
          best = cost;
          offsets[k] = step / 10;
        }
      }
    }
  }
  return offsets;
}
