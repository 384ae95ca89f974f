/**
 * `astreinte`: the on-call rota engine of a volunteer listening line. The one public entry; everything here is
 * browser-safe (no `node:` imports), reads no clock and no host time zone.
 *
 * @packageDocumentation
 */

// Errors
export {
  AstreinteError,
  fail,
  issue,
  redactedIssue,
  ValidationError,
  type ValidationIssue,
} from './errors.js';
// Intake: callback windows read from the caller's own words
export {
  DEFAULT_INTAKE_POLICY,
  type IntakePolicy,
  type IntakePolicyInput,
  PERIOD_NAMES,
  type PeriodBounds,
  type PeriodBoundsInput,
  type PeriodName,
  resolveIntakePolicy,
} from './intake/policy.js';
export {
  type CallbackWindowsReading,
  type DroppedWindow,
  type FoundContact,
  INTAKE_TEXT_LIMIT,
  type IntakeAmbiguity,
  type IntakeLang,
  type IntakeWindow,
  type ReadCallbackWindowsOptions,
  readCallbackWindows,
  type TextSpan,
} from './intake/read.js';
// Callback requests and matching
export { type BookingResult, type BookingState, bookCallback, cancelBooking } from './matching/book.js';
export { callbackDeadline } from './matching/deadline.js';
export type {
  Booking,
  CallbackPlan,
  CoachCallLoad,
  NotPlaced,
  NotPlacedReason,
  PlacedCall,
  PlanFigures,
} from './matching/plan.js';
export { REASON_SENTENCES } from './matching/plan.js';
export { type PlanOptions, planCallbacks } from './matching/plan-callbacks.js';
export {
  type Eligibility,
  MATCHING_POLICY_KEYS,
  type MatchingPolicy,
  type MatchingPolicyInput,
  resolveMatchingPolicy,
} from './matching/policy.js';
// The team file
export { parseTeam, type SafeParseTeamResult, safeParseTeam } from './model/parse.js';
export {
  ATTEMPT_OUTCOMES,
  type Attempt,
  type AttemptOutcome,
  type CallbackRequest,
  CHANNELS,
  type Channel,
  type Contact,
  DOORS,
  type Door,
  OUTCOMES,
  type Outcome,
  TOPICS,
  type Topic,
} from './model/request.js';
export {
  type ParseRequestsOptions,
  parseRequests,
  type SafeParseRequestsResult,
  safeParseRequests,
} from './model/requests-parse.js';
export { REQUEST_LIMITS, type RequestFile } from './model/requests-schema.js';
export type { TeamInput } from './model/resolve.js';
export type { TeamFile } from './model/schema.js';
export type { Coach, CoveragePolicy, Team, UnavailableSpan } from './model/team.js';
export { type CoverageJson, coverageToJson, type GapJson, type JsonSpan } from './reporting/coverage-json.js';
export { type CoverageTextOptions, coverageToText } from './reporting/coverage-text.js';
export type { ReportDocument } from './reporting/formats/document.js';
export { escapeHtml, safeCsvCell } from './reporting/formats/escape.js';
export type { ReportLang, ReportWords } from './reporting/formats/words.js';
// Reports
export {
  type NotPlacedJson,
  type PlacedCallJson,
  type PlanJson,
  type PlanJsonOptions,
  planToJson,
} from './reporting/plan-json.js';
export { planToText } from './reporting/plan-text.js';
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
// SLA: deadlines, statuses, predicted breaches, exposure from the rota, figures (issue 7)
export {
  addBusinessTime,
  type BusinessCalendar,
  buildBusinessCalendar,
  businessTimeBetween,
  type CalendarOptions,
} from './sla/calendar.js';
export { computeSla, type SlaOptions } from './sla/compute.js';
export { clockStart, clockTimeBetween, type DeadlineRequest, slaDeadline } from './sla/deadline.js';
export { calendarFor, requestDeadlines } from './sla/deadlines.js';
export { type DurationParse, parseSlaDuration } from './sla/duration.js';
export type { SlaEntry, SlaReport } from './sla/entry.js';
export {
  computeExposure,
  type ExposureOptions,
  type ExposurePeriod,
  type ExposureReport,
} from './sla/exposure.js';
export { bundledHolidayRegions, bundledHolidays, type HolidaySource } from './sla/holidays.js';
export { HOLIDAY_YEARS } from './sla/holidays-data.js';
export {
  type BreachCause,
  type ContactTimes,
  computeSlaMetrics,
  type SlaCounts,
  type SlaMetrics,
} from './sla/metrics.js';
export {
  type Closure,
  DEFAULT_SLA_POLICY,
  type DoorSla,
  doorSla,
  type HolidayRegion,
  type OpeningHours,
  type SlaClock,
  type SlaPolicy,
  teamSlaPolicy,
} from './sla/policy.js';
export type { Prediction, PredictOptions } from './sla/predict.js';
export {
  type ExposureJson,
  type ExposurePeriodJson,
  exposureToJson,
  type SlaEntryJson,
  type SlaJson,
  type SlaMetricsJson,
  slaToJson,
} from './sla/sla-json.js';
export { exposureToText, slaToText } from './sla/sla-text.js';
export {
  BREACH_REASONS,
  type BreachReason,
  SLA_STATUSES,
  type SlaStatus,
  type StatusAt,
  statusAt,
} from './sla/status.js';
// Time core
export { clockGrid, localDayStarts } from './time/clock-grid.js';
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
