/**
 * Resolves or rejects like `promise`, or rejects with "timed out after <ms> ms
 * (<what>)" if it has not settled by then.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what Names the step in the error message.
 * @returns {Promise<T>}
 */
export function withTimeout(promise, ms, what) {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms (${what})`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/**
 * Waits `ms` milliseconds.
 * @param {number} ms
 * @returns {Promise<void>}
 */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A one-line reason for a failure, for a report cell.
 * @param {unknown} error
 * @returns {string}
 */
export function reason(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0].replace(/\|/g, '/').slice(0, 160);
}
