#!/usr/bin/env node
/**
 * Builds `tests/vectors/visitor-keys.json`: visitor-key inputs and the expected hex SHA-256,
 * computed here with Node's own `crypto.createHash` from the documented byte layout
 * (`salt ‖ 0x00 ‖ ip ‖ 0x00 ‖ userAgent ‖ 0x00 ‖ day`, UTF-8, IP already canonical), so
 * neither core's `visitorKey` nor the PHP mirror is checked against itself.
 *
 * Run: node scripts/build-visitor-key-vectors.mjs
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SALT = '5f1c0e9a2b7d48c3a6e1f0b9d2c4a7e8391b5d6f7a8c9e0d1f2a3b4c5d6e7f80';
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** [behaviour, ip as sent, canonical ip, userAgent, day] */
const CASES = [
  ['plain IPv4', '192.0.2.1', '192.0.2.1', CHROME, '2026-11-29'],
  ['IPv4-mapped IPv6 gives the IPv4 key', '::ffff:192.0.2.1', '192.0.2.1', CHROME, '2026-11-29'],
  ['IPv4-mapped IPv6 in hex gives the IPv4 key', '::FFFF:C000:0201', '192.0.2.1', CHROME, '2026-11-29'],
  ['compressed IPv6', '2001:db8::1', '2001:db8::1', CHROME, '2026-11-29'],
  ['uncompressed upper-case IPv6 gives the compressed key', '2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1', CHROME, '2026-11-29'],
  ['bracketed IPv6 with a zone gives the bare key', '[fe80::1%eth0]', 'fe80::1', CHROME, '2026-11-29'],
  ['another day gives another key', '192.0.2.1', '192.0.2.1', CHROME, '2026-11-30'],
  ['another user agent gives another key', '192.0.2.1', '192.0.2.1', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]', '2026-11-29'],
  ['non-ASCII user agent is hashed as UTF-8', '192.0.2.1', '192.0.2.1', 'Navigateur « été » 🙂', '2026-11-29'],
  ['empty user agent', '192.0.2.1', '192.0.2.1', '', '2026-11-29'],
];

const cases = CASES.map(([behaviour, ip, canonicalIp, userAgent, day]) => ({
  behaviour,
  ip,
  canonicalIp,
  userAgent,
  day,
  key: createHash('sha256').update(`${SALT}\u0000${canonicalIp}\u0000${userAgent}\u0000${day}`, 'utf8').digest('hex'),
}));
const doc = {
  about: 'visitorKey(parts, salt) = hex SHA-256 of UTF-8 `salt NUL canonical-ip NUL userAgent NUL day`; the salt string is used as its UTF-8 text. Expected keys computed with Node crypto.createHash by scripts/build-visitor-key-vectors.mjs.',
  salt: SALT,
  cases,
};
writeFileSync(join(root, 'tests/vectors/visitor-keys.json'), `${JSON.stringify(doc, null, 1)}\n`);
console.log(`${cases.length} visitor-key cases`);
