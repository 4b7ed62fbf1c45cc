/**
 * Personal data an employee should think twice about posting: e-mail addresses and phone
 * numbers. Detection reads free text, so it is tuned against what looks like a phone number
 * but is not: dates (`29.11.2026`), times, prices (`1 234,56 €`), years, versions, IBANs,
 * card numbers, order numbers inside links.
 */

const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const NON_ASCII_WORD = /^[\p{L}\p{N}]$/u;
const isNonAsciiWord = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  if (c < 128 || (c >= 0xdc00 && c <= 0xdfff)) return false;
  const cp = text.codePointAt(i) ?? 0;
  return NON_ASCII_WORD.test(String.fromCodePoint(cp));
};

/** RFC 5322 atext plus `.`; non-ASCII letters are allowed as validator.js allows UTF-8 local parts. */
const LOCAL_SYMBOLS = new Set("!#$%&'*+/=?^_`{|}~.-".split('').map((c) => c.charCodeAt(0)));
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

function isLocalChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isAsciiAlnum(c) || LOCAL_SYMBOLS.has(c) || isNonAsciiWord(text, i);
}

function isDomainChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isAsciiAlnum(c) || c === 45 || c === 46 || isNonAsciiWord(text, i);
}

/** Host name rules: at least two labels, none empty or longer than 63, no edge hyphens, a TLD of two or more letters. */
function isHostName(domain: string): boolean {
  if (domain.length === 0 || domain.length > MAX_DOMAIN) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63 || label.startsWith('-') || label.endsWith('-')) return false;
  }
  const tld = labels[labels.length - 1] ?? '';
  return tld.length >= 2 && (/^xn--[a-z0-9-]+$/i.test(tld) || /^\p{L}+$/u.test(tld));
}

/** Start of the local part ending before `at`, or -1: a quoted local part (`"foo bar"@x.com`) or a dot-atom. */
function localStart(text: string, at: number): number {
  if (text.charCodeAt(at - 1) === 34) {
    // quoted local part: back to the opening quote on the same line, at most 64 characters
    for (let k = at - 2; k >= 0 && at - k <= MAX_LOCAL + 2; k -= 1) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 13) return -1;
      if (c === 34 && text.charCodeAt(k - 1) !== 92) return at - k - 2 > 0 ? k : -1;
    }
    return -1;
  }
  let s = at;
  while (s > 0 && isLocalChar(text, s - 1)) {
    s -= 1;
    if (at - s > MAX_LOCAL) return -1;
  }
  while (s < at && text.charCodeAt(s) === 46) s += 1; // a sentence's `...` before the address is not part of it
  if (s === at) return -1;
  const local = text.slice(s, at);
  if (local.endsWith('.') || local.includes('..')) return -1;
  return s;
}

/**
 * Finds e-mail addresses.
 * @param text the post
 * @param emit called with each address's span
 * @example findEmails('Écrivez à jean.dupont@acme.fr.', (s) => …) // span of `jean.dupont@acme.fr`
 */
export function findEmails(text: string, emit: (start: number, end: number) => void): void {
  let from = 0;
  for (let at = text.indexOf('@', from); at >= 0; at = text.indexOf('@', from)) {
    from = at + 1;
    const start = at > 0 ? localStart(text, at) : -1;
    if (start < 0) continue;
    let end = at + 1;
    while (end < text.length && end - at <= MAX_DOMAIN + 1 && isDomainChar(text, end)) end += 1;
    while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end -= 1;
    if (!isHostName(text.slice(at + 1, end))) continue;
    emit(start, end);
    from = end;
  }
}

/** Spaces and punctuation that people put between digit groups of a phone number. */
const isPhoneSeparator = (c: number): boolean => c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 46 || c === 45;
const isSpace = (c: number): boolean => c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009;

/** Currency and unit marks that make a digit run an amount, not a phone number (compared in lower case). */
const AMOUNT_MARKS = new Set(['€', '$', '£', '¥', '%', '‰', 'chf', 'eur', 'usd', 'gbp', 'euro', 'euros', 'dollars']);

/** One run of digit groups and separators that might be a phone number. */
interface DigitRun {
  /** The digit groups as typed (`['06', '12', '34', '56', '78']`). */
  parts: string[];
  /** Indexes in `parts` of parenthesised groups (`(415)`, the trunk `(0)` of `+33 (0)6`). */
  paren: number[];
  plus: boolean;
  /** Offset after the last digit. */
  end: number;
  /** Whether the run continues into something that is not a phone number (`0612f`, `14:30`, `1,5`, `((`). */
  glued: boolean;
}

/** Digit groups read in one run at most: longer runs (IBANs, card numbers, tables) are skipped whole. */
const MAX_RUN_GROUPS = 12;

function readRun(text: string, start: number): DigitRun {
  const n = text.length;
  const run: DigitRun = { parts: [], paren: [], plus: false, end: start, glued: false };
  let pos = start;
  if (text.charCodeAt(pos) === 43) {
    run.plus = true;
    pos += 1;
  }
  for (;;) {
    const inParen = text.charCodeAt(pos) === 40;
    if (inParen) pos += 1;
    const from = pos;
    while (pos < n && isDigit(text.charCodeAt(pos))) pos += 1;
    if (pos === from) break;
    if (run.parts.length <= MAX_RUN_GROUPS) run.parts.push(text.slice(from, pos));
    run.end = pos;
    if (inParen) {
      if (text.charCodeAt(pos) !== 41) {
        run.glued = true;
        break;
      }
      run.paren.push(run.parts.length - 1);
      pos += 1;
    }
    let sep = pos;
    while (sep < n && sep - pos < 2 && isPhoneSeparator(text.charCodeAt(sep))) sep += 1;
    const next = text.charCodeAt(sep);
    if (isDigit(next) || (next === 40 && isDigit(text.charCodeAt(sep + 1)))) {
      pos = sep;
      continue;
    }
    break;
  }
  // what follows the last digit decides whether the run was part of something else
  const after = text.charCodeAt(run.end);
  if (isAsciiAlnum(after) || isNonAsciiWord(text, run.end)) run.glued = true;
  else if (isDigit(text.charCodeAt(run.end + 1))) {
    // `14:30` is a time; `29/11`, `1,5` a date or a decimal unless the run is phone-sized,
    // in which case `/` and `,` separate numbers (`0612345678/0712345678`)
    if (after === 58) run.glued = true;
    else if ((after === 47 || after === 44) && digitCount(run) < 8) run.glued = true;
  }
  return run;
}

const digitCount = (run: DigitRun): number => run.parts.reduce((sum, part) => sum + part.length, 0);

/** The word or mark after a run, lower case: `€`, `eur`, `euros`. */
function nextMark(text: string, from: number): string {
  let s = from;
  while (s < text.length && isSpace(text.charCodeAt(s))) s += 1;
  let e = s;
  while (e < text.length && e - s < 8 && /[a-z]/i.test(text[e] ?? '')) e += 1;
  return e > s ? text.slice(s, e).toLowerCase() : (text[s] ?? '');
}

/** The mark before a run, ignoring spaces: `€` in `€ 1 234 567`. */
function previousMark(text: string, start: number): string {
  let s = start;
  while (s > 0 && isSpace(text.charCodeAt(s - 1))) s -= 1;
  return text[s - 1] ?? '';
}

/** North American number: area code and exchange both start with 2-9. */
const isNanp = (d: string): boolean => /^[2-9]\d\d[2-9]\d{6}$/.test(d);

/** North American groupings: `4155552671`, `(415) 5552671`, `415-555-2671`, `(415) 555-2671`. */
function isNanpGrouping(lengths: readonly number[]): boolean {
  const g = lengths.join(',');
  return g === '10' || g === '3,7' || g === '3,3,4';
}

/** `29.11.2026`, `29.11.2026 14`: a day, a month, a four-digit year (`06.12.34.56.78` is a phone number). */
function isDateLike(parts: readonly string[]): boolean {
  const [day = '', month = '', year = ''] = parts;
  return (
    parts.length >= 3 &&
    day.length <= 2 &&
    month.length <= 2 &&
    year.length === 4 &&
    Number(day) >= 1 &&
    Number(day) <= 31 &&
    Number(month) >= 1 &&
    Number(month) <= 12
  );
}

/** Group lengths after a country code that may share its group with the number (`+33612…`). */
function lengthsAfterCode(parts: readonly string[], codeLength: number): number[] {
  const lengths = parts.map((p) => p.length);
  const [first = 0, ...rest] = lengths;
  return first > codeLength ? [first - codeLength, ...rest] : rest;
}

/**
 * Whether a run is a phone number. International numbers (`+…`, `00…`) follow the country's
 * rules for France, the UK, Germany and North America, and E.164's 9-15 digits elsewhere;
 * national numbers are a trunk `0` and 10-12 digits (FR, UK, DE) or a North American number;
 * a country code without `+` is accepted only for mobile ranges (`33612457898`).
 */
function isPhone(run: DigitRun): boolean {
  let parts = run.parts;
  let plus = run.plus;
  if (parts.length > MAX_RUN_GROUPS) return false;
  if (plus) {
    // `+33 (0)6 12…`: the trunk zero in parentheses is not dialled from abroad
    parts = parts.filter((part, index) => !(index > 0 && part === '0' && run.paren.includes(index)));
  } else if (isDateLike(parts)) {
    return false;
  }
  let digits = parts.join('');
  if (!plus && digits.startsWith('00') && digits.length > 11) {
    plus = true;
    digits = digits.slice(2);
    const [first = '', ...rest] = parts;
    parts = first.length > 2 ? [first.slice(2), ...rest] : rest;
  }
  if (plus) {
    if (digits.startsWith('0') || digits.length > 15) return false;
    /** The national number after a code; a trunk 0 typed after the code (`+49 0151…`) is dropped. */
    const national = (code: string): string => {
      const rest = digits.slice(code.length);
      return rest.startsWith('0') ? rest.slice(1) : rest;
    };
    if (digits.startsWith('1')) return isNanp(digits.slice(1)) && isNanpGrouping(lengthsAfterCode(parts, 1));
    if (digits.startsWith('33')) return /^[1-9]\d{8}$/.test(national('33'));
    if (digits.startsWith('44')) return /^[1-9]\d{8,9}$/.test(national('44'));
    if (digits.startsWith('49')) {
      const rest = national('49');
      return rest.startsWith('1') ? /^1[5-7]\d{8,9}$/.test(rest) : /^[2-9]\d{5,10}$/.test(rest);
    }
    // elsewhere, E.164's length; `+25 000 000` is a count, not a number
    return digits.length >= 9 && !parts.slice(1).includes('000');
  }
  if (digits.startsWith('0')) {
    if (digits.length < 10 || digits.length > 12) return false;
    const [first = '', ...rest] = parts;
    return parts.length === 1 || (first.length >= 2 && first.length <= 5 && rest.every((p) => p.length >= 2));
  }
  if (/^33[67]\d{8}$/.test(digits) || /^447\d{9}$/.test(digits) || /^491[5-7]\d{8,9}$/.test(digits)) return true;
  if (digits.length === 11 && digits.startsWith('1')) return isNanp(digits.slice(1)) && isNanpGrouping(lengthsAfterCode(parts, 1));
  return isNanp(digits) && isNanpGrouping(parts.map((p) => p.length));
}

/** Whether the digits from `from` are followed by `)`, as in `(415)`. */
function closesAfterDigits(text: string, from: number): boolean {
  let k = from;
  while (k < text.length && isDigit(text.charCodeAt(k))) k += 1;
  return text.charCodeAt(k) === 41;
}

/** Marks before a run that make it part of a bigger token: `v1.2`, `#123`, `id=0612…`, `$1299`, `x-0612`. */
const GLUED_BEFORE = new Set([95, 47, 61, 38, 35, 64, 36, 92, 45, 43, 41]);

/**
 * Finds phone numbers (French, British, German, North American formats, and E.164 with `+`).
 * A run of digits counts whole or not at all: no phone number is carved out of a longer number.
 * @param text the post
 * @param insideLink whether an offset lies inside a link (numbers in URLs are identifiers)
 * @param emit called with each number's span, from `+`, `(` or the first digit to the last digit
 * @example findPhones('Appelez le 06 12 34 56 78 !', () => false, (s, e) => …) // span of `06 12 34 56 78`
 */
export function findPhones(text: string, insideLink: (offset: number) => boolean, emit: (start: number, end: number) => void): void {
  const n = text.length;
  /** Start of a number that follows a phone number and a `/` or `,` (a list of numbers, not a date or a decimal). */
  let listed = -1;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const opens = isDigit(c) || ((c === 43 || c === 40) && isDigit(text.charCodeAt(i + 1))) || (c === 43 && text.charCodeAt(i + 1) === 40);
    if (!opens) {
      i += 1;
      continue;
    }
    if (c === 40 && !closesAfterDigits(text, i + 1)) {
      // `(06 12 34 56 78)`: a parenthesis around the number, not around an area code
      i += 1;
      continue;
    }
    const run = readRun(text, i);
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    const glued =
      run.glued ||
      isAsciiAlnum(before) ||
      (i > 0 && isNonAsciiWord(text, i - 1)) ||
      (i !== listed && (GLUED_BEFORE.has(before) || ((before === 46 || before === 44) && isDigit(text.charCodeAt(i - 2)))));
    if (
      !glued &&
      run.parts.length > 0 &&
      !insideLink(i) &&
      !AMOUNT_MARKS.has(previousMark(text, i)) &&
      !AMOUNT_MARKS.has(nextMark(text, run.end)) &&
      isPhone(run)
    ) {
      emit(i, run.end);
      const after = text.charCodeAt(run.end);
      if (after === 47 || after === 44) listed = run.end + 1;
    }
    i = Math.max(run.end, i + 1);
  }
}
