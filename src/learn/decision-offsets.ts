/** The decision after adding each class's offset to its log-probability. */
export function decideWithOffsets(probabilities: readonly number[], offsets: readonly number[]): number {
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  probabilities.forEach((probability, index) => {
    const score = Math.log(Math.max(probability, 1e-12)) + (offsets[index] ?? 0);
    if (score > bestScore) {
      bestScore = score;
      best = index;
    }
  });
  return best;
}
