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
 * runs on the whole subject, at most once per call. A source that ends with a literal
 * character before `$` (`;\s\w+;$`) is not run unless the subject ends with it. Sources with
 * no literal at all (isbot's shape rules such as `^[^ ]{50,}$`) go into RegExps that run
 * after the pass, and only when the pass found nothing better: a crawler named by a literal
 * never pays for them. Few of the literals ever occur in a browser's user agent, so a
 * person's visit costs the single pass, a few one-position checks and the shape rules; the
 * pass may also resume after a known prefix (see {@link compileGroups}).
 *
 * Measured with `tests/bench/tracking.bench.mjs` (eight runs on the shared 2-core machine,
 * load average 5–10): 2.4–4.1x isbot over the labelled corpus, 3.3–4.3x over mainstream
 * browsers, 2.2–5.5x on a 1 MB user agent. Profiled on browsers' user agents, the shape
 * rules took a third of the time and the pass most of the rest (about 2 ns a character
 * here, close to a bare `charCodeAt` loop): hence shape rules last, and known prefixes skipped.
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

interface Run {
  text: string;
  /** The run starts the source. */
  readonly leading: boolean;
  /** The run ends the source, right before its final `$`: every match ends the subject with it. */
  trailing: boolean;
}

/** The runs of plain characters in the top-level sequence of a source, lower-cased. */
function literalRuns(source: string): Run[] {
  const runs: Run[] = [];
  let run: Run | undefined;
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
      if (char === '$' && index === source.length - 1 && run !== undefined) run.trailing = true;
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
      run = { text: literal.toLowerCase(), leading, trailing: false };
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

/**
 * The character code every subject that `source` matches ends with (ASCII, lower-cased), or
 * `-1`: `;\s\w+;$` needs a final `;`, which a browser's user agent (ending in a version
 * number) almost never has, so its RegExp need not run at all.
 */
const trailingCode = (source: string): number => {
  const last = literalRuns(source).find(({ trailing }) => trailing)?.text.slice(-1) ?? '';
  return last !== '' && ASCII.test(last) ? last.charCodeAt(0) : -1;
};

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
  /** The subject's last character, lower-cased, when every match ends the subject with it; else `-1`. */
  readonly last: number;
}

/** Where the pass stands after a known prefix: its state, and the literals that ended inside it. */
interface Resume {
  readonly prefix: string;
  readonly state: number;
  readonly found: readonly { readonly keys: readonly number[]; readonly end: number }[];
}

/** Sources with no usable literal, per group, as RegExps that run after the pass (`undefined` if none). */
interface Unkeyed {
  readonly anchored: RegExp | undefined;
  readonly floating: RegExp | undefined;
}

const anyOf = (sources: readonly string[], anchored: boolean): RegExp | undefined =>
  sources.length === 0 ? undefined : new RegExp(anchored ? compileAlternation(sources) : sources.join('|'), 'i');

/**
 * Compiles groups of regex sources into one pass that tells which group matches first in
 * priority order. {@link compileMatcher} is the one-group case.
 *
 * `prefixes` are texts most subjects start with (for user agents, the mainstream browsers'
 * `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/`):
 * the automaton's state after each, and the literals found inside it, are computed once, so
 * a subject that starts with one skips that part of the pass. The answer is unchanged: the
 * automaton is deterministic, and each literal found in the prefix is still confirmed by its
 * source's RegExp on the whole subject.
 * @param groups regex sources without top-level `|`, highest priority first
 * @param prefixes common starts of subjects (the longest that fits is used)
 * @default prefixes []
 * @returns a function giving the lowest index of a group with a source that matches
 * (case-insensitively), or `-1`; with `anyGroup` it may return any matching group's index,
 * stopping at the first match
 * @example compileGroups([['twitterbot'], ['bot\\b']])('Twitterbot/1.0', false) // 0
 */
export function compileGroups(
  groups: readonly (readonly string[])[],
  prefixes: readonly string[] = [],
): (text: string, anyGroup: boolean) => number {
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
      const last = trailingCode(source);
      if (leading !== '' && ASCII.test(leading)) {
        // Trying one position per occurrence is cheap, so even `;` or `@` is worth a key.
        keyed.push({ literal: leading, group, where: isAnchored ? 'start' : 'leading', pattern: new RegExp(source, 'iy'), last });
      } else if (!isAnchored && required.length >= MIN_LITERAL && ASCII.test(required)) {
        keyed.push({ literal: required, group, where: 'anywhere', pattern: new RegExp(source, 'i'), last });
      } else {
        (isAnchored ? anchored : floating).push(source);
      }
    }
    allAnchored.push(...anchored);
    allFloating.push(...floating);
    return { anchored: anyOf(anchored, true), floating: anyOf(floating, false) };
  });
  // What has no usable literal, all groups together: anchored sources in one `^(?:…)`
  // RegExp, which V8 tries at the start only, and the rest in one RegExp. They run after
  // the pass, and only when they could still change the answer: a crawler named by a
  // literal never pays for them. When one matches, the groups' own say which group it was.
  const anchoredPattern = anyOf(allAnchored, true);
  const floatingPattern = anyOf(allFloating, false);
  const firstUnkeyed = unkeyed.findIndex(({ anchored, floating }) => anchored !== undefined || floating !== undefined);

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
  // States that end no literal come first, so the hot loop tells "nothing ends here" by
  // comparing the state with one number instead of reading a second table. Entries hold the
  // next state's row offset (state × classes), saving a multiplication per character. Signed
  // 32 bits: V8 then keeps the state an int32 in the loop; with Uint32Array entries (which
  // may exceed a small integer) a pass resumed from a prefix measured 40% slower.
  const endsSome = (state: number): number => Number((ends[state]?.length ?? 0) > 0);
  const order = [...next.keys()].sort((a, b) => endsSome(a) - endsSome(b));
  const rank = new Int32Array(next.length);
  order.forEach((state, position) => (rank[state] = position));
  const endingFrom = order.filter((state) => endsSome(state) === 0).length * classes;
  const size = next.length * classes;
  const table = new Int32Array(size);
  next.forEach((row, state) => row.forEach((target, symbol) => (table[(rank[state] ?? 0) * classes + symbol] = (rank[target] ?? 0) * classes)));
  // The keys each ending state ends, in group order (the first that matches is the best).
  const keysAt = order
    .slice(endingFrom / classes)
    .map((state) => [...(ends[state] ?? [])].sort((a, b) => (keyed[a]?.group ?? 0) - (keyed[b]?.group ?? 0)));
  const step = (state: number, code: number): number => table[state + (code < 128 ? (classOf[code] ?? 0) : 0)] ?? 0;

  /** Each prefix's final state, and the literals ending inside it (keys, end index), in order. */
  const resumes: readonly Resume[] = [...prefixes]
    .sort((a, b) => b.length - a.length)
    .map((prefix) => {
      const found: { readonly keys: readonly number[]; readonly end: number }[] = [];
      let state = 0;
      for (let index = 0; index < prefix.length; index += 1) {
        state = step(state, prefix.charCodeAt(index));
        if (state >= endingFrom) found.push({ keys: keysAt[(state - endingFrom) / classes] ?? [], end: index + 1 });
      }
      return { prefix, state, found };
    });
  // One sticky, case-sensitive RegExp finds which prefix a subject starts with: V8 compares
  // the factored literals in compiled code (String.prototype.startsWith, one call per
  // prefix, measured several times slower). Its greedy `?`s make the longest prefix win, and
  // `lastIndex` then says which one it was: by its length, then by its character where the
  // prefixes part ways (the fork). Most subjects that fit none (`Mozilla/5.0 (compatible; …`)
  // are told by that one character, without running the RegExp.
  const prefixPattern =
    resumes.length === 0 ? undefined : new RegExp(compileAlternation(resumes.map(({ prefix }) => prefix.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))), 'y');
  const first = resumes[0]?.prefix ?? '';
  let fork = 0;
  while (fork < first.length && resumes.every(({ prefix }) => prefix[fork] === first[fork])) fork += 1;
  /** A prefix's character at the fork; `-1` for the one prefix that ends there (it fits whatever follows). */
  const forkCode = (prefix: string): number => (prefix.length > fork ? prefix.charCodeAt(fork) : -1);
  const forkDecides = resumes.every(({ prefix }) => forkCode(prefix) !== -1);
  const atFork = new Uint8Array(128);
  const byLength = new Map<number, (Resume & { readonly code: number; readonly alone: boolean })[]>();
  for (const resume of resumes) {
    const code = forkCode(resume.prefix);
    if (code >= 0 && code < 128) atFork[code] = 1;
    const twins = resumes.filter(({ prefix }) => prefix.length === resume.prefix.length && forkCode(prefix) === code);
    byLength.set(resume.prefix.length, [...(byLength.get(resume.prefix.length) ?? []), { ...resume, code, alone: twins.length === 1 }]);
  }
  const resumeFor = (text: string): Resume | undefined => {
    if (prefixPattern === undefined) return undefined;
    const code = text.charCodeAt(fork);
    if (forkDecides && code < 128 && atFork[code] === 0) return undefined;
    prefixPattern.lastIndex = 0;
    if (!prefixPattern.test(text)) return undefined;
    // The subject starts with exactly one prefix of this length: the only one with its
    // character at the fork, or else the one startsWith confirms.
    for (const resume of byLength.get(prefixPattern.lastIndex) ?? []) {
      if ((resume.code === -1 || resume.code === code) && (resume.alone || text.startsWith(resume.prefix))) return resume;
    }
    return undefined;
  };

  // Per call: the subject's last character (lower-cased) for the `last` test, and which
  // `anywhere` sources already failed: one that failed once fails everywhere, so it never
  // runs twice (this keeps a megabyte of near misses such as `gnews gnews …` linear).
  let subject = '';
  let lastCode = -1;
  let call = 1;
  const failedIn = new Uint32Array(keyed.length);

  /** The best group among `keys` (sorted by group) whose source matches where its literal ends at `end`. */
  const confirm = (keys: readonly number[], end: number, best: number): number => {
    for (const key of keys) {
      const { literal, group, where, pattern, last } = keyed[key] as Keyed;
      if (group >= best) return best;
      if (last !== -1 && last !== lastCode) continue;
      if (where === 'anywhere') {
        if (failedIn[key] === call) continue;
        if (pattern.test(subject)) return group;
        failedIn[key] = call;
        continue;
      }
      const start = end - literal.length;
      if (where === 'start' && start !== 0) continue;
      pattern.lastIndex = start;
      if (pattern.test(subject)) return group;
    }
    return best;
  };

  return (text: string, anyGroup: boolean): number => {
    subject = text;
    lastCode = text.charCodeAt(text.length - 1);
    if (lastCode >= 65 && lastCode <= 90) lastCode += 32;
    if (++call === 0xffffffff) {
      failedIn.fill(0);
      call = 1;
    }
    const none = groups.length;
    let best = none;
    let state = 0;
    let index = 0;
    const resume = resumeFor(text);
    if (resume !== undefined) {
      for (const { keys, end } of resume.found) {
        best = confirm(keys, end, best);
        if (best === 0 || (anyGroup && best < none)) return best;
      }
      state = resume.state;
      index = resume.prefix.length;
    }
    for (; index < text.length; index += 1) {
      state = step(state, text.charCodeAt(index));
      if (state < endingFrom) continue;
      best = confirm(keysAt[(state - endingFrom) / classes] ?? [], index + 1, best);
      if (best === 0 || (anyGroup && best < none)) return best;
    }
    if (firstUnkeyed !== -1 && firstUnkeyed < best && (anchoredPattern?.test(text) === true || floatingPattern?.test(text) === true)) {
      const group = unkeyed.findIndex(({ anchored, floating }) => anchored?.test(text) === true || floating?.test(text) === true);
      if (group !== -1 && group < best) best = group;
    }
    return best === none ? -1 : best;
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
