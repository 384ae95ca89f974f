/**
 * The errors `astreinte` throws. Bad input is the only thing that throws: findings about the world (a gap, an
 * unplaceable request, a breach) are data in results, never exceptions.
 *
 * @module
 */

/** One problem found in an input: where it is, what was found there and what was expected. */
export interface ValidationIssue {
  /** JSON-style path of the offending value, e.g. `coaches[2].availability[0].to`; `""` for the input itself. */
  readonly path: string;
  /** The value found at `path` (`undefined` when it is missing). */
  readonly value: unknown;
  /** What was expected there, in plain words, e.g. `HH:mm, 00:00 to 24:00`. */
  readonly expected: string;
  /** The whole sentence, e.g. `coaches[2].availability[0].to: "25:00" is not a time of day (expected HH:mm, 00:00 to 24:00)`. */
  readonly message: string;
  /**
   * `true` when the value found is personal data (a caller's contact) or may hold some: `value` is then
   * `undefined` and `message` does not quote it (`requests[3].contact.phone: is not a phone number (expected ...)`),
   * so an error can be logged or shown without breaking confidentiality. Absent otherwise.
   */
  readonly redacted?: true;
}

/**
 * Base class of every error `astreinte` throws on purpose; `instanceof AstreinteError` separates them from bugs.
 *
 * @example
 * ```ts
 * try { generateRota(team, options) } catch (e) {
 *   if (e instanceof AstreinteError) console.error(e.message); // bad input: show it to the person
 *   else throw e; // a bug: let it surface
 * }
 * ```
 */
export class AstreinteError extends Error {
  /** `'AstreinteError'`, or the subclass's own name (`'ValidationError'`), as stack traces and logs show it. */
  override readonly name: string = 'AstreinteError';
}

/**
 * Bad input: thrown by every public entry point, listing **every** problem found, never a partial result.
 *
 * `message` is the list of issue messages, one per line, so printing the error is enough for a person.
 *
 * @example
 * ```ts
 * try { parseTeam(json) } catch (e) {
 *   if (e instanceof ValidationError) for (const issue of e.issues) console.error(issue.message);
 * }
 * ```
 */
export class ValidationError extends AstreinteError {
  /** Always `'ValidationError'`. */
  override readonly name: string = 'ValidationError';
  /** Every problem found, in input order; never empty. */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    super(
      issues.length === 1
        ? (issues[0]?.message ?? 'invalid input')
        : `${issues.length} problems:\n${issues.map((i) => `- ${i.message}`).join('\n')}`,
    );
    this.issues = issues;
  }
}

/**
 * Path segments as zod and our own walkers produce them: a key of an object, or an index of an array.
 *
 * @inline
 */
export type PathSegment = string | number;

/**
 * Formats path segments the way a person reads JSON: `['coaches', 2, 'to']` gives `coaches[2].to`.
 *
 * @example formatPath(['coaches', 2, 'availability', 0, 'to']) === 'coaches[2].availability[0].to'
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Shows a found value briefly: strings quoted, long values cut, `undefined` as "missing". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Builds one issue. `problem` completes the sentence "<path>: <value> <problem>", e.g. `is not a time of day`.
 *
 * @example
 * issue(['coaches', 0, 'to'], '25:00', 'is not a time of day', 'HH:mm, 00:00 to 24:00').message
 * // 'coaches[0].to: "25:00" is not a time of day (expected HH:mm, 00:00 to 24:00)'
 */
export function issue(
  path: readonly PathSegment[] | string,
  value: unknown,
  problem: string,
  expected: string,
): ValidationIssue {
  const where = typeof path === 'string' ? path : formatPath(path);
  const subject = value === undefined ? 'is missing' : `${describeValue(value)} ${problem}`;
  return { path: where, value, expected, message: sentence(where, subject, expected) };
}

/**
 * Builds an issue that does not carry the value found, for personal data: `value` is `undefined`, `redacted` is
 * `true`, and the message says `problem` without quoting the value (never "is missing"). `shownAs`, when given,
 * stands for the value in the message: a description that says nothing of its content, such as `an object`.
 *
 * @example
 * redactedIssue(['requests', 3, 'contact', 'phone'], 'is not a phone number', '6 to 20 digits').message
 * // 'requests[3].contact.phone: is not a phone number (expected 6 to 20 digits)'
 */
export function redactedIssue(
  path: readonly PathSegment[] | string,
  problem: string,
  expected: string,
  shownAs?: string,
): ValidationIssue {
  const where = typeof path === 'string' ? path : formatPath(path);
  const subject = shownAs === undefined ? problem : `${shownAs} ${problem}`;
  return {
    path: where,
    value: undefined,
    expected,
    message: sentence(where, subject, expected),
    redacted: true,
  };
}

function sentence(where: string, subject: string, expected: string): string {
  return `${where === '' ? '(input)' : where}: ${subject} (expected ${expected})`;
}

/**
 * Throws a {@link ValidationError} with one issue built by {@link issue}; for entry points that check a single
 * value. Never returns, so `return fail(...)` types as any value.
 *
 * @throws {@link ValidationError} always.
 * @example
 * if (!isKnownZone(zone)) fail('timeZone', zone, 'is not a known time zone', 'an IANA zone name such as Europe/Paris');
 * // ValidationError: timeZone: "Mars/Olympus" is not a known time zone (expected an IANA zone name such as Europe/Paris)
 */
export function fail(
  path: readonly PathSegment[] | string,
  value: unknown,
  problem: string,
  expected: string,
): never {
  throw new ValidationError([issue(path, value, problem, expected)]);
}
