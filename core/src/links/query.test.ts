import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendQuery } from './query.js';

interface StringifyUrlCase {
  readonly test: string;
  readonly object: { readonly url: string; readonly query?: Record<string, unknown>; readonly fragmentIdentifier?: string };
  readonly options: Record<string, unknown> | null;
  readonly expected: string;
}

const cases = JSON.parse(
  readFileSync(join(__dirname, '../../../tests/vectors/query-string-stringifyUrl.json'), 'utf8'),
) as StringifyUrlCase[];

/**
 * query-string cases whose semantics differ from ours, by index in the file, and why.
 * Everything else must match: order kept, parameters appended, a given key replacing the
 * URL's own, fragment kept.
 */
const EXCLUDED: Readonly<Record<number, string>> = {
  3: 'empty URL: query-string returns "", we refuse what is not an absolute http(s) URL',
  4: 'query-string drops a bare "?"; we keep the URL byte-for-byte',
  9: 'default sort puts a before foo; we keep the given order (case 10 is kept: sorting leaves its order as given)',
  12: 'fragmentIdentifier sets the fragment; we never change it',
  13: 'fragmentIdentifier sets the fragment; we never change it',
  14: 'fragmentIdentifier sets the fragment; we never change it',
  15: 'fragmentIdentifier replaces an existing fragment; we never change it',
  17: 'fragmentIdentifier sets the fragment; we never change it',
  18: 'fragmentIdentifier sets the fragment; we never change it',
  19: 'fragmentIdentifier "" removes the fragment; we never change it',
  20: 'skipEmptyString drops empty values; we append what we are given',
  21: 'skipEmptyString plus default sort',
  23: 'arrayFormat "bracket" (array[]=…) merges arrays; we have no array syntax',
};

/** `{ foo: ['a', 'b'], n: 4 }` as ordered `[name, value]` pairs. */
const pairs = (query: Record<string, unknown> = {}): [string, string][] =>
  Object.entries(query).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, String(v)]));

describe('appendQuery on query-string stringifyUrl cases', () => {
  it('knows every case of the file', () => {
    expect(cases).toHaveLength(24);
  });

  // query-string keeps an empty path as written ("https://foo.bar?x"); a WHATWG serialization
  // always has "/" there, so expected strings are compared in their WHATWG form, which leaves
  // the query bytes as they are.
  const included = cases.map((c, index) => ({ ...c, index })).filter(({ index }) => EXCLUDED[index] === undefined);

  it.each(included.map((c) => [c.index, c.test, c] as const))('case %i: %s', (_index, _name, c) => {
    expect(appendQuery(c.object.url, pairs(c.object.query))).toEqual({ success: true, output: new URL(c.expected).href });
  });

  it('includes the order-preserving (sort: false) and key-replacing cases', () => {
    const names = included.map((c) => c.expected);
    expect(names).toContain('https://foo.bar?C=3&A=1&D=4&B=2');
    expect(names).toContain('https://foo.bar?foo=bar');
  });
});

describe('appendQuery', () => {
  it('replaces every occurrence of a given name, plain or percent-encoded', () => {
    expect(appendQuery('https://e.com/?a=1&b=2&%61=3&c', [['a', 'x']])).toEqual({ success: true, output: 'https://e.com/?b=2&c&a=x' });
  });

  it('with keepExisting, recognises an encoded name as present', () => {
    expect(appendQuery('https://e.com/?%61=1', [['a', '2'], ['b', '3']], { keepExisting: true })).toEqual({
      success: true,
      output: 'https://e.com/?%61=1&b=3',
    });
  });

  it('reads names as a form parser does: + is a space', () => {
    expect(appendQuery('https://e.com/?a+b=1&a%2Bb=2', [['a b', 'x']])).toEqual({ success: true, output: 'https://e.com/?a%2Bb=2&a%20b=x' });
  });

  it('keeps empty segments and stray separators of the existing query', () => {
    expect(appendQuery('https://e.com/?a=1&&b=2', [['c', '3']])).toEqual({ success: true, output: 'https://e.com/?a=1&&b=2&c=3' });
  });

  it('returns the URL unchanged when there is nothing to add', () => {
    expect(appendQuery('https://e.com/?a=%7E+b#f', [])).toEqual({ success: true, output: 'https://e.com/?a=%7E+b#f' });
    expect(appendQuery('https://e.com/?a=1', [['a', '2']], { keepExisting: true })).toEqual({ success: true, output: 'https://e.com/?a=1' });
  });

  it('encodes names as well as values', () => {
    expect(appendQuery('https://e.com/', [['a b&c', 'd=e']])).toEqual({ success: true, output: 'https://e.com/?a%20b%26c=d%3De' });
  });
});
