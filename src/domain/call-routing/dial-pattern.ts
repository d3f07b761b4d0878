// The grammar of a dial plan's dial patterns, as Webex documents it: digits, then optional
// wildcards, where X stands for one digit and ! for any sequence of digits. An E.164 pattern
// starts with +, and only it may end with ! (once, at the very end). An enterprise pattern is
// digits and X without +. Wildcards come after the digits: +1408XXX, not +1X08. Pure: no I/O.

/** E.164 numbers have at most 15 digits; a pattern covers at most that many positions. */
export const MAX_PATTERN_POSITIONS = 15;

const E164 = /^\+([0-9]+)(X*)(!?)$/;
const ENTERPRISE = /^([0-9]+)(X*)$/;

export type DialPatternStatus = 'INVALID' | 'DUPLICATE' | 'DUPLICATE_IN_LIST';

export type DialPatternProblem = { dialPattern: string; patternStatus: DialPatternStatus; message: string };

/** Why a dial pattern breaks the grammar, or undefined when it is a valid pattern. */
export function dialPatternProblem(pattern: string): string | undefined {
  if (pattern.length === 0) return 'A dial pattern must not be empty.';
  const e164 = E164.exec(pattern);
  if (e164) {
    const [, digits, wildcards] = e164 as unknown as [string, string, string, string];
    if (digits.startsWith('0')) return `Dial pattern ${pattern} is not valid: an E.164 pattern starts with a country code, never 0.`;
    if (digits.length + wildcards.length > MAX_PATTERN_POSITIONS) {
      return `Dial pattern ${pattern} is not valid: it covers more than the ${MAX_PATTERN_POSITIONS} digits of an E.164 number.`;
    }
    return undefined;
  }
  const enterprise = ENTERPRISE.exec(pattern);
  if (enterprise) {
    if (pattern.length > MAX_PATTERN_POSITIONS) return `Dial pattern ${pattern} is not valid: it is longer than ${MAX_PATTERN_POSITIONS} digits and wildcards.`;
    return undefined;
  }
  if (!pattern.startsWith('+') && pattern.includes('!')) {
    return `Dial pattern ${pattern} is not valid: the ! wildcard is allowed only at the end of an E.164 pattern (one starting with +).`;
  }
  if ((pattern.match(/!/g) ?? []).length > 1 || (pattern.includes('!') && !pattern.endsWith('!'))) {
    return `Dial pattern ${pattern} is not valid: the ! wildcard may occur only once, at the end.`;
  }
  if (/^\+?[0-9]*X+[0-9]/.test(pattern)) return `Dial pattern ${pattern} is not valid: wildcards (X) must follow all the digits.`;
  if (/^\+?X/.test(pattern) || pattern === '+' || pattern === '+!') return `Dial pattern ${pattern} is not valid: it must start with at least one digit.`;
  return `Dial pattern ${pattern} is not valid: use digits followed by the wildcards X (one digit) and ! (any digits, E.164 only), such as +1408XXX or 8XXXX.`;
}

export const isValidDialPattern = (pattern: string): boolean => dialPatternProblem(pattern) === undefined;

/**
 * Checks a list of dial patterns before they are added: each must follow the grammar, appear
 * once in the list, and not be held already by a dial plan of the organization (`heldBy` names
 * the plan holding it). Answers the problems only, in list order; an empty answer means all are
 * fine. A repeated pattern is reported at each repetition after the first.
 */
export function checkDialPatterns(patterns: readonly string[], heldBy: (pattern: string) => string | undefined): DialPatternProblem[] {
  const problems: DialPatternProblem[] = [];
  const seen = new Set<string>();
  for (const dialPattern of patterns) {
    const invalid = dialPatternProblem(dialPattern);
    if (invalid !== undefined) {
      problems.push({ dialPattern, patternStatus: 'INVALID', message: invalid });
    } else if (seen.has(dialPattern)) {
      problems.push({ dialPattern, patternStatus: 'DUPLICATE_IN_LIST', message: `Dial pattern ${dialPattern} appears more than once in the list.` });
    } else {
      const plan = heldBy(dialPattern);
      if (plan !== undefined) {
        problems.push({ dialPattern, patternStatus: 'DUPLICATE', message: `Dial pattern ${dialPattern} already exists in dial plan "${plan}".` });
      }
    }
    seen.add(dialPattern);
  }
  return problems;
}
