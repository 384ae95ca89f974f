/**
 * Peak memory of one computation in a child process (Linux): the RSS before it, and `VmHWM` reset to the current
 * RSS just before it (`/proc/self/clear_refs`), so the peak is the computation's, not the spawning parent's (a
 * child's getrusage maxRSS starts at its parent's size at fork time). Elsewhere, `process.resourceUsage().maxRSS`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** A field of /proc/self/status in KiB (Linux), or undefined. */
export function procStatus(field) {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resets the peak-RSS counter; returns `{ baseKiB, hwmReset, peakKiB() }`: the RSS now, whether `VmHWM` could be
 * reset, and a function reading the peak since.
 */
export function startPeakRss() {
  let hwmReset = true;
  try {
    writeFileSync('/proc/self/clear_refs', '5'); // resets VmHWM to the current RSS
  } catch {
    hwmReset = false;
  }
  const baseKiB = procStatus('VmRSS') ?? process.memoryUsage().rss / 1024;
  return {
    baseKiB,
    hwmReset,
    peakKiB: () => (hwmReset ? procStatus('VmHWM') : undefined) ?? process.resourceUsage().maxRSS,
  };
}
