import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NETWORKS } from './share.js';
import { DEFAULT_UTM_MEDIUM, campaignSlug, shareUtm, trackedShareUrl } from './tracking.js';

const codeOf = (result: { success: boolean; issues?: readonly { code: string }[] }): string | undefined => result.issues?.[0]?.code;

interface SlugCase {
  readonly name: string;
  readonly slug: string;
  readonly note?: string;
}

const slugCases = (
  JSON.parse(readFileSync(join(__dirname, '../../../tests/vectors/links-campaign-slugs.json'), 'utf8')) as { cases: SlugCase[] }
).cases;

describe('campaignSlug', () => {
  // The file is generated from core's build (scripts/build-core-vectors.mjs) for the PHP mirror:
  // a change here that moves an answer fails until the file is generated again.
  it.each(slugCases.map((c) => [c.name, c.slug] as const))('slugs %j as %j (tests/vectors/links-campaign-slugs.json)', (name, slug) => {
    expect(campaignSlug(name)).toBe(slug);
  });

  it('writes a word-final Greek sigma as ς however it was typed, and keeps Greek accents', () => {
    for (const name of ['ΟΔΟΣ ΣΟΦΙΑΣ', 'Οδος Σοφιας', 'οδοσ σοφιασ', 'οδος.σοφιας']) expect(campaignSlug(name)).toBe('οδος-σοφιας');
    expect(campaignSlug('Οδός')).toBe('οδός');
  });

  it('writes σ for a sigma that does not end a word after a letter, even one typed ς', () => {
    expect(campaignSlug('Σ ς ΣΑ ςα Α.Σ')).toBe('σ-σ-σα-σα-α-σ');
  });

  it('gives Turkish dotted and dotless i the plain i, whatever the locale', () => {
    expect(campaignSlug('İSTANBUL ılık ISPARTA')).toBe('istanbul-ilik-isparta');
  });

  it('stays lowercase when a compatibility form folds to capitals', () => {
    expect(campaignSlug('20 ℃ ™ 𝐀𝐁𝐂 ᴬ')).toBe('20-c-tm-abc-a');
  });

  it('does not decode percent escapes: they are text', () => {
    expect(campaignSlug('50%2B')).toBe('50-2b');
  });

  it('turns a lone surrogate into a separator instead of throwing', () => {
    expect(campaignSlug('a\ud800b\udc00')).toBe('a-b');
  });

  it('is idempotent', () => {
    for (const name of ['Été 2026 — Recrutement', 'Москва 2026', 'हिन्दी अभियान', 'x-y', '℃ ™ 𝐀', 'ΑΣ.Σ', 'ϒ ϓ']) {
      expect(campaignSlug(campaignSlug(name))).toBe(campaignSlug(name));
    }
  });
});

describe('shareUtm', () => {
  it('maps network, campaign slug and share id, with the default medium', () => {
    expect(shareUtm({ network: 'linkedin', campaign: 'Été 2026 — Recrutement', shareId: 'sh_8f3K2-x' })).toEqual({
      success: true,
      output: { source: 'linkedin', medium: DEFAULT_UTM_MEDIUM, campaign: 'ete-2026-recrutement', content: 'sh_8f3K2-x' },
    });
    expect(DEFAULT_UTM_MEDIUM).toBe('employee_advocacy');
  });

  it('uses a configured medium', () => {
    const result = shareUtm({ network: 'x', campaign: 'c', shareId: '1', medium: 'social' });
    expect(result.success && result.output.medium).toBe('social');
  });

  it('uses the network name as utm_source for every network', () => {
    for (const network of NETWORKS) {
      const result = shareUtm({ network, campaign: 'c', shareId: crypto.randomUUID() });
      expect(result.success && result.output.source).toBe(network);
    }
  });

  it.each([
    'jean.dupont@example.com',
    'jean.dupont%40example.com',
    'JEAN%40EXAMPLE.COM',
    'jean＠example.com',
    'jean﹫example.com',
    '"quoted"@example.com',
    '@handle',
  ])('refuses a share id that looks like an e-mail: %j', (shareId) => {
    expect(codeOf(shareUtm({ network: 'email', campaign: 'c', shareId }))).toBe('share-id-looks-like-email');
  });

  it.each(['', 'jean dupont', 'jean.dupont', 'a/b', 'x'.repeat(129), 'é', '\u200b', 'ab\ud800', '👩🏽‍💻', 'שלום'])(
    'refuses a share id that is not an opaque token: %j',
    (shareId) => {
      expect(codeOf(shareUtm({ network: 'x', campaign: 'c', shareId }))).toBe('invalid-share-id');
    },
  );

  it('accepts UUIDs and base64url tokens', () => {
    for (const shareId of [crypto.randomUUID(), 'AbC_12-xyz', 'x'.repeat(128), '42']) {
      expect(shareUtm({ network: 'x', campaign: 'c', shareId }).success).toBe(true);
    }
  });

  it('refuses a campaign without letters or digits and a blank medium', () => {
    expect(codeOf(shareUtm({ network: 'x', campaign: ' — 🚀 ', shareId: 'a' }))).toBe('invalid-campaign');
    expect(codeOf(shareUtm({ network: 'x', campaign: 'c', shareId: 'a', medium: ' ' }))).toBe('invalid-medium');
  });
});

describe('trackedShareUrl', () => {
  it('tags the public URL for the share', () => {
    expect(trackedShareUrl('https://example.com/jobs?ref=nav#apply', { network: 'bluesky', campaign: 'Été 2026', shareId: 'sh1' })).toEqual({
      success: true,
      output: 'https://example.com/jobs?ref=nav&utm_source=bluesky&utm_medium=employee_advocacy&utm_campaign=ete-2026&utm_content=sh1#apply',
    });
  });

  it('encodes a non-Latin campaign slug', () => {
    const result = trackedShareUrl('https://example.com/', { network: 'x', campaign: 'Москва', shareId: 'a' });
    expect(result.success && new URL(result.output).searchParams.get('utm_campaign')).toBe('москва');
  });

  it('passes on the issues of either step', () => {
    expect(codeOf(trackedShareUrl('https://example.com/', { network: 'x', campaign: 'c', shareId: 'me@example.com' }))).toBe(
      'share-id-looks-like-email',
    );
    expect(codeOf(trackedShareUrl('javascript:alert(1)', { network: 'x', campaign: 'c', shareId: 'a' }))).toBe('unsupported-scheme');
  });
});
