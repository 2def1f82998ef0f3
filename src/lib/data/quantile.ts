/** The p-quantile (0–1) of ascending numbers, interpolating between neighbours (the median of 1, 2, 3, 4 is 2.5). */
export function quantile(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  return lo === at ? sorted[lo] : sorted[lo] + (sorted[lo + 1] - sorted[lo]) * (at - lo);
}
