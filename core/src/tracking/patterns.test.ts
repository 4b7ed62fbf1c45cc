import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOT_PATTERN } from './bots.js';
import { BOT_PATTERN_GROUPS, BOT_PATTERNS } from './patterns.js';

const corpus = JSON.parse(readFileSync(join(__dirname, '../../../tests/vectors/user-agents.json'), 'utf8')) as { ua: string }[];

describe('BOT_PATTERNS', () => {
  it.each(BOT_PATTERNS.map((source) => [source]))('compiles %s as a plain case-insensitive JavaScript RegExp', (source) => {
    expect(() => new RegExp(source, 'i')).not.toThrow();
  });

  // PHP's PCRE2 rejects or reads differently: variable lookbehind, JS named groups, \p{} without /u.
  it('uses no lookbehind, named group or Unicode property escape, so PHP can compile the same sources', () => {
    const offending = BOT_PATTERNS.filter((source) => /\(\?<|\\[pPk]\{|\\k</.test(source));
    expect(offending).toEqual([]);
  });

  it('has no top-level alternation inside a source, so sources can be joined and factored', () => {
    const topLevelBar = (source: string): boolean => {
      let depth = 0;
      let inClass = false;
      for (let i = 0; i < source.length; i += 1) {
        const char = source[i];
        if (char === '\\') i += 1;
        else if (inClass) inClass = char !== ']';
        else if (char === '[') inClass = true;
        else if (char === '(') depth += 1;
        else if (char === ')') depth -= 1;
        else if (char === '|' && depth === 0) return true;
      }
      return false;
    };
    expect(BOT_PATTERNS.filter(topLevelBar)).toEqual([]);
  });

  it('is every group flattened in priority order, without duplicates', () => {
    expect(BOT_PATTERNS).toEqual(BOT_PATTERN_GROUPS.flatMap((group) => group.patterns));
    expect(new Set(BOT_PATTERNS).size).toBe(BOT_PATTERNS.length);
    expect(BOT_PATTERN_GROUPS.map((group) => group.kind)).toEqual(['link-preview', 'headless', 'http-client', 'monitor', 'crawler']);
  });
});

describe('BOT_PATTERN', () => {
  it('matches exactly what the plain join of BOT_PATTERNS matches, on every labelled user agent', () => {
    const factored = new RegExp(BOT_PATTERN, 'i');
    const joined = new RegExp(BOT_PATTERNS.join('|'), 'i');
    const disagreements = corpus.map(({ ua }) => ua).filter((ua) => factored.test(ua) !== joined.test(ua));
    expect(disagreements).toEqual([]);
  });
});
