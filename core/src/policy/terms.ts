/**
 * Blocked terms and confidentiality markers: a trie of folded word sequences, walked once per
 * token. A term of one word is one hash look-up per token; a phrase continues into the next
 * tokens only while the words keep matching, whatever separators (spaces, hyphens, line
 * breaks, punctuation, emoji) lie between them.
 */
import { TokenStream, tokenize } from './tokens.js';

/** Which list a term came from. */
export type TermKind = 'blocked' | 'confidential';

/** One node of the word trie: the term ending here (as configured, for the message) and the words that may follow. */
interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  blocked: string | undefined;
  confidential: string | undefined;
}

/** Most gap between the letters of a spaced-out word (`c . o . n`). */
const MAX_SPACED_GAP = 3;
/** Fewest letters in a spaced-out word: `a b` is just two words. */
const MIN_SPACED_LETTERS = 3;

const scratch = new TokenStream();

/**
 * The folded words of a configured term, as the tokenizer would read them in a post.
 * @param term a configured term or phrase
 * @returns its words (`['secret', 'defense']`), empty when it has no letters or digits
 * @example termWords('Secret-Défense') // ['secret', 'defense']
 */
export function termWords(term: string): string[] {
  const tokens = tokenize(term, scratch);
  return tokens.keys.slice(0, tokens.count);
}

/**
 * The compiled blocked terms and confidentiality markers.
 * @example
 * const terms = new TermIndex();
 * terms.add(termWords('secret défense'), 'blocked', 'secret défense');
 * terms.match(tokenize('SECRET-DEFENSE', new TokenStream()), 'SECRET-DEFENSE', () => true, console.log); // blocked 0 14 secret défense
 */
export class TermIndex {
  private readonly root = new Map<string, TrieNode>();
  /** Number of distinct word sequences stored (for tests and diagnostics). */
  size = 0;

  /**
   * Adds a term. A phrase is also stored glued together (`secret défense` → `secretdefense`),
   * so a hashtag `#SecretDéfense` or a spaced-out `s e c r e t d é f e n s e` matches it too.
   * @param words folded words from {@link termWords} (non-empty)
   * @param kind the list it came from
   * @param display the term as configured, for the message
   */
  add(words: readonly string[], kind: TermKind, display: string): void {
    this.insert(words, kind, display);
    if (words.length > 1) this.insert([words.join('')], kind, display);
  }

  private insert(words: readonly string[], kind: TermKind, display: string): void {
    let level = this.root;
    let node: TrieNode | undefined;
    for (let w = 0; w < words.length; w += 1) {
      const word = words[w] ?? '';
      node = level.get(word);
      if (node === undefined) {
        node = { next: undefined, blocked: undefined, confidential: undefined };
        level.set(word, node);
      }
      if (w < words.length - 1) {
        node.next ??= new Map();
        level = node.next;
      }
    }
    if (node === undefined) return;
    if (node.blocked === undefined && node.confidential === undefined) this.size += 1;
    if (kind === 'blocked') node.blocked ??= display;
    else node.confidential ??= display;
  }

  /**
   * Finds every term in a tokenized text: for each token the longest phrase starting there,
   * once per list; matches of one list do not overlap.
   * @param tokens the tokenized post
   * @param text the post (to check the gaps of spaced-out words)
   * @param readsLeet whether obfuscated readings of the token at this offset may be used
   *   (false inside URLs, where `b00k5` is an identifier, not a word)
   * @param emit called with the list, the UTF-16 span in `text` and the term as configured
   */
  match(
    tokens: TokenStream,
    text: string,
    readsLeet: (offset: number) => boolean,
    emit: (kind: TermKind, start: number, end: number, term: string) => void,
  ): void {
    if (this.size === 0) return;
    const { count, starts, ends, keys, alts } = tokens;
    let blockedUntil = 0;
    let confidentialUntil = 0;
    let blockedEnd = -1;
    let blockedTerm = '';
    let confidentialEnd = -1;
    let confidentialTerm = '';

    const tryKey = (level: Map<string, TrieNode>, j: number, key: string): void => {
      const node = level.get(key);
      if (node === undefined) return;
      const end = ends[j] ?? 0;
      if (node.blocked !== undefined && end > blockedEnd) {
        blockedEnd = end;
        blockedTerm = node.blocked;
      }
      if (node.confidential !== undefined && end > confidentialEnd) {
        confidentialEnd = end;
        confidentialTerm = node.confidential;
      }
      if (node.next !== undefined && j + 1 < count) walk(node.next, j + 1);
    };
    const walk = (level: Map<string, TrieNode>, j: number): void => {
      tryKey(level, j, keys[j] ?? '');
      const readings = alts[j];
      if (readings != null && readsLeet(starts[j] ?? 0)) for (const alt of readings) tryKey(level, j, alt);
    };

    for (let i = 0; i < count; i += 1) {
      blockedEnd = -1;
      confidentialEnd = -1;
      walk(this.root, i);
      const start = starts[i] ?? 0;
      if (blockedEnd >= 0 && start >= blockedUntil) {
        emit('blocked', start, blockedEnd, blockedTerm);
        blockedUntil = blockedEnd;
      }
      if (confidentialEnd >= 0 && start >= confidentialUntil) {
        emit('confidential', start, confidentialEnd, confidentialTerm);
        confidentialUntil = confidentialEnd;
      }
    }
    this.matchSpacedOut(tokens, text, readsLeet, emit);
  }

  /**
   * `c.o.n.f.i.d.e.n.t.i.e.l`, `s e c r e t`: runs of one-letter tokens read as one word.
   * A run may start or end with a real one-letter word (`à`, `a`, `y`), so those are tried off.
   */
  private matchSpacedOut(
    tokens: TokenStream,
    text: string,
    readsLeet: (offset: number) => boolean,
    emit: (kind: TermKind, start: number, end: number, term: string) => void,
  ): void {
    const { count, starts, ends, keys } = tokens;
    let runStart = -1;
    for (let j = 0; j <= count; j += 1) {
      const single = j < count && (keys[j] ?? '').length === 1;
      if (single && runStart >= 0 && smallGap(text, ends[j - 1] ?? 0, starts[j] ?? 0)) continue;
      if (runStart >= 0 && j - runStart >= MIN_SPACED_LETTERS) this.matchRun(tokens, runStart, j - 1, readsLeet, emit);
      runStart = single ? j : -1;
    }
  }

  private matchRun(
    tokens: TokenStream,
    first: number,
    last: number,
    readsLeet: (offset: number) => boolean,
    emit: (kind: TermKind, start: number, end: number, term: string) => void,
  ): void {
    const { starts, ends, keys } = tokens;
    for (let s = first; s <= first + 1; s += 1) {
      for (let e = last; e >= last - 1; e -= 1) {
        if (e - s + 1 < MIN_SPACED_LETTERS) continue;
        let glued = '';
        for (let k = s; k <= e; k += 1) glued += keys[k] ?? '';
        const start = starts[s] ?? 0;
        const candidates = [glued];
        const glue = tokenize(glued, scratch);
        const readings = glue.alts[0];
        if (glue.count === 1 && readings != null && spacedLeetPlausible(glued) && readsLeet(start)) candidates.push(...readings);
        for (const candidate of candidates) {
          const node = this.root.get(candidate);
          if (node === undefined) continue;
          const end = ends[e] ?? 0;
          if (node.blocked !== undefined) emit('blocked', start, end, node.blocked);
          if (node.confidential !== undefined) emit('confidential', start, end, node.confidential);
          return;
        }
      }
    }
  }
}

/**
 * Single digits between single letters are common in lists and maths (`a 5 s 7`), so a
 * spaced-out run is read as leetspeak only when it is long and mostly letters.
 */
function spacedLeetPlausible(glued: string): boolean {
  let digits = 0;
  for (let k = 0; k < glued.length; k += 1) {
    const c = glued.charCodeAt(k);
    if (c >= 48 && c <= 57) digits += 1;
  }
  return glued.length >= 5 && glued.length >= 3 * digits;
}

/** A gap of one to three separators on one line: `c.o`, `c o`, `c - o`, not `c\no`. */
function smallGap(text: string, from: number, to: number): boolean {
  if (to - from > MAX_SPACED_GAP) return false;
  for (let k = from; k < to; k += 1) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return false;
  }
  return true;
}
