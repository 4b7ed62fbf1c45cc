import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateTargetUrl } from './target.js';

const payloads = JSON.parse(readFileSync(join(__dirname, '../../../tests/vectors/open-redirect-payloads.json'), 'utf8')) as string[];

const codeOf = (url: string, allowedHosts?: readonly string[]): string | undefined => {
  const result = validateTargetUrl(url, allowedHosts === undefined ? {} : { allowedHosts });
  return result.success ? undefined : result.issues[0]?.code;
};

const inside = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);

describe('validateTargetUrl on the open-redirect payloads', () => {
  it('knows every payload of the file', () => {
    expect(payloads).toHaveLength(590);
  });

  // The payloads write the victim's domain as "whitelisteddomain.tld". Some lists use
  // example.com as the attacker, so we also run with an allowed domain no payload names.
  it.each(['example.com', 'shareworthy.test'])('lets no payload through to a host outside %s', (domain) => {
    let accepted = 0;
    for (const payload of payloads) {
      const result = validateTargetUrl(payload.replaceAll('whitelisteddomain.tld', domain), { allowedHosts: [domain] });
      if (!result.success) continue;
      accepted += 1;
      const target = new URL(result.output);
      expect([payload, target.hostname, target.protocol, target.username, target.password]).toEqual([
        payload,
        inside(target.hostname, domain) ? target.hostname : `outside ${domain}`,
        target.protocol === 'http:' ? 'http:' : 'https:',
        '',
        '',
      ]);
      // What we return is already the serialization: the Location header names the checked host.
      expect(target.href).toBe(result.output);
    }
    // Payloads such as "https://www.whitelisteddomain.tld/" are legitimate targets.
    expect(accepted).toBeGreaterThan(0);
  });

  it('refuses every relative or protocol-relative payload, with or without an allowlist', () => {
    const relative = payloads.filter((p) => /^\s*[/\\]/.test(p));
    expect(relative.length).toBeGreaterThan(300);
    for (const payload of relative) expect([payload, validateTargetUrl(payload).success]).toEqual([payload, false]);
  });
});

describe('validateTargetUrl', () => {
  const allowed = ['example.com'];

  it('returns the WHATWG serialization of an allowed target', () => {
    expect(validateTargetUrl('HTTPS://WWW.Example.COM:443/a/../b?q=%20#f', { allowedHosts: allowed })).toEqual({
      success: true,
      output: 'https://www.example.com/b?q=%20#f',
    });
  });

  it('allows any plain host without an allowlist and none with an empty one', () => {
    expect(validateTargetUrl('https://anything.test/x').success).toBe(true);
    expect(codeOf('https://anything.test/x', [])).toBe('host-not-allowed');
  });

  it.each([
    'https://example.com/',
    'https://deep.sub.example.com/',
    'http://example.com:8080/',
    'https://example.com./',
    'https://EXAMPLE.com/',
    'https://evil.com%2Eexample.com/',
    'https://evil.com。example.com/',
    // UTS #46 maps U+200B to nothing: a browser visits example.com, so we check that host.
    'https://exa\u200bmple.com/',
  ])('accepts %j, which is example.com or one of its subdomains', (url) => {
    const result = validateTargetUrl(url, { allowedHosts: allowed });
    expect(result.success && inside(new URL(result.output).hostname.replace(/\.$/, ''), 'example.com')).toBe(true);
  });

  it.each([
    ['https://badexample.com/', 'host-not-allowed'],
    ['https://example.com.evil.test/', 'host-not-allowed'],
    ['https://example.co/', 'host-not-allowed'],
    ['https://example.com@evil.test/', 'credentials-in-url'],
    ['https://evil.test\\@example.com/', 'host-not-allowed'],
    ['https://evil.test\\.example.com/', 'host-not-allowed'],
    ['https://evil.test%2F.example.com/', 'invalid-url'],
    ['https://evil.test%5C.example.com/', 'invalid-url'],
    ['https://evil.test#.example.com/', 'host-not-allowed'],
    ['https://evil.test?.example.com/', 'host-not-allowed'],
    ['https://evil.test%23.example.com/', 'invalid-url'],
    ['https://google.com&www.example.com/', 'invalid-host'],
    ['https://еxample.com/', 'host-not-allowed'],
    ['//example.com/', 'invalid-url'],
    ['/\\example.com', 'invalid-url'],
    ['https:example.com', 'relative-url'],
    ['https:/\texample.com', 'relative-url'],
    ['javascript://example.com/%0aalert(1)', 'unsupported-scheme'],
    ['data:text/html,https://example.com', 'unsupported-scheme'],
    ['https://[::1]/', 'host-not-allowed'],
    ['https://2130706433/', 'host-not-allowed'],
  ])('refuses %j with %s', (url, code) => {
    expect(codeOf(url, allowed)).toBe(code);
  });

  it('compares IDN hosts after punycode normalisation, in the URL and in the allowlist', () => {
    expect(validateTargetUrl('https://www.bücher.de/', { allowedHosts: ['xn--bcher-kva.de'] })).toEqual({
      success: true,
      output: 'https://www.xn--bcher-kva.de/',
    });
    expect(validateTargetUrl('https://xn--bcher-kva.de/', { allowedHosts: ['BÜCHER.de.'] }).success).toBe(true);
  });

  it('matches IP literals exactly', () => {
    expect(validateTargetUrl('http://127.0.0.1:8080/', { allowedHosts: ['127.0.0.1'] }).success).toBe(true);
    expect(validateTargetUrl('http://0x7f.1/', { allowedHosts: ['127.0.0.1'] })).toEqual({ success: true, output: 'http://127.0.0.1/' });
    expect(validateTargetUrl('http://[0:0::1]/', { allowedHosts: ['[::1]'] }).success).toBe(true);
  });

  it.each(['a_b.example', '-a-.b', '1a.b2c', 'x.y-z', 'bücher.de', 'xn--bcher-kva.de', 'EXAMPLE.com', '127.0.0.1'])(
    'reads the allowlist entry %j as the host a browser would visit',
    (entry) => {
      const host = new URL(`http://${entry}/`).hostname;
      expect(validateTargetUrl(`https://${host}/`, { allowedHosts: [entry] }).success).toBe(true);
      expect(validateTargetUrl(`https://sub.${host}/`, { allowedHosts: [entry] }).success).toBe(!/^[\d.]+$/.test(host));
      expect(validateTargetUrl('https://other.test/', { allowedHosts: [entry] }).success).toBe(false);
    },
  );

  it.each(['*.example.com', 'example.com/path', 'user@example.com', 'example.com:8080', '', '.example.com', 'a b', 'ex%61mple.com', 'a.123', 'a&b.com'])(
    'refuses the allowlist entry %j',
    (entry) => {
      expect(validateTargetUrl('https://example.com/', { allowedHosts: ['ok.test', entry] })).toEqual({
        success: false,
        issues: [{ code: 'invalid-allowed-host', message: expect.any(String), path: ['allowedHosts', 1] }],
      });
    },
  );

  it('handles a 1 MB target and lone surrogates without throwing', () => {
    const big = `https://example.com/${'a'.repeat(1_000_000)}`;
    expect(validateTargetUrl(big, { allowedHosts: allowed })).toEqual({ success: true, output: big });
    expect(validateTargetUrl('https://example.com/\ud800', { allowedHosts: allowed })).toEqual({
      success: true,
      output: 'https://example.com/%EF%BF%BD',
    });
    expect(codeOf('https://ex\ud800ample.com/', allowed)).toBe('invalid-url');
  });
});
