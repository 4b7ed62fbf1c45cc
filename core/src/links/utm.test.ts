import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendUtm, type Utm } from './utm.js';

interface UrlVector {
  readonly input: string;
  readonly base: string | null;
  readonly kind: 'absolute' | 'relative';
  readonly failure?: true;
  readonly href?: string;
  readonly protocol?: string;
  readonly hostname?: string;
  readonly port?: string;
  readonly search?: string;
  readonly hash?: string;
}

interface AppendCase {
  readonly behaviour: string;
  readonly url: string;
  readonly utm: Utm;
  readonly keepExisting?: boolean;
  readonly expected?: string;
  readonly error?: string;
}

const readVectors = (file: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../../tests/vectors', file), 'utf8'));
const vectors = readVectors('whatwg-urltestdata-http.json') as UrlVector[];
const appendCases = (readVectors('links-utm-append.json') as { cases: AppendCase[] }).cases;

const utm: Utm = { source: 'linkedin', medium: 'employee_advocacy', campaign: 'ete-2026', content: 'sh_8f3k2' };
const UTM_QUERY = 'utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=ete-2026&utm_content=sh_8f3k2';

const output = (url: string, values: Utm = utm, options = {}): string => {
  const result = appendUtm(url, values, options);
  if (!result.success) throw new Error(`expected success for ${url}: ${JSON.stringify(result.issues)}`);
  return result.output;
};
const issueCode = (url: string, values: Utm = utm): string | undefined => {
  const result = appendUtm(url, values);
  return result.success ? undefined : result.issues[0]?.code;
};

/**
 * What appending UTM to a vector must give, from the vector's own fields: its `href` with the
 * fragment (`hash`, or a bare `#` when `hash` is empty) set aside, `?` or `&` unless the query
 * is empty or already ends with `&`, the parameters, then the fragment back.
 */
function expectedFromVector(vector: UrlVector, query: string): string {
  const href = vector.href ?? '';
  const hash = vector.hash ?? '';
  const search = vector.search ?? '';
  const fragmentLength = hash !== '' ? hash.length : href.endsWith('#') ? 1 : 0;
  const beforeFragment = href.slice(0, href.length - fragmentLength);
  const fragment = href.slice(href.length - fragmentLength);
  const glue = search === '' ? (beforeFragment.endsWith('?') ? '' : '?') : search.endsWith('&') ? '' : '&';
  return `${beforeFragment}${glue}${query}${fragment}`;
}

/** `user:pass@` survives in `href` between `//` and the host. */
const hasCredentials = (vector: UrlVector): boolean => {
  const host = `${vector.hostname ?? ''}${vector.port ? `:${vector.port}` : ''}`;
  return !(vector.href ?? '').startsWith(`${vector.protocol ?? ''}//${host}/`);
};

/**
 * A special scheme without `//` (`http:example.com`, `http:/x`) is not an absolute-URL string
 * (URL standard §4.3): the parser resolves it against the base when the base has the same
 * scheme, so its host depends on the page it sits on. We refuse them, with or without a base
 * in the vector (the vectors' `href` for these was computed with a base we do not take).
 */
const WITHOUT_SLASHES = [
  'http:foo.com',
  'http::@c:29',
  'http:[61:27]/:foo',
  'http:/example.com/',
  'http:/',
  'https:/example.com/',
  'http:example.com/',
  'https:example.com/',
  'http:@www.example.com',
  'http:/@www.example.com',
  'http:',
];

/**
 * WHATWG accepts these since UTS #46 stopped rejecting hosts ending in an invalid `xn--` label
 * (see tests/vectors SOURCE notes); Node 20's URL still rejects them. We follow the platform:
 * the expected output where it parses them, an error value where it does not.
 */
const NEWER_THAN_NODE_20 = [
  'http://a.b.c.xn--pokxncvks',
  'http://10.0.0.xn--pokxncvks',
  'http://a.b.c.XN--pokxncvks',
  'http://a.b.c.Xn--pokxncvks',
  'http://10.0.0.XN--pokxncvks',
  'http://10.0.0.xN--pokxncvks',
  'https://xn--/',
];

describe('appendUtm on the WHATWG URL test vectors (wpt urltestdata, http(s) inputs)', () => {
  const absolute = vectors.filter((v) => v.kind === 'absolute');
  const parsing = absolute.filter((v) => v.failure !== true);
  const special = new Set([...WITHOUT_SLASHES, ...NEWER_THAN_NODE_20]);

  it('uses the vector file it expects', () => {
    expect([absolute.length, parsing.length]).toEqual([390, 192]);
    expect(new Set(parsing.map((v) => v.input).filter((input) => special.has(input)))).toEqual(special);
  });

  it('gives href with the UTM parameters for every parsing absolute input without credentials', () => {
    const cases = parsing.filter((v) => !special.has(v.input) && !hasCredentials(v));
    expect(cases.length).toBeGreaterThan(140);
    for (const vector of cases) {
      expect({ input: vector.input, output: appendUtm(vector.input, utm) }).toEqual({
        input: vector.input,
        output: { success: true, output: expectedFromVector(vector, UTM_QUERY) },
      });
    }
  });

  it('appends encoded values exactly the same way on every vector', () => {
    const values: Utm = { source: 'news letter', medium: 'e-mail', campaign: "l'été & co", term: '100%+', id: '#1/2' };
    const query = 'utm_source=news%20letter&utm_medium=e-mail&utm_campaign=l%27%C3%A9t%C3%A9%20%26%20co&utm_term=100%25%2B&utm_id=%231%2F2';
    for (const vector of parsing.filter((v) => !special.has(v.input) && !hasCredentials(v))) {
      expect([vector.input, output(vector.input, values)]).toEqual([vector.input, expectedFromVector(vector, query)]);
    }
  });

  it('refuses every parsing input that carries credentials', () => {
    const cases = parsing.filter((v) => hasCredentials(v));
    expect(cases.length).toBeGreaterThan(5);
    for (const vector of cases) expect([vector.input, issueCode(vector.input)]).toEqual([vector.input, 'credentials-in-url']);
  });

  it.each(WITHOUT_SLASHES)('refuses %j, whose host would depend on the page it is on', (input) => {
    expect(issueCode(input)).toBe(input === 'http:' || input === 'http:/' || input.startsWith('http:[') ? 'invalid-url' : 'relative-url');
  });

  it.each(NEWER_THAN_NODE_20)('follows the platform on %j (newer WHATWG host rules)', (input) => {
    const vector = parsing.find((v) => v.input === input);
    if (vector === undefined) throw new Error(`missing vector ${input}`);
    if (URL.canParse(input)) expect(output(input)).toBe(expectedFromVector(vector, UTM_QUERY));
    else expect(issueCode(input)).toBe('invalid-url');
  });

  it('returns an error value, never throws, for every failure vector', () => {
    const failures = absolute.filter((v) => v.failure === true);
    expect(failures).toHaveLength(198);
    for (const vector of failures) {
      const result = appendUtm(vector.input, utm);
      expect([vector.input, result.success]).toEqual([vector.input, false]);
    }
  });

  it('refuses every relative vector input (no base is ever assumed)', () => {
    const relative = vectors.filter((v) => v.kind === 'relative');
    expect(relative.length).toBeGreaterThan(50);
    for (const vector of relative) expect([vector.input, appendUtm(vector.input, utm).success]).toEqual([vector.input, false]);
  });
});

describe('appendUtm on the shared cases (tests/vectors/links-utm-append.json, also for PHP)', () => {
  it.each(appendCases.map((c) => [c.behaviour, c] as const))('%s', (_behaviour, c) => {
    const result = appendUtm(c.url, c.utm, c.keepExisting === undefined ? {} : { keepExisting: c.keepExisting });
    if (c.error === undefined) expect(result).toEqual({ success: true, output: c.expected });
    else expect(result.success ? undefined : result.issues[0]?.code).toBe(c.error);
  });
});

describe('appendUtm', () => {
  it('appends the parameters after an existing query, keeping its order and bytes', () => {
    const url = "https://example.com/search?q=caf%C3%A9%20cr%C3%A8me&x=a+b&tilde=~&quote=%27&empty=&flag";
    expect(output(url)).toBe(`${url}&${UTM_QUERY}`);
    const viaSearchParams = new URL(url);
    viaSearchParams.searchParams.set('utm_source', 'linkedin');
    expect(viaSearchParams.href).not.toContain('q=caf%C3%A9%20cr%C3%A8me&x=a+b&tilde=~');
  });

  it('serializes the URL per WHATWG: IDN host to punycode, default port dropped, path normalised', () => {
    expect(output('HTTPS://Bücher.Example:443/a/../b c')).toBe(`https://xn--bcher-kva.example/b%20c?${UTM_QUERY}`);
    expect(output('http://example.com:8080')).toBe(`http://example.com:8080/?${UTM_QUERY}`);
    expect(output('https://[::1]:3000/x')).toBe(`https://[::1]:3000/x?${UTM_QUERY}`);
    expect(output('  https://example.com/\tnews\n  ')).toBe(`https://example.com/news?${UTM_QUERY}`);
  });

  it('reports every blank required field, with its path', () => {
    const result = appendUtm('https://example.com/', { source: ' ', medium: '', campaign: 'c' });
    expect(result).toEqual({
      success: false,
      issues: [
        { code: 'missing-utm-value', message: 'utm_source needs a non-blank value.', path: ['utm', 'source'] },
        { code: 'missing-utm-value', message: 'utm_medium needs a non-blank value.', path: ['utm', 'medium'] },
      ],
    });
  });

  it.each([
    ['javascript:alert(1)', 'unsupported-scheme'],
    ['JaVaScRiPt:alert(1)//https://example.com/', 'unsupported-scheme'],
    ['data:text/html,<script>alert(1)</script>', 'unsupported-scheme'],
    ['mailto:someone@example.com', 'unsupported-scheme'],
    ['ftp://example.com/file', 'unsupported-scheme'],
    ['file:///etc/passwd', 'unsupported-scheme'],
    ['/news/a', 'invalid-url'],
    ['news/a?x=1', 'invalid-url'],
    ['//example.com/a', 'invalid-url'],
    ['', 'invalid-url'],
    ['https://', 'invalid-url'],
    ['https://exa mple.com/', 'invalid-url'],
    ['http:example.com/a', 'relative-url'],
    ['https:/example.com/a', 'relative-url'],
    ['https://user:pass@example.com/', 'credentials-in-url'],
    ['https://user@example.com/', 'credentials-in-url'],
    ['https://:secret@example.com/', 'credentials-in-url'],
  ])('refuses %j with %s', (url, code) => {
    expect(issueCode(url)).toBe(code);
  });

  it('refuses non-string URLs from untyped callers as a value', () => {
    expect(issueCode(undefined as unknown as string)).toBe('invalid-url');
  });

  it('tags a 1 MB URL without throwing, keeping it intact', () => {
    const big = `https://example.com/${'a'.repeat(1_000_000)}?q=${'%20'.repeat(100_000)}#${'f'.repeat(1000)}`;
    const tagged = output(big);
    expect(tagged.length).toBe(big.length + UTM_QUERY.length + 1);
    expect(tagged.startsWith(big.slice(0, big.indexOf('#')))).toBe(true);
    expect(tagged.endsWith(`&${UTM_QUERY}#${'f'.repeat(1000)}`)).toBe(true);
  });

  it('encodes lone surrogates in values as U+FFFD instead of throwing URIError', () => {
    expect(() => encodeURIComponent('\ud800')).toThrow(URIError);
    expect(output('https://example.com/', { ...utm, content: 'a\ud800b\udc00' })).toMatch(/utm_content=a%EF%BF%BDb%EF%BF%BD$/);
    expect(output('https://example.com/', { ...utm, content: 'pair\ud83d\ude00' })).toContain('utm_content=pair%F0%9F%98%80');
    expect(output('https://example.com/a\ud800')).toBe(`https://example.com/a%EF%BF%BD?${UTM_QUERY}`);
  });

  it('percent-encodes zero-width, bidi-control and RTL characters so none stays raw in the link', () => {
    const tagged = output('https://example.com/', { ...utm, campaign: 'a\u200bb\u202ec\u200fשלום', term: 'مرحبا' });
    expect(tagged).toContain('utm_campaign=a%E2%80%8Bb%E2%80%AEc%E2%80%8F%D7%A9%D7%9C%D7%95%D7%9D');
    expect(tagged).toContain('utm_term=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7');
    expect(tagged).toMatch(/^[\x21-\x7e]+$/);
    expect(new URL(tagged).searchParams.get('utm_campaign')).toBe('a\u200bb\u202ec\u200fשלום');
  });

  it('round-trips emoji sequences (ZWJ, skin tone, flags) through a WHATWG parser', () => {
    const campaign = '👩🏽‍💻 team 🇫🇷 🏳️‍🌈';
    const tagged = output('https://example.com/', { ...utm, campaign });
    expect(new URL(tagged).searchParams.get('utm_campaign')).toBe(campaign);
  });

});
