// Summaries of measured samples.

/** The `q` quantile (0 to 1) of `samples`, by the nearest-rank method; null for no samples. */
export function quantile(samples, q) {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** The mean of `samples`; null for no samples. */
export function mean(samples) {
  return samples.length === 0 ? null : samples.reduce((sum, x) => sum + x, 0) / samples.length;
}

/** p50 and p99 of `samples`, rounded to `digits` decimals. */
export function percentiles(samples, digits = 1) {
  const round = (x) => (x === null ? null : Number(x.toFixed(digits)));
  return { p50: round(quantile(samples, 0.5)), p99: round(quantile(samples, 0.99)), n: samples.length };
}
