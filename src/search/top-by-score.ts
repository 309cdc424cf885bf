/**
 * The `count` ids with the highest `scores[id]` among `ids`, best first (ties keep the order of `ids`): one pass with
 * a short sorted list, cheaper than sorting everything when `count` is small.
 */
export function topByScore(ids: Iterable<number>, scores: ArrayLike<number>, count: number): number[] {
  const best: number[] = [];
  for (const id of ids) {
    const score = scores[id] as number;
    if (best.length === count && score <= (scores[best[count - 1] as number] as number)) continue;
    let at = best.length;
    while (at > 0 && (scores[best[at - 1] as number] as number) < score) at--;
    best.splice(at, 0, id);
    if (best.length > count) best.pop();
  }
  return best;
}
