/** Numbers a trainer updates in place: a plain array or a typed one. */
type Mutable = { [index: number]: number; length: number };

/**
 * One Adam update (β₁ 0.9, β₂ 0.999, bias-corrected by `step`, counted from 1) of `parameters` along `gradient`, with
 * its first and second moment estimates kept in `first` and `second`. Shared by the ranking trainers.
 */
export function adamStep(
  parameters: Mutable,
  gradient: ArrayLike<number>,
  first: Mutable,
  second: Mutable,
  step: number,
  learningRate: number,
): void {
  for (let index = 0; index < parameters.length; index++) {
    const g = gradient[index] as number;
    first[index] = 0.9 * (first[index] as number) + 0.1 * g;
    second[index] = 0.999 * (second[index] as number) + 0.001 * g * g;
    const m = (first[index] as number) / (1 - 0.9 ** step);
    const v = (second[index] as number) / (1 - 0.999 ** step);
    parameters[index] = (parameters[index] as number) - (learningRate * m) / (Math.sqrt(v) + 1e-8);
  }
}
