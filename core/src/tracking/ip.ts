const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
/** WHATWG's serialisation of an IPv4-mapped address: `::ffff:` and two hex groups. */
const MAPPED = /^::ffff:([\da-f]{1,4}):([\da-f]{1,4})$/;

/**
 * Puts a client IP address in one canonical spelling, so that one visitor gets one key:
 * IPv6 is lower-cased and compressed as RFC 5952 says (the WHATWG URL serialiser does
 * exactly that), brackets and a zone (`%eth0`) are dropped, and an IPv4-mapped IPv6 address
 * (`::ffff:192.0.2.1`, what a dual-stack socket reports for IPv4 clients) becomes plain IPv4.
 * Anything else (a proxy's `unknown`, a hostname) is only trimmed and lower-cased.
 * @param ip the address as the host saw it (`REMOTE_ADDR`, `req.socket.remoteAddress`)
 * @returns the canonical spelling
 * @example normalizeIp('2001:DB8:0:0:0:0:0:1') // '2001:db8::1'
 * @example normalizeIp('::ffff:192.0.2.1') // '192.0.2.1'
 */
export function normalizeIp(ip: string): string {
  const text = ip.trim().toLowerCase();
  if (IPV4.test(text)) return text;
  const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (!bare.includes(':')) return text;
  let host: string;
  try {
    host = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  } catch {
    return text;
  }
  const mapped = MAPPED.exec(host);
  if (mapped === null) return host;
  const high = Number.parseInt(mapped[1] ?? '0', 16);
  const low = Number.parseInt(mapped[2] ?? '0', 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}
