/**
 * One import of rrule that works everywhere. rrule 2.8 has no `exports` map: plain Node ESM loads its UMD build,
 * whose named exports Node cannot see (only `default`), while bundlers load its ESM build (named exports, no
 * default). So we take the namespace and pick whichever shape arrived.
 *
 * @internal
 * @module
 */
import * as rruleModule from 'rrule';

type RRuleModule = typeof rruleModule;
const loaded = rruleModule as RRuleModule & { default?: RRuleModule };

/** rrule's `RRule` class, whatever the module system. */
export const RRule: RRuleModule['RRule'] = loaded.RRule ?? (loaded.default as RRuleModule).RRule;
/** rrule's `Frequency` enum. */
export const Frequency: RRuleModule['Frequency'] =
  loaded.Frequency ?? (loaded.default as RRuleModule).Frequency;
/** rrule's options type. */
export type RRuleOptions = rruleModule.Options;
