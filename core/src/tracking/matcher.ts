/**
 * A test for "does any of these regex sources match?" that reads the subject once.
 *
 * Why not one big RegExp: V8 tries every top-level alternative at every position, so even
 * the prefix-factored alternation ({@link compileAlternation}) only ties with isbot's. Here
 * each source gets a *required literal* (a run of plain characters every match must
 * contain, e.g. `news` in `(?:^|[^g])news(?!sapphire)`); an Aho–Corasick automaton finds
 * all of them in one pass over the subject, and a source's own RegExp runs only when its
 * literal occurred. Most browser user agents contain none, so most are decided by that
 * single pass. Anchored sources (tried at the start only) and sources without a literal
 * of {@link MIN_LITERAL} characters go into RegExps that always run. On the labelled
 * corpus this measured 2–3x isbot and the factored alternation alike
 * (`tests/bench/tracking.bench.mjs`).
 *
 * The answer is exactly that of `new RegExp(sources.join('|'), 'i')`: a literal is only a
 * necessary condition, and the decision is always the source's own RegExp. Only ASCII
 * letters fold case, as in a non-Unicode `i` RegExp (where `K`, U+212A, is not `k`).
 */

import { compileAlternation } from './alternation.js';

/** Shorter literals (`;`, `@`) are too common in browser user agents to be worth a lookup. */
const MIN_LITERAL = 3;

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
  let best = '';
  let run = '';
  let index = 0;
  while (index < source.length) {
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
      run = '';
    } else {
      run += literal.toLowerCase();
      if (run.length > best.length) best = run;
    }
  }
  return best;
}

interface Keyed {
  readonly literal: string;
  readonly pattern: RegExp;
}

/**
 * Compiles regex sources into one case-insensitive "any of them matches" test.
 * @param sources regex sources without top-level `|` (e.g. {@link BOT_PATTERNS})
 * @returns a function equal to `(text) => new RegExp(sources.join('|'), 'i').test(text)`
 * @example compileMatcher(['bots?\\b', '^curl'])('Googlebot/2.1') // true
 */
export function compileMatcher(sources: readonly string[]): (text: string) => boolean {
  const keyed: Keyed[] = [];
  const always: string[] = [];
  for (const source of sources) {
    const literal = requiredLiteral(source);
    // Anchored sources are tried at the start only, so they cost little in the RegExp.
    if (source.startsWith('^') || literal.length < MIN_LITERAL || /[^\x20-\x7e]/.test(literal)) always.push(source);
    else keyed.push({ literal, pattern: new RegExp(source, 'i') });
  }
  // Anchored sources in one `^(?:…)` RegExp, which V8 tries at the start only.
  const anchored = always.filter((source) => source.startsWith('^'));
  const floating = always.filter((source) => !source.startsWith('^'));
  const anchoredPattern = anchored.length > 0 ? new RegExp(compileAlternation(anchored), 'i') : undefined;
  const floatingPattern = floating.length > 0 ? new RegExp(floating.join('|'), 'i') : undefined;

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
  // per character; 16 bits suffice for the bot patterns (about 60,000), 32 beyond.
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

  return (text: string): boolean => {
    if (anchoredPattern?.test(text) === true || floatingPattern?.test(text) === true) return true;
    // A source whose RegExp failed once fails everywhere: never run it twice (this keeps
    // a megabyte of near misses such as `gnews gnews …` linear).
    let failed: Set<number> | undefined;
    let state = 0;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      state = table[state + (code < 128 ? (classOf[code] ?? 0) : 0)] ?? 0;
      if (ending[state] === 0) continue;
      for (const key of keysAt.get(state) ?? []) {
        if (failed?.has(key)) continue;
        if ((keyed[key] as Keyed).pattern.test(text)) return true;
        (failed ??= new Set()).add(key);
      }
    }
    return false;
  };
}
