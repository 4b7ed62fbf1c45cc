/**
 * The one pass over a post that term matching needs: the text is cut into word tokens whose
 * keys are folded (case, accents, compatibility forms such as full-width letters) and whose
 * offsets point into the ORIGINAL text, so a finding can underline exactly what the author
 * typed. Folding happens once per keystroke; terms are then hash-map look-ups, which is what
 * makes a 1,000-term policy cheap (see tests/bench/policy.bench.mjs).
 */

/** Separator: ends a token (spaces, punctuation, symbols, emoji, lone surrogates). */
const SEP = 0;
/** Letter or digit (`\p{L}`, `\p{N}`): part of a token. */
const WORD = 1;
/** Combining mark (`\p{M}`): belongs to the letter before it, so it extends the span but not the key. */
const MARK = 2;
/** Invisible format character (`\p{Cf}`: zero-width space/joiner, soft hyphen, bidi controls, BOM): skipped inside a word, so `se\u200Bcret` is still one word. */
const INVISIBLE = 3;
/** `@` or `$`: a leetspeak letter when it sits inside or in front of a word (`p@ss`, `$ecret`), a separator otherwise. */
const SYMBOL = 4;

const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c += 1) ASCII_CLASS[c] = WORD;
for (let c = 65; c <= 90; c += 1) ASCII_CLASS[c] = WORD;
for (let c = 97; c <= 122; c += 1) ASCII_CLASS[c] = WORD;
ASCII_CLASS[64] = SYMBOL;
ASCII_CLASS[36] = SYMBOL;

const WORD_RE = /^[\p{L}\p{N}]$/u;
const MARK_RE = /^\p{M}$/u;
const INVISIBLE_RE = /^\p{Cf}$/u;
const MARKS_RE = /\p{M}/gu;

/** Lazily filled class cache: 0 = unknown, else class + 1. Unicode property regexps are slow; each code point is classified once per process. */
const BMP_CLASS = new Uint8Array(0x10000);
const ASTRAL_CLASS = new Map<number, number>();

function classify(cp: number): number {
  if (cp >= 0xd800 && cp <= 0xdfff) return SEP; // a lone surrogate is not a character
  const s = String.fromCodePoint(cp);
  if (WORD_RE.test(s)) return WORD;
  if (MARK_RE.test(s)) return MARK;
  if (INVISIBLE_RE.test(s)) return INVISIBLE;
  return SEP;
}

/**
 * Character class of a code point for the tokenizer.
 * @param cp a code point (lone surrogates allowed)
 * @returns one of the class constants above
 */
function classOf(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp] ?? SEP;
  if (cp < 0x10000) {
    const cached = BMP_CLASS[cp] ?? 0;
    if (cached !== 0) return cached - 1;
    const cls = classify(cp);
    BMP_CLASS[cp] = cls + 1;
    return cls;
  }
  let cls = ASTRAL_CLASS.get(cp);
  if (cls === undefined) {
    cls = classify(cp);
    ASTRAL_CLASS.set(cp, cls);
  }
  return cls;
}

/** Letters that NFKD does not decompose but that a French/German/Nordic reader considers plain letters. */
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  œ: 'oe',
  æ: 'ae',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
};

const FOLD_CACHE = new Map<number, string>();

/**
 * Folded form of a non-ASCII letter or digit: lower case, no accents, compatibility forms
 * resolved (`É` → `e`, `Œ` → `oe`, `ﬁ` → `fi`, full-width `Ａ` → `a`, `𝐬` → `s`).
 */
function foldCodePoint(cp: number): string {
  let folded = FOLD_CACHE.get(cp);
  if (folded === undefined) {
    const lower = String.fromCodePoint(cp).toLowerCase();
    folded = (SPECIAL_FOLDS[lower] ?? lower).normalize('NFKD').replace(MARKS_RE, '').toLowerCase();
    FOLD_CACHE.set(cp, folded);
  }
  return folded;
}

/**
 * Folds a whole string the way tokens are folded (for messages and tests; not on the hot path).
 * @param text any text
 * @returns lower-case text without accents
 * @example foldText('Données') // 'donnees'
 */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    out += cp < 128 ? ch.toLowerCase() : classOf(cp) === MARK ? '' : foldCodePoint(cp);
  }
  return out;
}

const LEET: Readonly<Record<string, string>> = { 0: 'o', 3: 'e', 4: 'a', 5: 's', 7: 't', '@': 'a', $: 's' };
/** `1` stands for `i` or `l`; more than three of them in one word are read all-`i` or all-`l` to bound the variants. */
const MAX_AMBIGUOUS_ONES = 3;

/**
 * The readings of an obfuscated word: `c0nf1dent1el` → `confidentiel` (and the `l` variants),
 * `$ecret` → `secret`. Only words that are mostly letters qualify, so `4`, `10am`, `5G`,
 * `1 234` or `2026` are never read as words (the spec's false-positive clause).
 */
function leetVariants(key: string, out: string[]): void {
  let base = '';
  let ones = 0;
  for (const ch of key) {
    if (ch === '1') ones += 1;
    base += LEET[ch] ?? ch;
  }
  if (ones === 0) {
    out.push(base);
  } else if (ones > MAX_AMBIGUOUS_ONES) {
    out.push(base.replaceAll('1', 'i'), base.replaceAll('1', 'l'));
  } else {
    for (let mask = 0; mask < 1 << ones; mask += 1) {
      let variant = '';
      let bit = 0;
      for (const ch of base) {
        if (ch === '1') {
          variant += (mask >> bit) & 1 ? 'l' : 'i';
          bit += 1;
        } else {
          variant += ch;
        }
      }
      out.push(variant);
    }
  }
}

/**
 * The token stream of one text: parallel arrays (no object per token), reused between calls
 * because `checkPolicy` runs on every keystroke.
 * @example
 * const stream = tokenize('Top $ecret', new TokenStream());
 * stream.keys.slice(0, stream.count) // ['top', '$ecret']; stream.alts[1] // ['ecret', 'secret']
 */
export class TokenStream {
  /** Number of tokens. */
  count = 0;
  /** UTF-16 offset of each token's first code unit in the original text. */
  readonly starts: number[] = [];
  /** UTF-16 offset just after each token's last letter, digit or combining mark. */
  readonly ends: number[] = [];
  /** Folded key: lower case, no accents, leet characters kept as typed (`s3cret`). */
  readonly keys: string[] = [];
  /** Other readings (leetspeak, look-alikes replaced, without a leading `@`/`$`), or `null` for the common clean word. */
  readonly alts: (string[] | null)[] = [];
  /** Whether the token directly follows a `#` (hashtags, for disclosures such as `#employee`). */
  readonly hashed: boolean[] = [];

  /** Forgets the previous text; drops big arrays so a 1 MB paste does not stay in memory. */
  reset(): void {
    if (this.starts.length > 4096) {
      this.starts.length = 0;
      this.ends.length = 0;
      this.keys.length = 0;
      this.alts.length = 0;
      this.hashed.length = 0;
    }
    this.count = 0;
  }

  /**
   * Appends a token.
   * @param start first code unit in the original text
   * @param end offset after the token
   * @param key folded key
   * @param alts other readings, or `null`
   * @param hashed whether a `#` precedes it
   */
  push(start: number, end: number, key: string, alts: string[] | null, hashed: boolean): void {
    const i = this.count;
    this.starts[i] = start;
    this.ends[i] = end;
    this.keys[i] = key;
    this.alts[i] = alts;
    this.hashed[i] = hashed;
    this.count = i + 1;
  }
}

/**
 * Look-alike letters from Cyrillic and Greek that pass for Latin ones once lower-cased
 * (`ѕесrеt` with Cyrillic ѕ, е, с). Letters whose lower and upper case look like different
 * Latin letters (η, υ) are left out.
 */
const CONFUSABLES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', і: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's',
  ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', μ: 'm', ν: 'v', ο: 'o', ρ: 'p', τ: 't',
  χ: 'x', ζ: 'z',
};

/** What the tokenizer counted in one word, to decide which other readings it deserves. */
interface WordCounts {
  /** Letters, in any script. */
  letters: number;
  /** Letters that fold to a Latin a-z. */
  latin: number;
  /** Cyrillic or Greek look-alikes of Latin letters. */
  confusables: number;
  /** Digits 0 1 3 4 5 7, which leetspeak uses for letters. */
  leet: number;
  /** Other digits, which make a word a number or a code (`b2b`, `covid19`), never leetspeak. */
  otherDigits: number;
  /** `@` and `$` read inside the word. */
  symbols: number;
}

/**
 * The other readings of a word, or `null` for the common clean word: without a leading
 * `@`/`$` (`@acme` names `acme`), with look-alikes replaced when Latin and look-alike letters
 * are mixed (a word in plain Cyrillic or Greek is left alone), and leetspeak when the word is
 * mostly letters.
 */
function readings(key: string, counts: WordCounts): string[] | null {
  const alts: string[] = [];
  let base = key;
  if (counts.symbols > 0 && (key.charCodeAt(0) === 64 || key.charCodeAt(0) === 36) && key.length > 1) alts.push(key.slice(1));
  if (counts.confusables > 0 && counts.latin > 0) {
    base = '';
    for (const ch of key) base += CONFUSABLES[ch] ?? ch;
    alts.push(base);
  }
  const { letters, leet, symbols, otherDigits } = counts;
  if ((leet > 0 || symbols > 0) && letters >= 2 && letters > leet + symbols && otherDigits === 0) leetVariants(base, alts);
  return alts.length > 0 ? alts : null;
}

const isLetterAt = (text: string, i: number): boolean => {
  if (i >= text.length) return false;
  const cp = text.codePointAt(i) ?? 0;
  if (cp < 128) return ASCII_CLASS[cp] === WORD && (cp > 57 || cp < 48);
  return classOf(cp) === WORD;
};

const isWordOrSymbolAt = (text: string, i: number): boolean => {
  if (i >= text.length) return false;
  const cls = classOf(text.codePointAt(i) ?? 0);
  return cls === WORD || cls === SYMBOL;
};

/** `john@acme.com`: an `@` followed by a host name is an address, not leetspeak, so `acme` stays a word of its own. */
function looksLikeHostAfter(text: string, at: number): boolean {
  let i = at + 1;
  const stop = Math.min(text.length, at + 65);
  while (i < stop) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45) i += 1;
    else break;
  }
  return i > at + 1 && text.charCodeAt(i) === 46 && isLetterAt(text, i + 1);
}

/** `text.slice(from, to)` in lower case; `toLowerCase` is skipped when nothing is upper case (it is slow on two-byte strings, i.e. any post with an emoji). */
const lower = (text: string, from: number, to: number, upper: boolean): string =>
  upper ? text.slice(from, to).toLowerCase() : text.slice(from, to);

/**
 * Cuts `text` into folded word tokens.
 * @param text the post, any string (lone surrogates, zero-width characters, RTL text, emoji)
 * @param out stream to fill (reset first)
 * @returns `out`
 * @example tokenize('Le SECRET-défense', new TokenStream()).keys // ['le', 'secret', 'defense']
 */
export function tokenize(text: string, out: TokenStream): TokenStream {
  out.reset();
  const n = text.length;
  let inToken = false;
  let start = 0;
  let end = 0;
  /**
   * The key is built lazily: `key` holds the folded part up to `raw`, and the ASCII run from
   * `raw` is lower-cased with one `slice` when a non-ASCII character or the end of the word
   * comes. A plain ASCII word (the common case) costs one `slice().toLowerCase()`.
   */
  let key = '';
  let raw = 0;
  /** Whether the pending ASCII run has an upper-case letter: most words do not, and skip `toLowerCase`. */
  let upper = false;
  const counts: WordCounts = { letters: 0, latin: 0, confusables: 0, leet: 0, otherDigits: 0, symbols: 0 };
  let prevLetter = false;

  const flush = (): void => {
    const k = raw < end ? key + lower(text, raw, end, upper) : key;
    const other = counts.leet > 0 || counts.symbols > 0 || counts.confusables > 0 ? readings(k, counts) : null;
    out.push(start, end, k, other, start > 0 && text.charCodeAt(start - 1) === 35);
    inToken = false;
  };

  let i = 0;
  while (i < n) {
    let cp = text.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    let cls = cp < 128 ? (ASCII_CLASS[cp] ?? SEP) : classOf(cp);
    if (cls === SYMBOL) {
      const joins = inToken ? isWordOrSymbolAt(text, i + 1) || prevLetter : isLetterAt(text, i + 1);
      cls = joins && !(cp === 64 && inToken && looksLikeHostAfter(text, i)) ? WORD : SEP;
    }
    if (cls === WORD) {
      if (!inToken) {
        inToken = true;
        start = i;
        key = '';
        raw = i;
        upper = false;
        counts.letters = 0;
        counts.latin = 0;
        counts.confusables = 0;
        counts.leet = 0;
        counts.otherDigits = 0;
        counts.symbols = 0;
      }
      if (cp < 128) {
        if (cp >= 48 && cp <= 57) {
          if (cp === 48 || cp === 49 || cp === 51 || cp === 52 || cp === 53 || cp === 55) counts.leet += 1;
          else counts.otherDigits += 1;
          prevLetter = false;
        } else if (cp === 64 || cp === 36) {
          counts.symbols += 1;
          prevLetter = false;
        } else {
          // a run of ASCII letters is taken at once: most of a post is just that
          if (cp <= 90) upper = true;
          let j = i + 1;
          for (let d = text.charCodeAt(j); (d >= 97 && d <= 122) || (d >= 65 && d <= 90); d = text.charCodeAt(j)) {
            if (d <= 90) upper = true;
            j += 1;
          }
          counts.letters += j - i;
          counts.latin += j - i;
          prevLetter = true;
          end = j;
          i = j;
          continue;
        }
      } else {
        const folded = foldCodePoint(cp);
        key += lower(text, raw, i, upper) + folded;
        raw = i + width;
        upper = false;
        const f = folded.charCodeAt(0);
        if (f >= 48 && f <= 57) {
          counts.otherDigits += 1; // non-ASCII digits are never leet
        } else {
          counts.letters += 1;
          if (f >= 97 && f <= 122) counts.latin += 1;
          else if (CONFUSABLES[folded] !== undefined) counts.confusables += 1;
        }
        prevLetter = true;
      }
      end = i + width;
    } else if (cls === MARK || cls === INVISIBLE) {
      if (inToken) {
        // left out of the key; a combining mark still belongs to the span of its letter
        key += lower(text, raw, i, upper);
        raw = i + width;
        upper = false;
        if (cls === MARK) end = i + width;
      }
    } else if (inToken) {
      flush();
      prevLetter = false;
    }
    i += width;
  }
  if (inToken) flush();
  return out;
}
