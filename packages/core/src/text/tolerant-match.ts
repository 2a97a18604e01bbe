// Pinned tool arguments are written by a policy author, but the actual arguments come from a model that
// formats the same intent in many ways (`"bob, alice"`, `["alice"]`, `"40"`). The tolerance stops at
// anything that could widen what the pin allows: an extra list member, a different number, a near-miss.

const MAX_DEPTH = 64;

/**
 * True for the values that mean "nothing" in a tool argument: `null`, `undefined`, `[]` and the string
 * `"null"`.
 *
 * @example
 * ```ts
 * isNullLike('null'); // true
 * isNullLike('');     // false
 * ```
 */
export function isNullLike(value: unknown): boolean {
  return value === null || value === undefined || value === 'null' || (Array.isArray(value) && value.length === 0);
}

/**
 * mlld's `~=` comparison, used to check an actual tool argument against a pinned (expected) one.
 *
 * - A string and a one-element array match; a comma-separated string is a list (split on `,`, trimmed).
 * - Lists match in any order, and the actual list may be a subset of the expected one, never a superset
 *   (set semantics: repeating an allowed member is allowed).
 * - A numeric string matches a number of the same decimal value (`"40.0"` ~= `40`); two strings compare
 *   exactly, booleans exactly, plain objects and arrays by strict deep equality of their own keys.
 * - `null`, `undefined`, `[]` and `"null"` match each other only when the expected value is one of them;
 *   an empty actual value never matches a non-empty expectation.
 * - Anything else (other types, cyclic or more than 64 levels deep structures, values whose getters or
 *   proxies throw) does not match.
 *
 * @example
 * ```ts
 * tolerantMatch(['alice'], ['alice', 'bob']);             // true
 * tolerantMatch('bob, alice', ['alice', 'bob']);          // true
 * tolerantMatch(['alice', 'bob', 'eve'], ['alice', 'bob']); // false
 * tolerantMatch('40.0', 40);                              // true
 * ```
 */
export function tolerantMatch(actual: unknown, expected: unknown): boolean {
  try {
    if (isNullLike(expected)) return isNullLike(actual);
    if (isNullLike(actual)) return false;
    if (valuesMatch(actual, expected)) return true;
    const allowed = expectedMembers(expected);
    if (allowed === undefined) return false;
    if (typeof actual === 'string') {
      return allowed.has(actual) || (actual.includes(',') && splitList(actual).every((member) => allowed.has(member)));
    }
    // A single number or boolean is a one-element list, like a single string.
    const members = typeof actual === 'number' || typeof actual === 'boolean' ? [actual] : arrayMembers(actual);
    return members !== undefined && members.every((member) => allowed.has(member));
  } catch {
    // A hostile getter or proxy trap threw: that is not a match.
    return false;
  }
}

function splitList(text: string): string[] {
  return text.split(',').map((member) => member.trim());
}

/** The elements of a dense array; `undefined` for non-arrays and arrays with holes. */
function arrayMembers(value: unknown): unknown[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const members: unknown[] = [];
  // Stops at the first hole, so a sparse array with a huge `length` costs nothing.
  for (let index = 0; index < value.length; index += 1) {
    if (!Object.hasOwn(value, index)) return undefined;
    members.push(value[index]);
  }
  return members;
}

/**
 * Membership test for the expected list. Strings, numbers and booleans are looked up in sets so a long
 * hostile actual list costs linear time; objects fall back to deep equality.
 */
class ExpectedMembers {
  private readonly strings = new Set<string>();
  private readonly numbers = new Set<string>();
  private readonly numericStrings = new Set<string>();
  private readonly booleans = new Set<boolean>();
  private readonly others: unknown[] = [];

  add(member: unknown): void {
    if (typeof member === 'string') {
      this.strings.add(member);
      const decimal = decimalKey(member);
      if (decimal !== undefined) this.numericStrings.add(decimal);
    } else if (typeof member === 'number') {
      const decimal = numberKey(member);
      if (decimal !== undefined) this.numbers.add(decimal);
    } else if (typeof member === 'boolean') {
      this.booleans.add(member);
    } else {
      this.others.push(member);
    }
  }

  has(member: unknown): boolean {
    if (typeof member === 'string') {
      if (this.strings.has(member)) return true;
      const decimal = decimalKey(member);
      return decimal !== undefined && this.numbers.has(decimal);
    }
    if (typeof member === 'number') {
      const decimal = numberKey(member);
      return decimal !== undefined && (this.numbers.has(decimal) || this.numericStrings.has(decimal));
    }
    if (typeof member === 'boolean') return this.booleans.has(member);
    return this.others.some((other) => valuesMatch(member, other));
  }
}

function expectedMembers(expected: unknown): ExpectedMembers | undefined {
  const allowed = new ExpectedMembers();
  if (typeof expected === 'string') {
    allowed.add(expected);
    if (expected.includes(',')) for (const member of splitList(expected)) allowed.add(member);
    return allowed;
  }
  const members = arrayMembers(expected);
  if (members === undefined) {
    allowed.add(expected);
    return allowed;
  }
  for (const member of members) allowed.add(member);
  return allowed;
}

/** Scalar comparison with the number/numeric-string tolerance; structures compare strictly. */
function valuesMatch(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'string' && typeof expected === 'string') return actual === expected;
  if ((typeof actual === 'string' || typeof actual === 'number') && (typeof expected === 'string' || typeof expected === 'number')) {
    const left = typeof actual === 'number' ? numberKey(actual) : decimalKey(actual);
    const right = typeof expected === 'number' ? numberKey(expected) : decimalKey(expected);
    return left !== undefined && left === right;
  }
  if (typeof actual === 'boolean' || typeof expected === 'boolean') return actual === expected;
  if (typeof actual === 'object' && typeof expected === 'object') return deepEqual(actual, expected, 0, { active: new Set(), equal: new Map() });
  return actual === expected && (actual === null || actual === undefined);
}

function isPlainStructure(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// Strict: no numeric tolerance inside structures. Cycles and excessive depth compare unequal (fail
// closed). `active` holds the objects on the current path; `equal` remembers pairs already found equal,
// so structures that share sub-objects (a DAG of depth 64 has 2^64 paths) are compared once per pair.
interface DeepEqualState {
  readonly active: Set<object>;
  readonly equal: Map<object, Set<object>>;
}

function deepEqual(left: unknown, right: unknown, depth: number, state: DeepEqualState): boolean {
  if (typeof left !== 'object' || left === null || typeof right !== 'object' || right === null) {
    return left === right;
  }
  // Dates, Maps, class instances and the like have no own keys to compare: only identity is safe.
  if (!isPlainStructure(left) || !isPlainStructure(right)) return left === right;
  if (state.equal.get(left)?.has(right) === true) return true;
  if (depth >= MAX_DEPTH || state.active.has(left) || state.active.has(right)) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  if (Array.isArray(left) && Array.isArray(right) && left.length !== right.length) return false;
  const leftKeys = Object.keys(left);
  if (leftKeys.length !== Object.keys(right).length) return false;
  state.active.add(left);
  state.active.add(right);
  const leftRecord = left as Record<string, unknown>;
  const rightRecord = right as Record<string, unknown>;
  for (const key of leftKeys) {
    if (!Object.hasOwn(right, key)) return false;
    if (!deepEqual(leftRecord[key], rightRecord[key], depth + 1, state)) return false;
  }
  state.active.delete(left);
  state.active.delete(right);
  let pairs = state.equal.get(left);
  if (pairs === undefined) state.equal.set(left, (pairs = new Set()));
  pairs.add(right);
  return true;
}

// Exact decimal comparison instead of `Number()`: `"9007199254740993"` must not match the number
// 9007199254740992 it would round to, and `""`, `"0x28"` or `"Infinity"` are not numbers at all.
const MAX_EXPONENT_DIGITS = 15;

/**
 * A canonical key for a plain decimal numeral (`-12.50`, `.5`, `4e1`), equal for equal values;
 * `undefined` when `text` is not one.
 */
function decimalKey(text: string): string | undefined {
  let index = 0;
  let negative = false;
  if (text[index] === '+' || text[index] === '-') {
    negative = text[index] === '-';
    index += 1;
  }
  const integerStart = index;
  while (isDigit(text, index)) index += 1;
  const integer = text.slice(integerStart, index);
  let fraction = '';
  if (text[index] === '.') {
    index += 1;
    const fractionStart = index;
    while (isDigit(text, index)) index += 1;
    fraction = text.slice(fractionStart, index);
  }
  if (integer === '' && fraction === '') return undefined;
  let exponent = 0;
  if (text[index] === 'e' || text[index] === 'E') {
    index += 1;
    let exponentSign = 1;
    if (text[index] === '+' || text[index] === '-') {
      exponentSign = text[index] === '-' ? -1 : 1;
      index += 1;
    }
    const exponentStart = index;
    while (isDigit(text, index)) index += 1;
    const digits = text.slice(exponentStart, index).replace(/^0+/, '');
    if (index === exponentStart || digits.length > MAX_EXPONENT_DIGITS) return undefined;
    exponent = exponentSign * Number(digits === '' ? '0' : digits);
  }
  if (index !== text.length) return undefined;
  // value = 0.<digits> × 10^pointPosition, with the digits stripped of leading and trailing zeros.
  let digits = integer + fraction;
  let pointPosition = exponent + integer.length;
  let first = 0;
  while (first < digits.length && digits.charCodeAt(first) === 0x30) first += 1;
  pointPosition -= first;
  let last = digits.length;
  while (last > first && digits.charCodeAt(last - 1) === 0x30) last -= 1;
  digits = digits.slice(first, last);
  if (digits === '') return '0';
  return `${negative ? '-' : ''}0.${digits}e${pointPosition}`;
}

function numberKey(value: number): string | undefined {
  // `String` gives the shortest decimal that round-trips, so equal numbers give equal keys.
  return Number.isFinite(value) ? decimalKey(String(value)) : undefined;
}

function isDigit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0x30 && code <= 0x39;
}
