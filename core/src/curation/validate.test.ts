import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NETWORKS } from '../links/index.js';
import type { Issue } from '../result.js';
import { ITEM_LIMITS, validateItem } from './validate.js';

const valid = {
  id: '42',
  publicUrl: 'https://example.com/news/hiring',
  title: 'We are hiring',
  kind: 'job',
  createdAt: '2026-03-01T09:00:00+01:00',
};

const issuesOf = (input: unknown): readonly Issue[] => {
  const result = validateItem(input);
  if (result.success) throw new Error(`expected issues, got ${JSON.stringify(result.output)}`);
  return result.issues;
};

const where = (input: unknown): [string, string][] => issuesOf(input).map((issue) => [issue.path.join('.'), issue.code]);

const hashtagVectors = JSON.parse(readFileSync(join(__dirname, '../../../tests/vectors/curation-hashtags.json'), 'utf8')) as {
  readonly cases: readonly { readonly behaviour: string; readonly input: unknown; readonly output?: unknown; readonly issues?: [string, string][] }[];
};

const vectors = JSON.parse(readFileSync(join(__dirname, '../../../tests/vectors/curation-items.json'), 'utf8')) as {
  readonly cases: readonly { readonly behaviour: string; readonly input: unknown; readonly output?: unknown; readonly issues?: [string, string][] }[];
};

describe('validateItem', () => {
  it.each(vectors.cases.map((c) => [c.behaviour, c] as const))('matches the shared vector: %s', (_, { input, output, issues }) => {
    expect(output === undefined ? where(input) : validateItem(input)).toEqual(output === undefined ? issues : { success: true, output });
  });

  it('fills defaults and normalises a minimal item', () => {
    expect(validateItem(valid)).toEqual({
      success: true,
      output: {
        id: '42',
        publicUrl: 'https://example.com/news/hiring',
        title: 'We are hiring',
        messages: {},
        hashtags: [],
        topics: [],
        audience: [],
        kind: 'job',
        priority: 50,
        status: 'draft',
        createdAt: '2026-03-01T08:00:00.000Z',
      },
    });
  });

  it('trims strings, serialises URLs the WHATWG way and keeps optional fields', () => {
    const result = validateItem({
      ...valid,
      id: ' 42 ',
      title: '  Hello  ',
      publicUrl: ' HTTPS://Example.COM/a b ',
      intranetUrl: 'https://intranet.example.com/news/1',
      imageUrl: 'https://cdn.example.com/i.png',
      summary: ' Short ',
      campaign: ' Spring 2026 ',
      priority: 80,
      status: 'approved',
      startsAt: '2026-03-02',
      expiresAt: '2026-03-10T00:00:00Z',
    });
    expect(result).toMatchObject({
      success: true,
      output: {
        id: '42',
        title: 'Hello',
        publicUrl: 'https://example.com/a%20b',
        intranetUrl: 'https://intranet.example.com/news/1',
        imageUrl: 'https://cdn.example.com/i.png',
        summary: 'Short',
        campaign: 'Spring 2026',
        priority: 80,
        status: 'approved',
        startsAt: '2026-03-02T00:00:00.000Z',
        expiresAt: '2026-03-10T00:00:00.000Z',
      },
    });
  });

  it('treats null and blank strings as absent', () => {
    const result = validateItem({ ...valid, summary: '   ', campaign: null, status: null, hashtags: null, imageUrl: '' });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.output).not.toHaveProperty('summary');
    expect(result.output).not.toHaveProperty('campaign');
    expect(result.output).not.toHaveProperty('imageUrl');
    expect(result.output.status).toBe('draft');
    expect(result.output.hashtags).toEqual([]);
  });

  it('treats text made only of invisible characters as blank', () => {
    expect(where({ ...valid, title: '\u200b\u200d\u200f\ufeff ' })).toEqual([['title', 'required']]);
    const result = validateItem({ ...valid, messages: { x: '\u200b', linkedin: '\u200bHi' }, topics: ['\u2060'], hashtags: ['#\u200b'] });
    expect(result.success && [result.output.messages, result.output.topics, result.output.hashtags]).toEqual([{ linkedin: '\u200bHi' }, [], []]);
  });

  it('drops unknown top-level properties', () => {
    const result = validateItem({ ...valid, secret: 'x' });
    expect(result.success && Object.keys(result.output)).not.toContain('secret');
  });

  it('refuses something that is not an object', () => {
    for (const input of [null, undefined, 'item', 42, [valid]]) {
      expect(where(input)).toEqual([['', 'invalid-type']]);
    }
  });

  it('reports every missing required field at once', () => {
    expect(where({})).toEqual([
      ['id', 'required'],
      ['publicUrl', 'required'],
      ['title', 'required'],
      ['kind', 'required'],
      ['createdAt', 'required'],
    ]);
  });

  it('reports all problems of an item together, each with its path', () => {
    const issues = where({
      id: 7,
      publicUrl: 'javascript:alert(1)',
      intranetUrl: 'ftp://intranet/x',
      title: 'x'.repeat(301),
      imageUrl: 'https://user:pass@cdn.example.com/i.png',
      messages: { linkedin: 'ok', myspace: 'no', x: 5 },
      hashtags: ['#ok', 'two words', 3],
      topics: 'ai',
      audience: [1],
      kind: 'podcast',
      priority: 50.5,
      status: 'published',
      startsAt: '2026-03-10',
      expiresAt: '2026-02-30',
      createdAt: 'yesterday',
    });
    expect(issues).toEqual([
      ['id', 'invalid-type'],
      ['publicUrl', 'unsupported-scheme'],
      ['intranetUrl', 'unsupported-scheme'],
      ['title', 'too-long'],
      ['imageUrl', 'credentials-in-url'],
      ['messages.myspace', 'unknown-network'],
      ['messages.x', 'invalid-type'],
      ['hashtags.1', 'invalid-hashtag'],
      ['hashtags.2', 'invalid-type'],
      ['topics', 'invalid-type'],
      ['audience.0', 'invalid-type'],
      ['kind', 'unknown-value'],
      ['priority', 'invalid-type'],
      ['expiresAt', 'invalid-date'],
      ['status', 'unknown-value'],
      ['createdAt', 'invalid-date'],
    ]);
  });

  it.each([
    ['javascript:alert(1)', 'unsupported-scheme'],
    ['JaVaScRiPt:alert(1)', 'unsupported-scheme'],
    ['data:text/html,<script>alert(1)</script>', 'unsupported-scheme'],
    ['mailto:a@example.com', 'unsupported-scheme'],
    ['/news/1', 'invalid-url'],
    ['https:example.com', 'relative-url'],
    ['https://example.com@evil.test/', 'credentials-in-url'],
    ['not a url', 'invalid-url'],
  ])('refuses the public URL %j (%s)', (publicUrl, code) => {
    expect(where({ ...valid, publicUrl })).toEqual([['publicUrl', code]]);
  });

  it('refuses a URL longer than the sitemaps limit', () => {
    expect(where({ ...valid, publicUrl: `https://example.com/${'a'.repeat(ITEM_LIMITS.url)}` })).toEqual([['publicUrl', 'too-long']]);
  });

  it('accepts a message key for every network and default, dropping blank messages', () => {
    const messages = Object.fromEntries([...NETWORKS, 'default'].map((key) => [key, ` ${key} text `]));
    const result = validateItem({ ...valid, messages: { ...messages, email: '  ', teams: null } });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(Object.keys(result.output.messages)).toEqual([...NETWORKS.filter((n) => n !== 'email' && n !== 'teams'), 'default']);
    expect(result.output.messages.linkedin).toBe('linkedin text');
  });

  it('limits a message to 63,206 characters, counted in UTF-16 units', () => {
    expect(validateItem({ ...valid, messages: { facebook: 'a'.repeat(ITEM_LIMITS.message) } }).success).toBe(true);
    expect(where({ ...valid, messages: { facebook: 'a'.repeat(ITEM_LIMITS.message + 1) } })).toEqual([['messages.facebook', 'too-long']]);
    // 31,604 emoji are 63,208 UTF-16 units.
    expect(where({ ...valid, messages: { facebook: '😀'.repeat(31_604) } })).toEqual([['messages.facebook', 'too-long']]);
  });

  it('refuses messages that are not an object', () => {
    expect(where({ ...valid, messages: ['hi'] })).toEqual([['messages', 'invalid-type']]);
  });

  it('counts the title limit after trimming', () => {
    expect(validateItem({ ...valid, title: ` ${'t'.repeat(300)} ` }).success).toBe(true);
    expect(where({ ...valid, title: 't'.repeat(301) })).toEqual([['title', 'too-long']]);
  });

  it('keeps RTL text, emoji sequences and lone surrogates in text fields as given', () => {
    const title = 'مرحبا 👩‍👩‍👧 \ud800';
    const result = validateItem({ ...valid, title });
    expect(result.success && result.output.title).toBe(title);
  });

  it('normalises hashtags: optional #, trimmed, unique ignoring case, blanks dropped', () => {
    const result = validateItem({ ...valid, hashtags: ['#Hiring', ' hiring ', '＃Jobs', 'été_2026', '', '#', 'کار\u200cیابی'] });
    expect(result.success && result.output.hashtags).toEqual(['Hiring', 'Jobs', 'été_2026', 'کار\u200cیابی']);
  });

  it.each([
    ['two words', 'a space'],
    ['tag\u200bhidden', 'a zero-width space'],
    ['##double', 'a second #'],
    ['# spaced', 'a space after #'],
    ['c++', 'punctuation'],
    ['2026', 'digits only'],
    ['🚀launch', 'an emoji'],
  ])('refuses the hashtag %j (%s)', (tag) => {
    expect(where({ ...valid, hashtags: [tag] })).toEqual([['hashtags.0', 'invalid-hashtag']]);
  });

  // Generated from core's build (scripts/build-core-vectors.mjs) for the PHP sanitizer to
  // match: a change here that moves an answer fails until the file is generated again.
  it.each(hashtagVectors.cases.map((c) => [c.behaviour, c] as const))('gives the hashtags of the generated vector: %s', (_, { input, output, issues }) => {
    const result = validateItem({ ...valid, hashtags: input });
    expect(result.success ? { output: result.output.hashtags } : { issues: result.issues.map((i) => [i.path.join('.'), i.code]) }).toEqual(
      output === undefined ? { issues } : { output },
    );
  });

  it('refuses a hashtag longer than 100 characters', () => {
    expect(where({ ...valid, hashtags: [`#${'a'.repeat(101)}`] })).toEqual([['hashtags.0', 'too-long']]);
    expect(validateItem({ ...valid, hashtags: [`#${'a'.repeat(100)}`] }).success).toBe(true);
  });

  it('trims and de-duplicates topics and audience', () => {
    const result = validateItem({ ...valid, topics: [' ai ', 'ai', ''], audience: ['sales', 'sales', 'it'] });
    expect(result.success && [result.output.topics, result.output.audience]).toEqual([['ai'], ['sales', 'it']]);
  });

  it.each([
    [-1, 'out-of-range'],
    [101, 'out-of-range'],
    [Number.NaN, 'invalid-type'],
    [Infinity, 'invalid-type'],
    ['50', 'invalid-type'],
  ])('refuses the priority %p', (priority, code) => {
    expect(where({ ...valid, priority })).toEqual([['priority', code]]);
  });

  it('accepts priorities at both ends of the scale', () => {
    expect(validateItem({ ...valid, priority: 0 }).success && validateItem({ ...valid, priority: 100 }).success).toBe(true);
  });

  it('refuses an expiry before or at the start, comparing instants across offsets', () => {
    expect(where({ ...valid, startsAt: '2026-03-10', expiresAt: '2026-03-09' })).toEqual([['expiresAt', 'date-order']]);
    expect(where({ ...valid, startsAt: '2026-03-10T10:00:00+02:00', expiresAt: '2026-03-10T08:00:00Z' })).toEqual([['expiresAt', 'date-order']]);
    expect(validateItem({ ...valid, startsAt: '2026-03-10T10:00:00+02:00', expiresAt: '2026-03-10T08:00:01Z' }).success).toBe(true);
  });

  it('refuses a date-time without offset and a date that does not exist', () => {
    expect(where({ ...valid, startsAt: '2026-03-10T10:00:00', createdAt: '2026-02-29' })).toEqual([
      ['startsAt', 'invalid-date'],
      ['createdAt', 'invalid-date'],
    ]);
  });

  it('refuses wrong types for dates, kind and status', () => {
    expect(where({ ...valid, createdAt: 1_772_000_000_000, kind: ['job'], status: true })).toEqual([
      ['kind', 'unknown-value'],
      ['status', 'unknown-value'],
      ['createdAt', 'invalid-type'],
    ]);
  });

  it('handles huge inputs without throwing', () => {
    const result = validateItem({ ...valid, summary: 'x'.repeat(1_000_000), hashtags: Array.from({ length: 10_000 }, (_, i) => `tag${i}`) });
    expect(result.success ? [] : result.issues.map((i) => i.code)).toEqual(['too-long']);
  });
});
