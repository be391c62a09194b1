/**
 * Median of a list of numbers (mean of the two middle values for an even count).
 * @param {number[]} values
 * @returns {number} NaN for an empty list.
 */
export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A figure's cell: the median of its successful samples, or why it failed.
 * @typedef {{ median: number, samples: number[], runs: number, error?: string } | { error: string }} Cell
 */

/**
 * Builds a cell from the samples of several runs and the failures among them.
 * @param {number[]} samples Successful measurements.
 * @param {string[]} errors One reason per failed run.
 * @param {number} runs How many runs were attempted.
 * @returns {Cell}
 */
export function cell(samples, errors, runs) {
  if (samples.length === 0) return { error: errors[0] ?? 'no samples' };
  return { median: median(samples), samples, runs, ...(errors.length ? { error: errors[0] } : {}) };
}

/**
 * Formats a number of milliseconds for a table: 3 significant figures, at most 2 decimals.
 * @param {number} ms
 * @returns {string}
 */
export function formatMs(ms) {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

/**
 * `value / base` formatted as a ratio ("0.04x", "0.85x", "1.3x", "12x", "830x"): two decimals
 * below 1, so small ratios (targets such as 0.1x) stay readable; '–' when either is missing.
 * @param {number} value
 * @param {number} base
 * @returns {string}
 */
export function formatRatio(value, base) {
  if (!Number.isFinite(value) || !Number.isFinite(base) || base <= 0) return '–';
  const ratio = value / base;
  return ratio >= 10 ? `${ratio.toFixed(0)}x` : ratio >= 1 ? `${ratio.toFixed(1)}x` : `${ratio.toFixed(2)}x`;
}
