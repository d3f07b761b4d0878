// Translation patterns: the syntax Webex documents for outbound translation, checked and applied.
//
// A matching pattern is an optional leading `+`, then digits, `*`, `#`, `X` (any one digit),
// `[…]` (one digit of a set such as `[2-7]` or `[135]`) and, only at the end, `!` (one or more
// digits). A replacement pattern is an optional leading `+`, then digits, `*`, `#` and `X`, and at
// the end an optional `!`. Applying one: the i-th `X` of the replacement takes the digit the
// matching pattern's i-th single-digit wildcard (`X` or `[…]`) matched, and `!` the digits its
// `!` matched; everything else is written as it stands (Callplane's reading of Webex's help
// article, which shows the syntax but not every combination).

export const MAX_PATTERN_LENGTH = 60;

type Token = { kind: 'literal'; char: string } | { kind: 'digit'; digits: string } | { kind: 'rest' };

/** The tokens of a matching pattern, or a message saying what is wrong with it. */
function parseMatching(pattern: string): Token[] | string {
  if (pattern.length === 0) return 'The matching pattern is empty.';
  if (pattern.length > MAX_PATTERN_LENGTH) return `The matching pattern has more than ${MAX_PATTERN_LENGTH} characters.`;
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '+' && i === 0) tokens.push({ kind: 'literal', char: c });
    else if (/[0-9*#]/.test(c)) tokens.push({ kind: 'literal', char: c });
    else if (c === 'X' || c === 'x') tokens.push({ kind: 'digit', digits: '0123456789' });
    else if (c === '!') {
      if (i !== pattern.length - 1) return 'In a matching pattern, ! may only come last.';
      tokens.push({ kind: 'rest' });
    } else if (c === '[') {
      const end = pattern.indexOf(']', i);
      if (end < 0) return 'A [ of the matching pattern is not closed.';
      const digits = digitSet(pattern.slice(i + 1, end));
      if (!digits) return `[${pattern.slice(i + 1, end)}] is not a set of digits (such as [2-7] or [135]).`;
      tokens.push({ kind: 'digit', digits });
      i = end;
    } else return `The matching pattern may not contain ${c}.`;
  }
  if (!tokens.some((t) => t.kind !== 'literal' || t.char !== '+')) return 'The matching pattern has no digits.';
  return tokens;
}

/** "2-7" → "234567", "135" → "135", anything else undefined. */
function digitSet(body: string): string | undefined {
  if (!/^(\d(-\d)?)+$/.test(body)) return undefined;
  let out = '';
  for (const part of body.match(/\d(-\d)?/g)!) {
    const from = Number(part[0]);
    const to = part.length === 3 ? Number(part[2]) : from;
    if (to < from) return undefined;
    for (let d = from; d <= to; d++) if (!out.includes(String(d))) out += String(d);
  }
  return out;
}

/** Why the pair of patterns cannot be a translation pattern, or undefined when it can. */
export function translationPatternProblem(matchingPattern: string, replacementPattern: string): string | undefined {
  const tokens = parseMatching(matchingPattern);
  if (typeof tokens === 'string') return tokens;
  if (replacementPattern.length === 0) return 'The replacement pattern is empty.';
  if (replacementPattern.length > MAX_PATTERN_LENGTH) return `The replacement pattern has more than ${MAX_PATTERN_LENGTH} characters.`;
  if (!/^\+?[0-9*#Xx]*!?$/.test(replacementPattern) || replacementPattern === '+' || replacementPattern === '!')
    return 'A replacement pattern is an optional +, then digits, *, # and X, and at the end an optional !.';
  const wildcards = tokens.filter((t) => t.kind === 'digit').length;
  const xs = (replacementPattern.match(/[Xx]/g) ?? []).length;
  if (xs > wildcards) return `The replacement pattern has ${xs} X but the matching pattern matches only ${wildcards} digits with a wildcard.`;
  if (replacementPattern.endsWith('!') && !matchingPattern.endsWith('!')) return 'The replacement pattern ends with ! but the matching pattern does not.';
  return undefined;
}

/** What a matching pattern captured of a dialled string, or undefined when it does not match. */
function match(tokens: Token[], dialled: string): { digits: string[]; rest: string } | undefined {
  const digits: string[] = [];
  let i = 0;
  for (const token of tokens) {
    if (token.kind === 'rest') {
      const rest = dialled.slice(i);
      return /^\d+$/.test(rest) ? { digits, rest } : undefined;
    }
    const c = dialled[i];
    if (c === undefined) return undefined;
    if (token.kind === 'literal' ? c !== token.char : !token.digits.includes(c)) return undefined;
    if (token.kind === 'digit') digits.push(c);
    i++;
  }
  return i === dialled.length ? { digits, rest: '' } : undefined;
}

export type TranslationRule = { matchingPattern: string; replacementPattern: string };

/** The dialled string translated by the rule, or undefined when the rule does not match it. */
export function translate(rule: TranslationRule, dialled: string): string | undefined {
  const tokens = parseMatching(rule.matchingPattern);
  if (typeof tokens === 'string') return undefined;
  const captured = match(tokens, dialled);
  if (!captured) return undefined;
  let next = 0;
  let out = '';
  for (const c of rule.replacementPattern) {
    if (c === 'X' || c === 'x') out += captured.digits[next++] ?? '';
    else if (c === '!') out += captured.rest;
    else out += c;
  }
  return out;
}

/**
 * How specific a matching pattern is, for choosing among several that match: a pattern without
 * `!` beats one with it, then the more literal characters, then the fewer choices per wildcard.
 */
export function specificity(matchingPattern: string): number {
  const tokens = parseMatching(matchingPattern);
  if (typeof tokens === 'string') return -Infinity;
  let score = tokens.some((t) => t.kind === 'rest') ? 0 : 1_000_000;
  for (const t of tokens) {
    if (t.kind === 'literal') score += 1000;
    else if (t.kind === 'digit') score += 10 - t.digits.length;
  }
  return score;
}

/** The most specific of the rules matching the dialled string (ties: the first given), or undefined. */
export function bestTranslation<R extends TranslationRule>(rules: readonly R[], dialled: string): { rule: R; translated: string } | undefined {
  let best: { rule: R; translated: string; score: number } | undefined;
  for (const rule of rules) {
    const translated = translate(rule, dialled);
    if (translated === undefined) continue;
    const score = specificity(rule.matchingPattern);
    if (!best || score > best.score) best = { rule, translated, score };
  }
  return best && { rule: best.rule, translated: best.translated };
}
