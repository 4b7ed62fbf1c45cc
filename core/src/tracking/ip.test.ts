import { normalizeIp } from './ip.js';

describe('normalizeIp', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    [' 192.0.2.1 ', '192.0.2.1'],
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['::FFFF:C000:0201', '192.0.2.1'],
    ['0:0:0:0:0:ffff:c000:201', '192.0.2.1'],
  ])('spells %j as %j', (input, expected) => {
    expect(normalizeIp(input)).toBe(expected);
  });

  it('leaves what is not an IP address trimmed and lower-cased, so a key can still be made', () => {
    expect(normalizeIp(' Unknown ')).toBe('unknown');
    expect(normalizeIp('2001:db8::g')).toBe('2001:db8::g');
    expect(normalizeIp('192.168.001.001')).toBe('192.168.001.001');
    expect(normalizeIp('')).toBe('');
  });

  it('does not take the deprecated IPv4-compatible form (::a.b.c.d) for an IPv4 address', () => {
    expect(normalizeIp('::192.0.2.1')).toBe('::c000:201');
  });
});
