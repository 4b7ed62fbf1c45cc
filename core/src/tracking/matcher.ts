/**
 * A test for "does any of these regex sources match?" that reads the subject once.
 *
 * Why not one big RegExp: V8 tries every top-level alternative at every position, so even
 * the prefix-factored alternation ({@link compileAlternation}) only ties with isbot's. Here
 * each source gets a literal every match must contain; an Aho–Corasick automaton finds all
 * of them in one pass over the subject, and a source's own RegExp runs only where its
 * literal occurred. A source that *starts* with its literal (`twitterbot`, `^curl`,
 * `;\s\w+;$`) is tried at that one position with a sticky RegExp, so even one-character
 * literals pay; one whose literal lies further in (`news` in `(?:^|[^g])news(?!sapphire)`)
 * runs on the whole subject, at most once per call. Sources with no literal at all (isbot's
 * shape rules such as `^[^ ]{50,}$`) go into RegExps that always run. Few of the literals
 * ever occur in a browser's user agent, so a person's visit costs the single pass and a few
 * one-position checks. On the labelled corpus this measured 1.6–2.7x isbot on a loaded
 * shared machine (`tests/bench/tracking.bench.mjs`); a 1 MB user agent, about 3x.
 *
 * The answer is exactly that of `new RegExp(sources.join('|'), 'i')`: a literal is only a
 * necessary condition, and the decision is always the source's own RegExp. Only ASCII
 * letters fold case, as in a non-Unicode `i` RegExp (where `K`, U+212A, is not `k`).
 */

import { compileAlternation } from './alternation.js';

/**
 * A literal inside a source (not leading it) sends the whole text to that source's RegExp;
 * shorter ones (`;`, `@`) are in nearly every browser user agent, so not worth a lookup.
 */
const MIN_LITERAL = 3;
const ASCII = /^[\x20-\x7e]+$/;

/** Escapes that stand for the character itself; `\b`, `\d`, `\w`… are not literals. */
const LITERAL_ESCAPES = new Set(['.', '/', '-', '(', ')', '|', '[', ']', '{', '}', '^', '$', '*', '+', '?', '\\', ' ', ',', ':', ';', '@']);
const QUANTIFIER = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/;

/** End index (exclusive) of the bracketed class that starts at `start`. */
function classEnd(source: string, start: number): number {
  let index = start + 1;
  if (source[index] === '^') index += 1;
  if (source[index] === ']') index += 1;
  while (index < source.length && source[index] !== ']') index += source[index] === '\\' ? 2 : 1;
  return index + 1;
}

/** End index (exclusive) of the group that starts at `start`. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  for (let index = start; index < source.length; index += 1) {
    const char = source[index];
    if (char === '\\') index += 1;
    else if (char === '[') index = classEnd(source, index) - 1;
    else if (char === '(') depth += 1;
    else if (char === ')' && (depth -= 1) === 0) return index + 1;
  }
  return source.length;
}

/** The runs of plain characters in the top-level sequence of a source, lower-cased. */
function literalRuns(source: string): { readonly text: string; readonly leading: boolean }[] {
  const runs: { text: string; leading: boolean }[] = [];
  let run: { text: string; leading: boolean } | undefined;
  let index = 0;
  while (index < source.length) {
    const leading = index === 0;
    const char = source[index] ?? '';
    let literal: string | undefined;
    if (char === '\\') {
      const next = source[index + 1] ?? '';
      literal = LITERAL_ESCAPES.has(next) ? next : undefined;
      index += 2;
    } else if (char === '[') {
      index = classEnd(source, index);
    } else if (char === '(') {
      index = groupEnd(source, index);
    } else {
      literal = '^$.|'.includes(char) ? undefined : char;
      index += 1;
    }
    const quantifier = QUANTIFIER.exec(source.slice(index, index + 12))?.[0];
    if (quantifier !== undefined) {
      index += quantifier.length;
      literal = undefined;
    }
    if (literal === undefined) {
      run = undefined;
    } else if (run === undefined) {
      run = { text: literal.toLowerCase(), leading };
      runs.push(run);
    } else {
      run.text += literal.toLowerCase();
    }
  }
  return runs;
}

/**
 * The longest run of plain characters that every match of `source` contains, lower-cased.
 * Only the top-level sequence is read (groups, classes, escapes and anchors break a run;
 * a quantified character is not required), so the answer is safe for any source without
 * top-level alternation.
 * @param source one regex source without top-level `|`
 * @returns the literal, `''` when there is none
 * @example requiredLiteral('(?:^|[^g])news(?!sapphire)') // 'news'
 * @example requiredLiteral('bots?(?:\\b|_)') // 'bot'
 */
export function requiredLiteral(source: string): string {
  return literalRuns(source).reduce((best, { text }) => (text.length > best.length ? text : best), '');
}

/** The plain characters every match of `source` starts with, lower-cased (`''` if none). */
const leadingLiteral = (source: string): string => literalRuns(source).find(({ leading }) => leading)?.text ?? '';

interface Keyed {
  readonly literal: string;
  /** Index of the source's group: a lower one wins when several match. */
  readonly group: number;
  /**
   * Where a match must lie relative to an occurrence of the literal: `leading`, it starts
   * there (a sticky RegExp tries that one position); `start`, the same at index 0 only
   * (anchored sources); `anywhere`, unknown (the whole text is tried, once per call).
   */
  readonly where: 'leading' | 'start' | 'anywhere';
  readonly pattern: RegExp;
}

/** Sources with no usable literal, per group, as RegExps that always run (`undefined` if none). */
interface Unkeyed {
  readonly anchored: RegExp | undefined;
  readonly floating: RegExp | undefined;
}

const anyOf = (sources: readonly string[], anchored: boolean): RegExp | undefined =>
  sources.length === 0 ? undefined : new RegExp(anchored ? compileAlternation(sources) : sources.join('|'), 'i');

/**
 * Compiles groups of regex sources into one pass that tells which group matches first in
 * priority order. {@link compileMatcher} is the one-group case.
 * @param groups regex sources without top-level `|`, highest priority first
 * @returns a function giving the lowest index of a group with a source that matches
 * (case-insensitively), or `-1`; with `anyGroup` it may return any matching group's index,
 * stopping at the first match
 * @example compileGroups([['twitterbot'], ['bot\\b']])('Twitterbot/1.0', false) // 0
 */
export function compileGroups(groups: readonly (readonly string[])[]): (text: string, anyGroup: boolean) => number {
  const keyed: Keyed[] = [];
  const allAnchored: string[] = [];
  const allFloating: string[] = [];
  const unkeyed = groups.map((sources, group): Unkeyed => {
    const anchored: string[] = [];
    const floating: string[] = [];
    for (const source of sources) {
      const isAnchored = source.startsWith('^');
      const leading = leadingLiteral(isAnchored ? source.slice(1) : source);
      const required = requiredLiteral(source);
      if (leading !== '' && ASCII.test(leading)) {
        // Trying one position per occurrence is cheap, so even `;` or `@` is worth a key.
        keyed.push({ literal: leading, group, where: isAnchored ? 'start' : 'leading', pattern: new RegExp(source, 'iy') });
      } else if (!isAnchored && required.length >= MIN_LITERAL && ASCII.test(required)) {
        keyed.push({ literal: required, group, where: 'anywhere', pattern: new RegExp(source, 'i') });
      } else {
        (isAnchored ? anchored : floating).push(source);
      }
    }
    allAnchored.push(...anchored);
    allFloating.push(...floating);
    return { anchored: anyOf(anchored, true), floating: anyOf(floating, false) };
  });
  // What has no usable literal, all groups together: anchored sources in one `^(?:…)`
  // RegExp, which V8 tries at the start only, and the rest in one RegExp. Only when one of
  // them matches are the groups' own asked which group it was.
  const anchoredPattern = anyOf(allAnchored, true);
  const floatingPattern = anyOf(allFloating, false);

  // Character classes: one per distinct literal character; ASCII upper case folds onto
  // lower case; class 0 is every other character.
  const classOf = new Uint8Array(128);
  let classes = 1;
  for (const { literal } of keyed) {
    for (const char of literal) {
      const code = char.charCodeAt(0);
      if (classOf[code] === 0) classOf[code] = classes++;
    }
  }
  for (let code = 65; code <= 90; code += 1) classOf[code] = classOf[code + 32] ?? 0;

  // Trie, then failure links turned into a full transition table (a DFA).
  const next: Int32Array[] = [new Int32Array(classes).fill(-1)];
  const ends: number[][] = [[]];
  keyed.forEach(({ literal }, key) => {
    let state = 0;
    for (const char of literal) {
      const symbol = classOf[char.charCodeAt(0)] ?? 0;
      const row = next[state] as Int32Array;
      if (row[symbol] === -1) {
        row[symbol] = next.length;
        next.push(new Int32Array(classes).fill(-1));
        ends.push([]);
      }
      state = row[symbol] ?? 0;
    }
    ends[state]?.push(key);
  });
  const fail = new Int32Array(next.length);
  const queue: number[] = [];
  const root = next[0] as Int32Array;
  for (let symbol = 0; symbol < classes; symbol += 1) {
    if (root[symbol] === -1) root[symbol] = 0;
    else queue.push(root[symbol] ?? 0);
  }
  for (let head = 0; head < queue.length; head += 1) {
    const state = queue[head] ?? 0;
    const row = next[state] as Int32Array;
    const fallback = next[fail[state] ?? 0] as Int32Array;
    for (let symbol = 0; symbol < classes; symbol += 1) {
      const target = row[symbol] ?? -1;
      if (target === -1) {
        row[symbol] = fallback[symbol] ?? 0;
      } else {
        fail[target] = fallback[symbol] ?? 0;
        ends[target] = [...(ends[target] ?? []), ...(ends[fail[target] ?? 0] ?? [])];
        queue.push(target);
      }
    }
  }
  // Entries hold the next state's row offset (state × classes), saving a multiplication
  // per character; 16 bits when they fit, 32 beyond.
  const size = next.length * classes;
  const table = size <= 0x10000 ? new Uint16Array(size) : new Uint32Array(size);
  next.forEach((row, state) => row.forEach((target, symbol) => (table[state * classes + symbol] = target * classes)));
  // Which states end a literal: a byte per table row for the hot loop, the keys on the side.
  const ending = new Uint8Array(size);
  const keysAt = new Map<number, readonly number[]>();
  ends.forEach((keys, state) => {
    if (keys.length === 0) return;
    ending[state * classes] = 1;
    keysAt.set(state * classes, keys);
  });

  return (text: string, anyGroup: boolean): number => {
    let best = groups.length;
    if (anchoredPattern?.test(text) === true || floatingPattern?.test(text) === true) {
      best = unkeyed.findIndex(({ anchored, floating }) => anchored?.test(text) === true || floating?.test(text) === true);
      if (anyGroup || best === 0) return best;
    }
    // An `anywhere` source whose RegExp failed once fails everywhere: never run it twice
    // (this keeps a megabyte of near misses such as `gnews gnews …` linear).
    let failed: Set<number> | undefined;
    let state = 0;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      state = table[state + (code < 128 ? (classOf[code] ?? 0) : 0)] ?? 0;
      if (ending[state] === 0) continue;
      for (const key of keysAt.get(state) ?? []) {
        const { literal, group, where, pattern } = keyed[key] as Keyed;
        if (group >= best) continue;
        if (where === 'anywhere') {
          if (failed?.has(key)) continue;
          if (!pattern.test(text)) {
            (failed ??= new Set()).add(key);
            continue;
          }
        } else {
          const start = index + 1 - literal.length;
          if (where === 'start' && start !== 0) continue;
          pattern.lastIndex = start;
          if (!pattern.test(text)) continue;
        }
        best = group;
        if (anyGroup || best === 0) return best;
      }
    }
    return best === groups.length ? -1 : best;
  };
}

/**
 * Compiles regex sources into one case-insensitive "any of them matches" test.
 * @param sources regex sources without top-level `|` (e.g. {@link BOT_PATTERNS})
 * @returns a function equal to `(text) => new RegExp(sources.join('|'), 'i').test(text)`
 * @example compileMatcher(['bots?\\b', '^curl'])('Googlebot/2.1') // true
 */
export function compileMatcher(sources: readonly string[]): (text: string) => boolean {
  const firstGroup = compileGroups([sources]);
  return (text) => firstGroup(text, true) === 0;
}
