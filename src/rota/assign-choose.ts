/**
 * Who takes each layer in one piece of the horizon: each layer's candidates in order of preference (the previous
 * rota's holder, the current holder while it is fair to keep them, then the most urgent against their fair shares,
 * nights and weekends breaking ties), and the matching that fills layers in order along augmenting paths.
 *
 * @module
 */

import { previousHolder } from './assign-segment.js';
import { type AssignState, NONE, TIE } from './assign-state.js';

/**
 * Each unpinned layer's candidates, most preferred first (see the module notes for the order). Only the best
 * `layerCount + 2` are kept per layer, found in one pass: the matching never needs more (a layer with that many
 * candidates can always be filled, whatever the other layers take).
 */
export function preferences(
  s: AssignState,
  a: number,
  len: number,
  assigned: Int32Array,
  pinned: Uint8Array,
  eligible: (c: number, l: number) => boolean,
  usable: (c: number) => number,
): number[][] {
  const grid = s.isGrid.has(a);
  s.piece++;
  // Secondary claims, in a piece with night (weekend) time: the night (weekend) share still owed.
  const atNight = s.nightSeen(a, a + len) / len;
  const atWeekend = s.weekendSeen(a, a + len) / len;
  const owed = (c: number) =>
    atNight * owedShare(s.nightFair[c]! - s.nightLoad[c]!, s.nightFreeFrom, c, a) +
    atWeekend * owedShare(s.weekendFair[c]! - s.weekendLoad[c]!, s.weekendFreeFrom, c, a);
  const secondary = (x: number, y: number) => (atNight + atWeekend > 0 ? owed(y) - owed(x) : 0);
  // Layer claims first (keys kx, ky); within a tie (up to rounding), nights, then weekends.
  const byKeys = (kx: number, ky: number, x: number, y: number) =>
    Math.abs(kx - ky) > TIE * Math.max(Math.abs(kx), Math.abs(ky)) ? ky - kx : secondary(x, y);
  const claim = (x: number, y: number, l: number) => byKeys(key(x, l), key(y, l), x, y);
  // Urgency for layer l: the share of a coach's remaining free time they are still owed of layers 0..l together
  // (the first line's own share; the last layer's running total is the total). The most urgent goes first (see
  // `key`), so a coach who is free rarely is not left below their share; between equals, the urgency for the
  // layer itself, then team order.
  // Coaches past their share rank by how far past (hours, always below anyone still owed): the least loaded of
  // them goes first in hours few can cover, however much free time they have left. The free time left (a binary
  // search) is computed once per coach and piece; the rest is a few subtractions, cheaper to redo than to memoize.
  const freeLeft = (c: number) => {
    if (s.freeLeftPiece[c] !== s.piece) {
      s.freeLeftPiece[c] = s.piece;
      s.freeLeftValue[c] = Math.max(s.freeFrom(c, a), 1);
    }
    return s.freeLeftValue[c]!;
  };
  const urgency = (c: number, l: number) => {
    let owed = s.fair[c * s.layerCount + l]!;
    for (let m = 0; m <= l; m++) owed -= s.layerLoad[c * s.layerCount + m]!;
    return owed > 0 ? owed / freeLeft(c) : owed;
  };
  // The first line counts towards its own share and towards the total: a coach's claim to it is the lesser of
  // the two urgencies, so it goes to whoever is furthest below their first-line share without pushing their
  // total off. The other layers go by the total (as before per-layer shares: that keeps every total within one
  // hand-off block of its share); the split between layers is then balanced by `balanceLayers`. `u` is the
  // urgency for layer l itself.
  const last = s.layerCount - 1;
  const keyOfUrgency = (c: number, l: number, u: number) =>
    l === last ? u : l === 0 ? Math.min(u, urgency(c, last)) : urgency(c, last);
  const key = (c: number, l: number) => keyOfUrgency(c, l, urgency(c, l));
  // Between hand-off times, coaches holding another layer come after everyone else (those of the least
  // important layer first), so a layer left by its holder is refilled without moving other layers' holders.
  // Coaches who can hold the whole piece come before those whose cap or stretch ends inside it.
  const rank = (c: number, l: number) => {
    const held = grid ? NONE : indexIn(s.holder, c);
    return (usable(c) < len ? 1 : 0) + (held === NONE || held === l ? 0 : 2 * (s.layerCount - held));
  };
  const keep = s.layerCount + 2;
  // The kept candidates' rank, key and urgency, by coach, for the comparisons of the insertion.
  const { rankOf, keyOf, urgencyOf } = s.scratch;
  const prefs: number[][] = [];
  for (let l = 0; l < s.layerCount; l++) {
    if (pinned[l] === 1) {
      prefs.push([]);
      continue;
    }
    const before = (x: number, y: number) =>
      rankOf[x]! - rankOf[y]! || byKeys(keyOf[x]!, keyOf[y]!, x, y) || urgencyOf[y]! - urgencyOf[x]! || x - y;
    const best: number[] = [];
    // The worst kept so far, w, and its rank, key and urgency: every candidate is compared with it (some 250 times
    // a piece at 1,000 coaches), so that comparison reads locals. The same values and the same comparisons as
    // `before(c, w)` on `rank`, `claim` and `urgency`, hence the same order.
    let w = NONE;
    let wr = 0;
    let wk = 0;
    let wu = 0;
    for (const c of s.freeList) {
      if (indexIn(assigned, c) !== NONE || !eligible(c, l)) continue;
      const r = rank(c, l);
      const u = urgency(c, l);
      const k = keyOfUrgency(c, l, u);
      if (best.length === keep && (r - wr || byKeys(k, wk, c, w) || wu - u || c - w) >= 0) continue;
      rankOf[c] = r;
      keyOf[c] = k;
      urgencyOf[c] = u;
      let i = Math.min(best.length, keep - 1);
      best[i] = c;
      for (; i > 0 && before(best[i]!, best[i - 1]!) < 0; i--)
        [best[i - 1], best[i]] = [best[i]!, best[i - 1]!];
      if (best.length === keep) {
        w = best[keep - 1]!;
        wr = rankOf[w]!;
        wk = keyOf[w]!;
        wu = urgencyOf[w]!;
      }
    }
    const list: number[] = [];
    const available = (c: number) => c !== NONE && indexIn(assigned, c) === NONE && eligible(c, l);
    const prev = previousHolder(s.previousByLayer[l]!, s.previousCursor, l, a, a + len);
    if (available(prev)) list.push(prev);
    const h = s.holder[l]!;
    if (s.holderByOverride[l] === 0 && available(h) && h !== prev) {
      const rival = best.find((c) => c !== h);
      const young = a - s.holderSince[l]! < s.policy.minShiftMs;
      // At a hand-off time the holder stays only for a whole block, and only while no one is more urgent.
      const fairToKeep = usable(h) >= len && (rival === undefined || claim(h, rival, l) <= 0);
      if (!grid || young || fairToKeep) list.push(h);
    }
    for (const c of best) if (!list.includes(c)) list.push(c);
    prefs.push(list);
  }
  return prefs;
}

/** Layers in order, each matched along augmenting paths, so earlier layers are filled first and stay filled. */
export function matchLayers(prefs: number[][], assigned: Int32Array, pinned: Uint8Array): void {
  const owner = new Map<number, number>();
  for (let l = 0; l < pinned.length; l++) if (pinned[l] === 1) owner.set(assigned[l]!, l);
  const take = (l: number, c: number) => {
    owner.set(c, l);
    assigned[l] = c;
  };
  const tryLayer = (l: number, visited: Set<number>): boolean => {
    // A coach nobody holds first, in preference order: moving another layer's holder is a needless hand-off.
    for (const c of prefs[l]!) {
      if (!visited.has(c) && !owner.has(c)) {
        visited.add(c);
        take(l, c);
        return true;
      }
    }
    // Only then an augmenting path: the holder moves to another of their layers so that both are filled.
    for (const c of prefs[l]!) {
      if (visited.has(c)) continue;
      visited.add(c);
      const other = owner.get(c)!;
      if (pinned[other] === 0 && tryLayer(other, visited)) {
        take(l, c);
        return true;
      }
    }
    return false;
  };
  for (let l = 0; l < pinned.length; l++) if (pinned[l] === 0) tryLayer(l, new Set());
}

/** Like the layer urgency: owed time ÷ time left in the window when owed, else the (negative) excess. */
function owedShare(owed: number, left: (c: number, t: number) => number, c: number, t: number): number {
  return owed > 0 ? owed / Math.max(left(c, t), 1) : owed;
}

/** Where coach `c` sits in a small per-layer array (holders, assignments), or NONE: a plain loop, inlined. */
function indexIn(byLayer: Int32Array, c: number): number {
  for (let l = 0; l < byLayer.length; l++) if (byLayer[l] === c) return l;
  return NONE;
}
