/** How labelled neighbours vote: the `count` most similar examples, each weighing `exp(temperature × similarity)`. */
export interface NeighbourVoting {
  count: number;
  temperature: number;
}

/**
 * Each class's share of the vote of the `count` examples most similar to a query (`similarities[row]`, with
 * `labels[row]` the example's class): nearest labelled examples as evidence beside a global model, which they
 * correct where the data has local structure the model cannot draw (a near-miss among refusals).
 */
export function neighbourVote(
  similarities: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
  voting: NeighbourVoting,
): number[] {
  // The `count` best rows, best first (ties: the earlier row), kept by insertion: count is small.
  const best: number[] = [];
  for (let row = 0; row < similarities.length; row++) {
    const similarity = similarities[row] as number;
    if (
      best.length === voting.count &&
      similarity <= (similarities[best[best.length - 1] as number] as number)
    )
      continue;
    let at = best.length;
    while (at > 0 && similarity > (similarities[best[at - 1] as number] as number)) at--;
    best.splice(at, 0, row);
    if (best.length > voting.count) best.pop();
  }
  const votes = new Array<number>(classes).fill(0);
  const top = best.length > 0 ? (similarities[best[0] as number] as number) : 0;
  let total = 0;
  for (const row of best) {
    // Relative to the nearest, so large temperatures cannot overflow.
    const weight = Math.exp(voting.temperature * ((similarities[row] as number) - top));
    const label = labels[row] as number;
    votes[label] = (votes[label] as number) + weight;
    total += weight;
  }
  return votes.map((vote) => (total > 0 ? vote / total : 1 / classes));
}

/** `(1 − blend) × probabilities + blend × vote`: still a distribution over the classes. */
export function blendProbabilities(
  probabilities: readonly number[],
  vote: readonly number[],
  blend: number,
): number[] {
  return probabilities.map((probability, index) => (1 - blend) * probability + blend * (vote[index] ?? 0));
}
