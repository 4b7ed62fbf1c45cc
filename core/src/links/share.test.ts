import { NETWORKS, shareIntentUrl, type Network } from './share.js';

const url = 'https://example.com/jobs?id=7&utm_source=x#apply';
const encodedUrl = 'https%3A%2F%2Fexample.com%2Fjobs%3Fid%3D7%26utm_source%3Dx%23apply';
const full = { url, text: 'Nous recrutons à Lyon !', title: 'Été 2026', hashtags: ['#emploi', 'Lyon 2026', ''], via: '@shareworthy' };

/** The query of a built link as a form parser reads it. */
const params = (link: string): Record<string, string> => Object.fromEntries(new URL(link).searchParams);

describe('shareIntentUrl', () => {
  it('lists every network once', () => {
    expect(new Set(NETWORKS).size).toBe(NETWORKS.length);
    expect(NETWORKS).toEqual(['linkedin', 'x', 'facebook', 'xing', 'bluesky', 'reddit', 'whatsapp', 'telegram', 'teams', 'email']);
  });

  it('gives LinkedIn, Facebook and Xing the URL only', () => {
    expect(shareIntentUrl('linkedin', full)).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${encodedUrl}`);
    expect(shareIntentUrl('facebook', full)).toBe(`https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}`);
    expect(shareIntentUrl('xing', full)).toBe(`https://www.xing.com/spi/shares/new?url=${encodedUrl}`);
  });

  it('gives X text, url, comma-separated hashtags without # and via without @', () => {
    const link = shareIntentUrl('x', full);
    expect(link.startsWith('https://x.com/intent/tweet?text=Nous%20recrutons%20%C3%A0%20Lyon%20%21&url=')).toBe(true);
    expect(params(link)).toEqual({ text: full.text, url, hashtags: 'emploi,Lyon2026', via: 'shareworthy' });
  });

  it('puts the URL at the end of the Bluesky and WhatsApp text, hashtags written out', () => {
    const expected = `${full.text} #emploi #Lyon2026 ${url}`;
    expect(params(shareIntentUrl('bluesky', full))).toEqual({ text: expected });
    expect(shareIntentUrl('bluesky', full).startsWith('https://bsky.app/intent/compose?text=')).toBe(true);
    expect(params(shareIntentUrl('whatsapp', full))).toEqual({ text: expected });
    expect(shareIntentUrl('whatsapp', full).startsWith('https://wa.me/?text=')).toBe(true);
  });

  it('gives Reddit the URL and the title', () => {
    expect(shareIntentUrl('reddit', full)).toBe(`https://www.reddit.com/submit?url=${encodedUrl}&title=%C3%89t%C3%A9%202026`);
    expect(params(shareIntentUrl('reddit', { url, text: 'only text' }))).toEqual({ url, title: 'only text' });
  });

  it('gives Telegram and Teams the URL and a message', () => {
    expect(params(shareIntentUrl('telegram', full))).toEqual({ url, text: `${full.text} #emploi #Lyon2026` });
    expect(shareIntentUrl('telegram', full).startsWith(`https://t.me/share/url?url=${encodedUrl}&text=`)).toBe(true);
    expect(params(shareIntentUrl('teams', full))).toEqual({ href: url, msgText: `${full.text} #emploi #Lyon2026` });
    expect(shareIntentUrl('teams', full).startsWith(`https://teams.microsoft.com/share?href=${encodedUrl}&msgText=`)).toBe(true);
  });

  it('falls back to the title where a network has a text field only', () => {
    expect(params(shareIntentUrl('x', { url, title: 'Titre' }))).toEqual({ text: 'Titre', url });
    expect(params(shareIntentUrl('bluesky', { url, title: 'Titre' }))).toEqual({ text: `Titre ${url}` });
  });

  it('writes an RFC 6068 mailto: with %20 for spaces and %0D%0A line breaks', () => {
    const link = shareIntentUrl('email', { url, title: 'Été\n2026', text: 'Ligne 1\nLigne 2\r\nLigne 3', hashtags: ['emploi'] });
    expect(link).toBe(
      `mailto:?subject=%C3%89t%C3%A9%202026&body=Ligne%201%0D%0ALigne%202%0D%0ALigne%203%20%23emploi%0D%0A%0D%0A${encodedUrl}`,
    );
    expect(link).not.toContain('+');
  });

  it('leaves out blank fields', () => {
    expect(shareIntentUrl('telegram', { url, text: '  ' })).toBe(`https://t.me/share/url?url=${encodedUrl}`);
    expect(shareIntentUrl('email', { url })).toBe(`mailto:?body=${encodedUrl}`);
    expect(shareIntentUrl('x', { url, hashtags: ['#', ' '], via: '' })).toBe(`https://x.com/intent/tweet?url=${encodedUrl}`);
  });

  it.each(NETWORKS.map((network) => [network] as [Network]))('never throws and stays printable ASCII on %s with hostile text', (network) => {
    const hostile = { url, text: 'a\ud800 \u200b\u202eשלום 👩🏽‍💻 🇫🇷 "<>\'&=#%', title: '\udc00 title 🏳️‍🌈', hashtags: ['مرحبا', '\ud83d'] };
    const link = shareIntentUrl(network, hostile);
    expect(link).toMatch(/^[\x21-\x7e]+$/);
    expect(link).not.toMatch(/%(?![0-9A-F]{2})/);
  });

  it('round-trips emoji, RTL text and lone surrogates (as U+FFFD) through a URL parser', () => {
    const text = 'שלום 👩🏽‍💻 \u200b\ud800';
    expect(params(shareIntentUrl('telegram', { url, text })).text).toBe('שלום 👩🏽‍💻 \u200b\ufffd');
  });
});
