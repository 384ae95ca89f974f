/**
 * The rota policy: the rules a generated rota follows, with defaults that suit volunteers, resolved and validated
 * once here.
 *
 * @module
 */
import { issue, ValidationError, type ValidationIssue } from '../errors.js';
import { parseTimeOfDay } from '../time/local.js';
import { HOUR, MINUTE } from '../time/types.js';

/** The policy as a caller writes it; every field is optional. */
export interface RotaPolicyInput {
  /** Layer names, most important first. @defaultValue `['primary', 'backup']` */
  readonly layers?: readonly string[];
  /**
   * Local times (team zone, `HH:mm`) at which shifts hand off to whoever is owed it most. An empty list hands off
   * only at the boundaries of availability (or where a cap, stretch or rest forces it): fewest hand-offs, looser
   * fairness. @defaultValue every 4 hours from 00:00
   */
  readonly handOffTimes?: readonly string[];
  /**
   * Shortest shift the rota creates by choice, in minutes: a coach who took a shift keeps it at least this long
   * while still eligible. Shorter shifts only appear where availability forces them. @defaultValue 60
   */
  readonly minShiftMinutes?: number;
  /** Longest continuous on-call stretch, all layers together, in hours. @defaultValue 12 */
  readonly maxStretchHours?: number;
  /** Shortest rest between two stretches, in hours. @defaultValue 8 */
  readonly minRestHours?: number;
  /** The night, local wall-clock `HH:mm` (crossing midnight when `to` < `from`). @defaultValue 22:00 to 07:00 */
  readonly night?: {
    /** When the night starts, local `HH:mm`, `00:00` to `23:59`. */
    readonly from: string;
    /** When it ends, local `HH:mm` (`24:00` allowed), different from `from`; earlier than `from`: the next day. */
    readonly to: string;
  };
  /** Skills a coach must all have to hold a layer, by layer name. @defaultValue none */
  readonly layerSkills?: Readonly<Record<string, readonly string[]>>;
  /**
   * How much an hour of each layer counts, by layer name, from 0 to 1 (the first line takes the calls; the backup
   * is rung only when it does not answer). Used for the weighted load and its fair share in `load` and `quality`;
   * a layer left out keeps its default. @defaultValue the first layer 1, every other layer 0.5
   * @remarks Since 0.2.0
   */
  readonly layerWeights?: Readonly<Record<string, number>>;
}

/** A resolved policy: every default filled in, times as numbers. */
export interface RotaPolicy {
  /** Layer names, most important first (the first is the first line); 1 to 5, unique. */
  readonly layers: readonly string[];
  /** Hand-off times in minutes after local midnight (team zone), ascending, unique, 0 to 1439; may be empty. */
  readonly handOffMinutes: readonly number[];
  /** Shortest shift the rota creates by choice, in ms (`minShiftMinutes` × 60,000). */
  readonly minShiftMs: number;
  /** Longest continuous on-call stretch, all layers together, in ms (`maxStretchHours` × 3,600,000). */
  readonly maxStretchMs: number;
  /** Shortest rest between two stretches, in ms (`minRestHours` × 3,600,000). */
  readonly minRestMs: number;
  /** Night window: start minute and end minute (end may pass 1440). */
  readonly night: {
    /** Minutes after local midnight the night starts, 0 to 1439. */
    readonly startMinute: number;
    /** Minutes after the same midnight it ends: `startMinute < endMinute`, past 1440 when it ends the next day. */
    readonly endMinute: number;
  };
  /** Skills required per layer, in layer order. */
  readonly layerSkills: readonly (readonly string[])[];
  /** How much an hour of each layer counts, in layer order. */
  readonly layerWeights: readonly number[];
}

const DEFAULT_HAND_OFFS = ['00:00', '04:00', '08:00', '12:00', '16:00', '20:00'];

/**
 * Resolves and validates a policy.
 *
 * @throws {@link ValidationError} listing every problem, with paths such as `policy.layers[1]`.
 * @example resolvePolicy({}).layers // ['primary', 'backup']
 */
export function resolvePolicy(input: RotaPolicyInput | undefined): RotaPolicy {
  const p = input ?? {};
  const issues: ValidationIssue[] = [];
  const layers = p.layers ?? ['primary', 'backup'];
  if (!Array.isArray(layers) || layers.length === 0 || layers.length > 5) {
    issues.push(issue('policy.layers', layers, 'is not a list of layers', 'an array of 1 to 5 layer names'));
  } else {
    layers.forEach((name, i) => {
      if (typeof name !== 'string' || !/^[a-z][a-z0-9-]*$/.test(name)) {
        issues.push(
          issue(['policy', 'layers', i], name, 'is not a layer name', 'lowercase letters, digits and -'),
        );
      } else if (layers.indexOf(name) !== i) {
        issues.push(issue(['policy', 'layers', i], name, 'is listed twice', 'each layer once'));
      }
    });
  }
  const times = p.handOffTimes ?? DEFAULT_HAND_OFFS;
  const handOffMinutes: number[] = [];
  if (!Array.isArray(times)) {
    issues.push(issue('policy.handOffTimes', times, 'is not a list of times', 'an array of HH:mm'));
  } else {
    times.forEach((text, i) => {
      const minute = typeof text === 'string' ? parseTimeOfDay(text) : undefined;
      if (minute === undefined || minute >= 1440) {
        issues.push(
          issue(['policy', 'handOffTimes', i], text, 'is not a time of day', 'HH:mm, 00:00 to 23:59'),
        );
      } else if (!handOffMinutes.includes(minute)) handOffMinutes.push(minute);
    });
  }
  const number = (key: keyof RotaPolicyInput, fallback: number, min: number, max: number, unit: string) => {
    const value = p[key] ?? fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      issues.push(
        issue(['policy', key], value, 'is out of range', `a number of ${unit} from ${min} to ${max}`),
      );
      return fallback;
    }
    return value;
  };
  const minShift = number('minShiftMinutes', 60, 0, 24 * 60, 'minutes');
  const maxStretch = number('maxStretchHours', 12, 1, 168, 'hours');
  const minRest = number('minRestHours', 8, 0, 168, 'hours');
  const nightInput = p.night ?? { from: '22:00', to: '07:00' };
  // Strings only: `String(["22:00"])` would read as a time.
  const timeOf = (text: unknown) => (typeof text === 'string' ? parseTimeOfDay(text) : undefined);
  const nightStart = timeOf(nightInput?.from);
  const nightEnd = timeOf(nightInput?.to);
  if (nightStart === undefined || nightStart >= 1440 || nightEnd === undefined || nightEnd === nightStart) {
    issues.push(
      issue(
        'policy.night',
        nightInput,
        'is not a night window',
        '{ "from": "HH:mm", "to": "HH:mm" }, from ≠ to',
      ),
    );
  }
  const skillsInput = p.layerSkills ?? {};
  // Names only: `join` below would call a listed object's own `toString` (not always a function).
  const layerList = Array.isArray(layers) ? layers.filter((l): l is string => typeof l === 'string') : [];
  // Not a map (a number, a list): refused, where `Object.keys` would have read it as empty (or as indices).
  const isMap = typeof skillsInput === 'object' && skillsInput !== null && !Array.isArray(skillsInput);
  if (!isMap) {
    issues.push(
      issue(
        'policy.layerSkills',
        skillsInput,
        'is not a map of skills',
        'an object { "layer": ["skill", ...] }',
      ),
    );
  }
  const skills = isMap ? skillsInput : {};
  for (const key of Object.keys(skills)) {
    const list = skills[key];
    if (!layerList.includes(key)) {
      issues.push(
        issue(
          ['policy', 'layerSkills', key],
          list,
          'names an unknown layer',
          `one of ${layerList.join(', ')}`,
        ),
      );
    } else if (!Array.isArray(list) || !list.every((s) => typeof s === 'string' && s !== '')) {
      issues.push(
        issue(['policy', 'layerSkills', key], list, 'is not a list of skills', 'an array of skill names'),
      );
    }
  }
  const weightsInput = p.layerWeights ?? {};
  const layerWeights = layerList.map((_, l): number => (l === 0 ? 1 : 0.5));
  if (typeof weightsInput !== 'object' || weightsInput === null || Array.isArray(weightsInput)) {
    issues.push(
      issue('policy.layerWeights', weightsInput, 'is not a map of weights', 'an object { "layer": weight }'),
    );
  } else {
    for (const key of Object.keys(weightsInput)) {
      const value = weightsInput[key];
      const l = layerList.indexOf(key);
      if (l < 0) {
        issues.push(
          issue(
            ['policy', 'layerWeights', key],
            value,
            'names an unknown layer',
            `one of ${layerList.join(', ')}`,
          ),
        );
      } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
        issues.push(issue(['policy', 'layerWeights', key], value, 'is out of range', 'a number from 0 to 1'));
      } else layerWeights[l] = value;
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const startMinute = nightStart as number;
  const end = nightEnd as number;
  return {
    layers: [...layerList],
    handOffMinutes: handOffMinutes.sort((a, b) => a - b),
    minShiftMs: minShift * MINUTE,
    maxStretchMs: maxStretch * HOUR,
    minRestMs: minRest * HOUR,
    night: { startMinute, endMinute: end > startMinute ? end : end + 1440 },
    // Own keys only: a layer named `constructor` must not find `Object.prototype.constructor`.
    layerSkills: layerList.map((layer) => [...(Object.hasOwn(skills, layer) ? (skills[layer] ?? []) : [])]),
    layerWeights,
  };
}
