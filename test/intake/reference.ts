import { DateTime } from 'luxon';

/**
 * The instant a local wall-clock `YYYY-MM-DDTHH:mm` denotes in `zone`, found independently of the library: every
 * instant whose local rendering (by luxon) is that text, the earliest kept (the fall-back rule). Throws for a
 * time that does not exist (corpus entries write a spring-gap time as the instant it denotes).
 */
export function localMs(text: string, zone: string): number {
  const naive = DateTime.fromISO(text, { zone: 'UTC' }).toMillis();
  if (Number.isNaN(naive)) throw new Error(`bad local time ${text}`);
  let best: number | undefined;
  for (let minutes = -14 * 60; minutes <= 14 * 60; minutes += 15) {
    const t = naive - minutes * 60_000;
    if (DateTime.fromMillis(t, { zone }).toFormat("yyyy-MM-dd'T'HH:mm") === text) {
      if (best === undefined || t < best) best = t;
    }
  }
  if (best === undefined) throw new Error(`${text} does not exist in ${zone}`);
  return best;
}

/** `[start, end]` where `end` may be `HH:mm` on the start's date. */
export function expandEnd(start: string, end: string): string {
  return end.length === 5 ? `${start.slice(0, 11)}${end}` : end;
}
