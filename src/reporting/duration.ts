/**
 * Small text helpers shared by the reports people read.
 *
 * @module
 */

/**
 * A duration in minutes as `H h MM` (`9 h 00`, `0 h 30`, `1,234 h 05`): hours grouped for reading, minutes padded.
 *
 * @example formatMinutes(545) === '9 h 05'
 */
export function formatMinutes(minutes: number): string {
  const whole = Math.round(minutes);
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  return `${String(h).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} h ${String(m).padStart(2, '0')}`;
}

/**
 * A ratio 0-1 as a percentage with one decimal: `0.7125` gives `71.3%`.
 *
 * @example formatPercent(0.7125) === '71.3%'
 */
export function formatPercent(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

/** Rounds to 6 decimals, so JSON figures stay readable and identical across platforms. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
