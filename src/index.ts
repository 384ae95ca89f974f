/**
 * `astreinte`: the on-call rota engine of a volunteer listening line. The one public entry; everything here is
 * browser-safe (no `node:` imports), reads no clock and no host time zone.
 *
 * @packageDocumentation
 */

// Errors
export {
  AstreinteError,
  ValidationError,
  type ValidationIssue,
} from './model/errors.js';

// The team file
export { parseTeam, type SafeParseTeamResult, safeParseTeam } from './model/parse.js';
export type { TeamInput } from './model/resolve.js';
export { type TeamFile, teamFileSchema } from './model/schema.js';
export type { Coach, CoveragePolicy, Team, UnavailableSpan } from './model/team.js';
// Reports
export { type CoverageJson, coverageToJson } from './reporting/coverage-json.js';
export { type CoverageTextOptions, coverageToText } from './reporting/coverage-text.js';
export { type RotaJson, type RotaLoadJson, type RotaShiftJson, rotaToJson } from './reporting/rota-json.js';
export { rotaToText } from './reporting/rota-text.js';
// Coverage and gaps
export { coachFreeTime } from './rota/availability.js';
export {
  type CoachCoverage,
  type CoverageOptions,
  type CoverageReport,
  type CoverageStats,
  computeCoverage,
} from './rota/coverage.js';
export { waterFill } from './rota/fair-share.js';
export { type CoverageGap, findGaps, spansWithCount } from './rota/gaps.js';
export { generateRota } from './rota/generate.js';
export { type Horizon, MAX_HORIZON_MS } from './rota/horizon.js';
export { balanceScore } from './rota/load.js';
// The rota
export { type RotaPolicy, type RotaPolicyInput, resolvePolicy } from './rota/policy.js';
export { type HourOfWeekCell, hourOfWeekProfile } from './rota/profile.js';
export type {
  CoachLoad,
  Override,
  Rota,
  RotaFlag,
  RotaOptions,
  RotaQuality,
  Shift,
  UnfilledReason,
  UnfilledSpan,
} from './rota/rota.js';
export { applySwaps, type ShiftRef, type Swap } from './rota/swaps.js';
export { type CountTimeline, sweepCounts } from './rota/sweep.js';
export { type CoverageSegment, timelineSegments } from './rota/timeline.js';
// Time core
export { formatInstant, formatLocal, formatOffset } from './time/format.js';
export {
  clip,
  contains,
  containsInterval,
  difference,
  emptySet,
  fromIntervals,
  type IntervalSet,
  intersect,
  isNormalized,
  normalize,
  overlaps,
  toIntervals,
  totalLength,
  union,
} from './time/intervals.js';
export {
  dayOf,
  formatLocalDate,
  formatLocalDateTime,
  parseLocalDate,
  parseLocalDateTime,
  parseTimeOfDay,
  WEEKDAY_CODES,
  type WeekdayCode,
  weekdayOf,
} from './time/local.js';
export {
  type AvailabilityRule,
  type DateRule,
  expandRules,
  type RRuleRule,
  ruleDates,
  type WeeklyRule,
  type WindowTimes,
} from './time/recurrence.js';
export {
  DAY,
  HOUR,
  type Instant,
  type Interval,
  type LocalDate,
  type LocalDateTime,
  MINUTE,
} from './time/types.js';
export {
  buildZoneTable,
  instantToLocal,
  isKnownZone,
  localToInstant,
  localToInstantCursor,
  offsetAt,
  startOfLocalDate,
  type ZoneTable,
} from './time/zone.js';
