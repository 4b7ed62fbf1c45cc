import { canonicalDomain, findLinks, isAllowedHost } from './urls.js';

const links = (text: string) => findLinks(text).map((l) => ({ text: text.slice(l.start, l.end), host: l.host }));

describe('findLinks', () => {
  it('finds scheme links and leaves sentence punctuation out', () => {
    expect(links('Lisez https://www.acme.fr/offre?x=1. Puis http://blog.acme.com/a!')).toEqual([
      { text: 'https://www.acme.fr/offre?x=1', host: 'www.acme.fr' },
      { text: 'http://blog.acme.com/a', host: 'blog.acme.com' },
    ]);
  });

  it('finds www. links and bare host names with a common TLD', () => {
    expect(links('voir www.example.xyz/p et concurrent.com/offre, ou acme.co.uk')).toEqual([
      { text: 'www.example.xyz/p', host: 'www.example.xyz' },
      { text: 'concurrent.com/offre', host: 'concurrent.com' },
      { text: 'acme.co.uk', host: 'acme.co.uk' },
    ]);
  });

  it('keeps a closing parenthesis that belongs to the link', () => {
    expect(links('(see https://en.wikipedia.org/wiki/Foo_(bar))')[0]?.text).toBe('https://en.wikipedia.org/wiki/Foo_(bar)');
  });

  it('trims a long tail of unbalanced parentheses in linear time', () => {
    const text = `https://x.com/a${')'.repeat(200_000)}`;
    expect(links(text)).toEqual([{ text: 'https://x.com/a', host: 'x.com' }]);
  });

  it('reads internationalised hosts as punycode', () => {
    expect(links('https://café.fr/menu')[0]?.host).toBe('xn--caf-dma.fr');
  });

  it('reads upper-case hosts and hosts at the very start of the text', () => {
    expect(links('acme.fr et ACME.COM')).toEqual([
      { text: 'acme.fr', host: 'acme.fr' },
      { text: 'ACME.COM', host: 'acme.com' },
    ]);
  });

  it('stops a bare host at its TLD and does not read a sentence after a missing space as a host', () => {
    expect(links('acme.com.Suite, puis c’est fini.Ca marche')).toEqual([{ text: 'acme.com', host: 'acme.com' }]);
  });

  it('does not read e-mail domains, file names, abbreviations or spaced letters as links', () => {
    expect(links('jean@acme.com node.js e.g. readme.md c.o.n.f.i.d.e.n.t.i.e.l 3.14')).toEqual([]);
  });

  it('gives exact offsets after emoji and RTL text', () => {
    const text = '👨‍👩‍👧 مرحبا https://acme.fr ok';
    const [link] = findLinks(text);
    expect(text.slice(link?.start, link?.end)).toBe('https://acme.fr');
  });
});

describe('isAllowedHost', () => {
  it('allows the domain and its subdomains only', () => {
    expect(isAllowedHost('acme.com', ['acme.com'])).toBe(true);
    expect(isAllowedHost('blog.acme.com', ['acme.com'])).toBe(true);
    expect(isAllowedHost('notacme.com', ['acme.com'])).toBe(false);
    expect(isAllowedHost('acme.com.evil.io', ['acme.com'])).toBe(false);
  });
});

describe('canonicalDomain', () => {
  it.each([
    ['Acme.COM', 'acme.com'],
    ['https://acme.com/path', 'acme.com'],
    ['*.acme.com', 'acme.com'],
    ['.acme.com.', 'acme.com'],
    ['café.fr', 'xn--caf-dma.fr'],
  ])('reads %s as %s', (input, expected) => {
    expect(canonicalDomain(input)).toBe(expected);
  });

  it.each(['', 'localhost', 'not a domain', 'a@b.com', 'http://'])('rejects %j', (input) => {
    expect(canonicalDomain(input)).toBeNull();
  });
});
