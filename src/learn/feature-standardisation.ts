/** Each feature's mean and standard deviation over every row of every query (a constant feature gets scale 1). */
export function standardisation(
  queries: ReadonlyArray<{ rows: readonly Float32Array[] }>,
  width: number,
): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(width).fill(0);
  const square = new Array<number>(width).fill(0);
  let count = 0;
  for (const query of queries)
    for (const row of query.rows) {
      count++;
      for (let index = 0; index < width; index++) {
        mean[index] = (mean[index] as number) + (row[index] as number);
        square[index] = (square[index] as number) + (row[index] as number) ** 2;
      }
    }
  const scale = mean.map((sum, index) => {
    const average = sum / Math.max(1, count);
    mean[index] = average;
    return Math.sqrt(Math.max((square[index] as number) / Math.max(1, count) - average * average, 0)) || 1;
  });
  return { mean, scale };
}

/** A row with each feature centred and scaled by a {@link standardisation}. */
export function standardiseRow(
  row: Float32Array,
  { mean, scale }: { mean: readonly number[]; scale: readonly number[] },
): Float64Array {
  return Float64Array.from(row, (value, index) => (value - (mean[index] ?? 0)) / (scale[index] ?? 1));
}

/** `weights · row`, the row standardised by `mean` and `scale` as the weights were trained. */
export function standardisedDot(
  weights: ArrayLike<number>,
  mean: readonly number[],
  scale: readonly number[],
  row: Float32Array,
): number {
  let sum = 0;
  for (let index = 0; index < row.length; index++)
    sum += (weights[index] ?? 0) * (((row[index] as number) - (mean[index] ?? 0)) / (scale[index] || 1));
  return sum;
}
