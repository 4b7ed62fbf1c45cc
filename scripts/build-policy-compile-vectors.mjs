#!/usr/bin/env node
/**
 * Builds `tests/vectors/policy-compile.json`: policy configurations an admin could save, each
 * with what core's `compilePolicy` answers (accepted, or the issues as `[path, code]` in
 * order). The WordPress plugin validates the policy on save with a PHP port
 * (`Shareworthy_Admin_Settings::validate_policy`); PHPUnit runs it on every case, and
 * `core/src/policy/compile-vectors.test.ts` checks that this file still is core's output.
 *
 * Left out on purpose: lone surrogates (PHP's json_decode refuses the whole file), an empty
 * JSON array as the policy (PHP decodes `[]` and `{}` to the same value), and characters
 * newer than the Unicode version of PHP's PCRE.
 *
 * Run: cd core && npx tsc -p tsconfig.json && cd .. && node scripts/build-policy-compile-vectors.mjs
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePolicy } from '../core/dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const words = (n, sep = ' ') => Array.from({ length: n }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}x`).join(sep);

/** [behaviour, config] */
const CASES = [
  ['an empty policy', {}],
  ['every list empty', { blockedTerms: [], confidentialMarkers: [], allowedLinkDomains: [], requiredDisclosure: [], allowedNetworks: [] }],
  [
    'a typical policy',
    {
      blockedTerms: ['secret', 'Projet Éclair'],
      confidentialMarkers: ['confidentiel', 'internal only'],
      allowedLinkDomains: ['example.com'],
      requiredDisclosure: ['#employee', '#collaborateur'],
      detectPersonalData: true,
      allowedNetworks: ['linkedin', 'x'],
    },
  ],
  ['lists given as null', { blockedTerms: null, allowedLinkDomains: null }],
  ['keys core does not know are ignored', { blockEverything: true }],
  ['a French locale', { locale: 'fr', blockedTerms: ['défense'] }],
  ['right-to-left terms', { blockedTerms: ['سري', 'محظور جدا'], confidentialMarkers: ['סודי'] }],
  ['CJK and Devanagari terms', { blockedTerms: ['機密', 'गोपनीय'] }],
  ['ligatures and sharp s', { blockedTerms: ['Œuvre', 'straße', 'ﬁnance'] }],
  ['leetspeak symbols join a word', { blockedTerms: ['$ecret', 'p@ss', 'team@acme'] }],
  ['a zero-width space inside a word keeps it one word', { blockedTerms: ['se\u200Bcret'] }],
  ['a combining accent belongs to its letter', { blockedTerms: ['e\u0301te\u0301'] }],
  ['an e-mail address is two words and more', { blockedTerms: ['john@acme.com'] }],
  ['an emoji between words separates them', { blockedTerms: ['rocket 🚀 launch'] }],
  ['sixteen words is the longest phrase', { blockedTerms: [words(16)], confidentialMarkers: [words(16, '-')] }],
  ['sixteen words with zero-width spaces between letters', { blockedTerms: [words(16).replaceAll('x', '\u200Bx')] }],
  ['a disclosure has no word limit', { requiredDisclosure: [words(40)] }],
  ['personal-data detection off', { detectPersonalData: false }],
  ['every network core knows', { allowedNetworks: ['linkedin', 'x', 'facebook', 'xing', 'bluesky', 'reddit', 'whatsapp', 'telegram', 'teams', 'email'] }],
  [
    'domains written as URLs, wildcards, with ports or paths',
    {
      allowedLinkDomains: [
        'https://Acme.com/',
        '*.acme.com',
        'acme.com:8080',
        'example.com/jobs',
        '.acme.com.',
        'HTTP://WWW.EXAMPLE.ORG?x=1',
        'acme.com#top',
        'acme.com\\path',
        '  news.example.net  ',
        'acme.com:',
        'a_b.example',
        'a*b.example',
      ],
    },
  ],
  ['international domain names', { allowedLinkDomains: ['café.fr', 'Bücher.example', 'ｅｘａｍｐｌｅ.com', 'пример.рф', 'example。com'] }],
  ['percent-encoded letters in a domain', { allowedLinkDomains: ['%41cme.com'] }],
  ['IPv4 addresses, short and hexadecimal forms too', { allowedLinkDomains: ['192.168.0.1', '127.1', '0x7f.0.0.1', '010.0.0.1'] }],

  ['a very long single word', { blockedTerms: ['x'.repeat(5000)] }],
  ['Hangul, Thai and Greek terms', { blockedTerms: ['기밀', 'ความลับ', 'απόρρητο'] }],
  ['a soft hyphen and a word joiner inside words', { blockedTerms: ['con\u00ADfidential', 'top\u2060secret'] }],
  ['right-to-left marks around a term', { confidentialMarkers: ['\u200Fسري\u200F'] }],
  ['a dollar inside a word and a leading at sign', { blockedTerms: ['ca$h', '@everyone'] }],
  ['full-width letters and digits', { blockedTerms: ['ＳＥＣＲＥＴ', '２０２６'] }],
  ['more domains: punycode, trailing dot, empty label, upper case IDN', { allowedLinkDomains: ['xn--mnchen-3ya.de', 'EXAMPLE.COM.', 'a..b.com', 'MÜNCHEN.DE', 'sub.domain.example.co.uk'] }],
  ['a policy that is null', null],
  ['a policy that is a list', ['secret']],
  ['a policy that is a string', 'secret'],
  ['a term of dashes only', { blockedTerms: ['---'] }],
  ['empty and blank terms', { blockedTerms: ['', '   ', '\t\n'] }],
  ['a term of zero-width characters only', { blockedTerms: ['\u200B\u200D\uFEFF'] }],
  ['a term of emoji only', { blockedTerms: ['👩‍👩‍👧', '🚀🚀'] }],
  ['a lone combining accent', { blockedTerms: ['\u0301'] }],
  ['symbols alone are no word, digits after them are', { blockedTerms: ['$$', '@', '$ 5', '@2026'] }],
  ['seventeen words', { blockedTerms: [words(17)] }],
  ['seventeen words joined by hyphens', { confidentialMarkers: [words(17, '-')] }],
  ['seventeen words joined by emoji', { confidentialMarkers: [words(17, '🙂')] }],
  ['a list given as a string', { blockedTerms: 'secret' }],
  ['entries that are not strings', { blockedTerms: ['ok', 42, null, true, ['nested']] }],
  ['a list given as an object', { confidentialMarkers: { a: 'secret' } }],
  ['a disclosure without letters', { requiredDisclosure: ['#', '👍', '#employee'] }],
  [
    'domains that are not host names',
    {
      allowedLinkDomains: [
        'localhost',
        'not a domain',
        'john@acme.com',
        '',
        'http://',
        '*.',
        'acme.com:99999',
        'acme.com:abc',
        '[::1]',
        '999.1.1.1',
        'acme.123',
        'a<b.com',
        'exa%zzmple.com',
        '1.2.3.4.5',
        '08.0.0.1',
        'xn--a.com',
        'acme.com:65536',
        'http://[::1]:80',
        'a b.com',
        'ex ample.com',
      ],
    },
  ],
  ['personal-data detection as text or a number', { detectPersonalData: 'yes' }],
  ['personal-data detection as a number', { detectPersonalData: 1 }],
  ['an unknown network', { allowedNetworks: ['linkedin', 'myspace'] }],
  ['networks given as a string', { allowedNetworks: 'linkedin' }],
  ['an unknown locale', { locale: 'de' }],
  [
    'issues in several fields come in core\'s order',
    { locale: 'es', allowedNetworks: ['orkut'], detectPersonalData: 'no', requiredDisclosure: [''], allowedLinkDomains: ['nope'], confidentialMarkers: ['...'], blockedTerms: ['!!!'] },
  ],
];

const cases = CASES.map(([behaviour, config]) => {
  const result = compilePolicy(config);
  return result.success
    ? { behaviour, config, ok: true, issues: [] }
    : { behaviour, config, ok: false, issues: result.issues.map((issue) => [issue.path, issue.code]) };
});

// Invisible and combining characters are written escaped, so the file shows what each case holds.
const json = JSON.stringify({ cases }, null, 2).replace(
  /[\u007f-\u009f\u00ad\u0300-\u036f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/gu,
  (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
);
writeFileSync(join(root, 'tests', 'vectors', 'policy-compile.json'), `${json}\n`);
console.log(`tests/vectors/policy-compile.json: ${cases.length} cases, ${cases.filter((c) => c.ok).length} accepted`);
