import { checkPolicy, compilePolicy, NETWORK_LIMITS, POLICY_SEVERITY, type CompiledPolicy, type PolicyConfig, type PolicyContext } from './index.js';

const compile = (config: PolicyConfig): CompiledPolicy => {
  const result = compilePolicy(config);
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.output;
};

/** Findings as `code: visible span`, the way an editor would underline them. */
const spans = (text: string, policy: CompiledPolicy, context?: PolicyContext) =>
  checkPolicy(text, policy, context).findings.map((f) => `${f.code}: ${text.slice(f.start, f.end)}`);

const NBSP = '\u00a0';

describe('compilePolicy', () => {
  it('compiles a complete configuration', () => {
    const result = compilePolicy({
      blockedTerms: ['secret défense'],
      confidentialMarkers: ['confidentiel'],
      allowedLinkDomains: ['acme.com'],
      requiredDisclosure: ['#employee', '#collaborateur'],
      detectPersonalData: true,
      allowedNetworks: ['linkedin', 'x'],
      locale: 'fr',
    });
    expect(result.success).toBe(true);
  });

  it('compiles an empty configuration into a policy that only checks the context', () => {
    const policy = compile({});
    expect(checkPolicy('Tout va bien, secret compris.', policy)).toEqual({ ok: true, findings: [] });
  });

  it('reports every bad value with its path instead of ignoring it', () => {
    const result = compilePolicy({
      blockedTerms: ['ok', 42, '  ', null],
      confidentialMarkers: 'confidentiel',
      allowedLinkDomains: ['acme.com', 'not a domain'],
      requiredDisclosure: ['#'],
      detectPersonalData: 'yes',
      allowedNetworks: ['linkedin', 'myspace'],
      locale: 'de',
    } as unknown as PolicyConfig);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => `${i.code} ${i.path.join('.')}`)).toEqual([
      'invalid-type blockedTerms.1',
      'invalid-type blockedTerms.3',
      'empty-term blockedTerms.2',
      'invalid-type confidentialMarkers',
      'invalid-domain allowedLinkDomains.1',
      'empty-term requiredDisclosure.0',
      'invalid-type detectPersonalData',
      'unknown-network allowedNetworks.1',
      'invalid-locale locale',
    ]);
  });

  it('refuses phrases longer than 16 words, which would only slow every check', () => {
    const result = compilePolicy({ blockedTerms: ['a '.repeat(17), 'b '.repeat(16)] });
    expect(result.success ? [] : result.issues.map((i) => `${i.code} ${i.path.join('.')}`)).toEqual(['term-too-long blockedTerms.0']);
  });

  it.each([null, 'policy', 42, []])('rejects %j as a configuration', (config) => {
    const result = compilePolicy(config as unknown as PolicyConfig);
    expect(result.success).toBe(false);
  });
});

describe('checkPolicy: blocked terms and confidentiality markers', () => {
  const policy = compile({ blockedTerms: ['secret défense', 'ass', 'données clients'], confidentialMarkers: ['confidentiel', 'internal only'] });

  it('blocks a term and underlines exactly what was typed', () => {
    const text = 'Projet SECRET-DEFENSE en cours';
    const report = checkPolicy(text, policy);
    expect(report.ok).toBe(false);
    expect(report.findings).toEqual([
      { code: 'blocked-term', severity: 'block', start: 7, end: 21, message: 'Blocked term: “secret défense”' },
    ]);
  });

  it('does not match inside longer words (Scunthorpe)', () => {
    expect(spans('Une classe, une assemblée, un passage, Massachusetts', policy)).toEqual([]);
  });

  it('matches accents both ways', () => {
    expect(spans('les DONNEES CLIENTS et les donne\u0301es clients', policy)).toEqual([
      'blocked-term: DONNEES CLIENTS',
      'blocked-term: donne\u0301es clients',
    ]);
  });

  it('reports confidentiality markers as their own code', () => {
    expect(checkPolicy('Document c0nf1dent1el', policy).findings[0]).toMatchObject({ code: 'confidential-marker', severity: 'block' });
    expect(spans('INTERNAL—ONLY draft', policy)).toEqual(['confidential-marker: INTERNAL—ONLY']);
  });

  it.each([
    ['c.o.n.f.i.d.e.n.t.i.e.l', 'c.o.n.f.i.d.e.n.t.i.e.l'],
    ['$ecret défense', '$ecret défense'],
    ['s3cr3t d3fens3', 's3cr3t d3fens3'],
    ['secret\u200b défen\u200bse', 'secret\u200b défen\u200bse'],
    ['#SecretDefense', 'SecretDefense'],
    ['ѕесrеt défense', 'ѕесrеt défense'],
  ])('sees through %s', (written, span) => {
    const [finding] = checkPolicy(`Voici: ${written}.`, policy).findings;
    expect(`Voici: ${written}.`.slice(finding?.start, finding?.end)).toBe(span);
  });

  it('does not create findings from numbers, prices, phone numbers or links', () => {
    const text = '4 secrets, 5 ass1stants? Prix 1 234,56 €, tél. 06 12 34 56 78, https://acme.com/a55/c0nfidentiel-2026';
    expect(spans(text, compile({ blockedTerms: ['secrets', 'ass'] }))).toEqual(['blocked-term: secrets']);
    expect(spans('https://acme.com/a55', compile({ blockedTerms: ['ass'] }))).toEqual([]);
  });

  it('keeps offsets exact after emoji sequences, RTL text, zero-width characters and lone surrogates', () => {
    const cases = [
      '👨‍👩‍👧‍👦🇫🇷✊🏿 ',
      'مرحبا بكم ',
      'שלום \u200f',
      '\u200b\u200d\ufeff',
      '\ud800 \udc00 ',
      '𝐁𝐨𝐥𝐝 ',
    ];
    for (const before of cases) {
      const text = `${before}données clients ${before}`;
      expect(spans(text, policy)).toEqual(['blocked-term: données clients']);
    }
  });

  it('finds a term between Arabic words', () => {
    expect(spans('هذا secret défense سري', policy)).toEqual(['blocked-term: secret défense']);
  });
});

describe('checkPolicy: messages', () => {
  const policy = compile({
    blockedTerms: ['secret'],
    confidentialMarkers: ['confidentiel'],
    allowedLinkDomains: ['acme.com'],
    requiredDisclosure: ['#employee', '#collaborateur'],
    detectPersonalData: true,
    allowedNetworks: ['linkedin'],
    locale: 'fr',
  });
  const text = 'secret confidentiel https://evil.io jean@acme.fr 06 12 34 56 78';
  const context: PolicyContext = {
    network: 'x',
    now: '2026-11-29T10:00:00Z',
    item: { startsAt: '2026-12-01T08:30:00Z' },
  };

  it('writes French with French typography', () => {
    expect(checkPolicy(text, policy, context).findings.map((f) => f.message)).toEqual([
      `Le partage sur X n’est pas autorisé`,
      `Sous embargo jusqu’au 1 décembre 2026 à 08:30 UTC`,
      `Terme interdit${NBSP}: «${NBSP}secret${NBSP}»`,
      `Mention de confidentialité${NBSP}: «${NBSP}confidentiel${NBSP}»`,
      `Lien vers un domaine non autorisé${NBSP}: evil.io`,
      `Donnée personnelle${NBSP}: adresse e-mail`,
      `Donnée personnelle${NBSP}: numéro de téléphone`,
      `Mention obligatoire absente${NBSP}: ajoutez #employee ou #collaborateur`,
    ]);
  });

  it('writes English when the check asks for it, whatever the policy locale', () => {
    expect(checkPolicy(text, policy, { ...context, locale: 'en' }).findings.map((f) => f.message)).toEqual([
      'Sharing on X is not allowed',
      'Embargoed until 1 December 2026 at 08:30 UTC',
      'Blocked term: “secret”',
      'Confidentiality marker: “confidentiel”',
      'Link to a domain that is not allowed: evil.io',
      'Personal data: e-mail address',
      'Personal data: phone number',
      'Required disclosure missing: add #employee or #collaborateur',
    ]);
  });

  it('names the length and the limit, grouped the French way', () => {
    const [finding] = checkPolicy('a'.repeat(63_300), compile({ locale: 'fr' }), { network: 'facebook' }).findings;
    expect(finding?.message).toBe(`Trop long pour Facebook${NBSP}: 63\u202f300 caractères pour 63\u202f206 autorisés`);
    const [en] = checkPolicy('a'.repeat(3001), compile({}), { network: 'linkedin' }).findings;
    expect(en?.message).toBe('Too long for LinkedIn: 3,001 characters, 3,000 allowed');
  });
});

describe('checkPolicy: links', () => {
  const policy = compile({ allowedLinkDomains: ['acme.com', 'https://Partner.FR/'] });

  it('allows the listed domains and their subdomains', () => {
    expect(spans('Lisez https://acme.com/a, https://blog.acme.com/b et www.partner.fr/c.', policy)).toEqual([]);
  });

  it('blocks other domains and underlines the whole link', () => {
    const report = checkPolicy('Comparez avec https://acme.com.evil.io/login?x=1 et concurrent.com/offre.', policy);
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.code)).toEqual(['link-domain', 'link-domain']);
    expect(spans('Comparez avec https://acme.com.evil.io/login?x=1 et concurrent.com/offre.', policy)).toEqual([
      'link-domain: https://acme.com.evil.io/login?x=1',
      'link-domain: concurrent.com/offre',
    ]);
  });

  it('blocks a link whose host cannot be parsed, naming it as written', () => {
    const text = 'voir https://[::1/x';
    expect(checkPolicy(text, policy).findings).toMatchObject([
      { code: 'link-domain', start: 5, end: text.length, message: 'Link to a domain that is not allowed: https://[::1/x' },
    ]);
  });

  it('does not restrict links when no domain is listed', () => {
    expect(spans('https://anything.example', compile({ allowedLinkDomains: [] }))).toEqual([]);
  });
});

describe('checkPolicy: required disclosure', () => {
  const policy = compile({ requiredDisclosure: ['#employee', '#collaborateur'] });

  it('is satisfied by any one of the disclosures, in any case or accent', () => {
    for (const text of ['Great news #employee', '#COLLABORATEUR : super', 'Bravo #Collaborateur!']) {
      expect(checkPolicy(text, policy).ok).toBe(true);
    }
  });

  it('blocks a post without it, with an empty span at the end where the tag goes', () => {
    const text = 'Great news about employee benefits #employees';
    const report = checkPolicy(text, policy);
    expect(report.ok).toBe(false);
    expect(report.findings).toEqual([
      { code: 'disclosure-missing', severity: 'block', start: text.length, end: text.length, message: 'Required disclosure missing: add #employee or #collaborateur' },
    ]);
  });

  it('does not count a disclosure hidden in a link', () => {
    expect(checkPolicy('Lisez https://acme.com/news#employee', policy).ok).toBe(false);
    expect(checkPolicy('Lisez https://acme.com/news #employee', policy).ok).toBe(true);
  });

  it('matches a multi-word disclosure across separators', () => {
    const phrase = compile({ requiredDisclosure: ['Employé de ACME'] });
    expect(checkPolicy('Je suis employé  de Acme.', phrase).ok).toBe(true);
    expect(checkPolicy('Je suis employé chez Acme.', phrase).ok).toBe(false);
  });
});

describe('checkPolicy: personal data', () => {
  const policy = compile({ detectPersonalData: true });

  it('warns about e-mail addresses and phone numbers without blocking', () => {
    const text = 'Écrivez à jean.dupont@acme.fr ou appelez le +33 (0)6 12 34 56 78.';
    const report = checkPolicy(text, policy);
    expect(report.ok).toBe(true);
    expect(report.findings.map((f) => [f.code, f.severity, text.slice(f.start, f.end)])).toEqual([
      ['personal-email', 'warn', 'jean.dupont@acme.fr'],
      ['personal-phone', 'warn', '+33 (0)6 12 34 56 78'],
    ]);
  });

  it('is off unless the policy asks for it', () => {
    expect(spans('jean@acme.fr 06 12 34 56 78', compile({}))).toEqual([]);
  });

  it('does not read dates, times, prices, years or versions as phone numbers', () => {
    expect(spans('Le 29/11/2026 à 14:30, 1 234,56 €, depuis 2026, v10.0.19045, réf. 2 345 678 901 €', policy)).toEqual([]);
  });

  it('does not read numbers in links as phone numbers', () => {
    expect(spans('https://shop.example.com/order/0612345678 et acme.com/p/4155552671', policy)).toEqual([]);
  });
});

describe('checkPolicy: length', () => {
  const policy = compile({});

  it('measures X posts with X weighting and underlines what does not fit', () => {
    const text = `${'a'.repeat(280)}overflow`;
    const report = checkPolicy(text, policy, { network: 'x' });
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => [f.code, text.slice(f.start, f.end)])).toEqual([['too-long', 'overflow']]);
  });

  it('counts an X link as 23 and CJK as 2', () => {
    expect(checkPolicy(`${'a'.repeat(250)} https://example.com/${'x'.repeat(200)}`, policy, { network: 'x' }).ok).toBe(true);
    const cjk = '漢'.repeat(141);
    const [finding] = checkPolicy(cjk, policy, { network: 'x' }).findings;
    expect(finding).toMatchObject({ code: 'too-long', start: 140, end: 141 });
    expect(finding?.message).toBe('Too long for X: 282 characters, 280 allowed');
  });

  it('counts Bluesky in graphemes: 300 family emoji fit, 301 do not', () => {
    const family = '👨‍👩‍👧';
    expect(checkPolicy('a'.repeat(300), policy, { network: 'bluesky' }).ok).toBe(true);
    const text = `${'a'.repeat(299)}${family}${family}`;
    const [finding] = checkPolicy(text, policy, { network: 'bluesky' }).findings;
    expect(text.slice(finding?.start, finding?.end)).toBe(family);
  });

  it('applies Bluesky’s 3,000-byte cap to short posts of heavy graphemes', () => {
    const flag = '🏴󠁧󠁢󠁳󠁣󠁴󠁿'; // 1 grapheme, 28 UTF-8 bytes
    const text = flag.repeat(110);
    const [finding] = checkPolicy(text, policy, { network: 'bluesky' }).findings;
    expect(finding).toMatchObject({ code: 'too-long', end: text.length });
    expect(finding?.message).toBe('Too long for Bluesky: 3,080 bytes, 3,000 allowed');
    expect(new TextEncoder().encode(text.slice(0, finding?.start)).length).toBeLessThanOrEqual(3000);
  });

  it.each(Object.entries(NETWORK_LIMITS).filter(([, limit]) => limit?.unit === 'utf16'))(
    'lets %s posts reach their limit exactly, and not one character more',
    (network, limit) => {
      const max = limit?.max ?? 0;
      const context = { network } as PolicyContext;
      expect(checkPolicy('a'.repeat(max), policy, context).ok).toBe(true);
      const [finding] = checkPolicy('a'.repeat(max + 1), policy, context).findings;
      expect(finding).toMatchObject({ code: 'too-long', start: max, end: max + 1 });
    },
  );

  it('underlines the X overflow inside the original text when it is not in NFC', () => {
    const text = `${'e\u0301'.repeat(279)}abc`; // 279 é written as e + combining accent
    const [finding] = checkPolicy(text, policy, { network: 'x' }).findings;
    expect(text.slice(finding?.start, finding?.end)).toBe('bc');
  });

  it('never cuts a surrogate pair in two', () => {
    const text = `${'a'.repeat(2999)}😀`;
    const [finding] = checkPolicy(text, policy, { network: 'linkedin' }).findings;
    expect(text.slice(finding?.start, finding?.end)).toBe('😀');
  });

  it('has no length limit for WhatsApp, Teams or e-mail', () => {
    for (const network of ['whatsapp', 'teams', 'email'] as const) {
      expect(checkPolicy('a'.repeat(100_000), policy, { network }).ok).toBe(true);
    }
  });
});

describe('checkPolicy: network, embargo and expiry', () => {
  const policy = compile({ allowedNetworks: ['linkedin', 'xing'] });

  it('blocks networks the policy does not allow', () => {
    expect(checkPolicy('Hello', policy, { network: 'linkedin' }).ok).toBe(true);
    expect(checkPolicy('Hello', policy, { network: 'reddit' }).findings).toEqual([
      { code: 'network-not-allowed', severity: 'block', start: 0, end: 0, message: 'Sharing on Reddit is not allowed' },
    ]);
    expect(checkPolicy('Hello', policy).ok).toBe(true);
  });

  it('treats a network name it does not know as not allowed, and checks no length for it', () => {
    const context = { network: 'myspace' } as unknown as PolicyContext;
    expect(checkPolicy('Hello', policy, context).findings.map((f) => f.message)).toEqual(['Sharing on myspace is not allowed']);
    expect(checkPolicy('a'.repeat(100_000), compile({}), context)).toEqual({ ok: true, findings: [] });
  });

  const now = new Date('2026-11-29T10:00:00Z');
  it.each([
    [{ startsAt: '2026-11-30T00:00:00Z' }, ['embargoed']],
    [{ startsAt: new Date('2026-11-29T10:00:00Z') }, []],
    [{ startsAt: '2026-11-01' }, []],
    [{ expiresAt: '2026-11-29T10:00:00Z' }, ['expired']],
    [{ expiresAt: new Date('2026-11-29T10:00:01Z') }, []],
    [{ startsAt: '2026-12-01', expiresAt: '2026-11-01' }, ['embargoed', 'expired']],
    [{ startsAt: null, expiresAt: null }, []],
    [{ startsAt: 'tomorrow-ish' }, ['embargoed']],
    [{ expiresAt: 'never' }, ['expired']],
  ])('checks the item %j', (item, codes) => {
    const report = checkPolicy('Hello', policy, { now, item });
    expect(report.findings.map((f) => f.code)).toEqual(codes);
    expect(report.ok).toBe(codes.length === 0);
  });

  it('accepts now as a Date, an ISO string or epoch milliseconds', () => {
    const item = { expiresAt: '2026-11-29T10:00:00Z' };
    for (const at of [new Date('2026-11-29T09:00:00Z'), '2026-11-29T09:00:00Z', Date.parse('2026-11-29T09:00:00Z')]) {
      expect(checkPolicy('Hello', policy, { now: at, item }).ok).toBe(true);
    }
  });

  it('names the expiry date in both languages', () => {
    const item = { expiresAt: '2026-11-01T12:00:00Z' };
    expect(checkPolicy('x', compile({ locale: 'fr' }), { now, item }).findings[0]?.message).toBe('Expiré depuis le 1 novembre 2026 à 12:00 UTC');
    expect(checkPolicy('x', compile({}), { now, item }).findings[0]?.message).toBe('Expired on 1 November 2026 at 12:00 UTC');
  });

  it('says when a date cannot be read', () => {
    const fr = compile({ locale: 'fr' });
    expect(checkPolicy('x', fr, { now, item: { startsAt: 'bientôt' } }).findings[0]?.message).toBe('Date d’embargo illisible');
  });
});

describe('checkPolicy: severities and robustness', () => {
  it('documents a severity for every code and only block findings make ok false', () => {
    expect(Object.values(POLICY_SEVERITY).every((s) => s === 'block' || s === 'warn')).toBe(true);
    const policy = compile({ detectPersonalData: true, blockedTerms: ['secret'] });
    expect(checkPolicy('jean@acme.fr', policy).ok).toBe(true);
    expect(checkPolicy('jean@acme.fr secret', policy).ok).toBe(false);
  });

  it('returns findings in text order', () => {
    const policy = compile({ blockedTerms: ['zeta', 'alpha'], detectPersonalData: true, requiredDisclosure: ['#employee'] });
    const starts = checkPolicy('zeta 06 12 34 56 78 alpha a@b.fr', policy).findings.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('checks a 1 MB post with a full policy without throwing and with exact offsets at the end', () => {
    const policy = compile({
      blockedTerms: ['secret défense', 'ass'],
      confidentialMarkers: ['confidentiel'],
      allowedLinkDomains: ['acme.com'],
      requiredDisclosure: ['#employee'],
      detectPersonalData: true,
    });
    const chunk = 'Réunion 👍 à 14:30, 1 234,56 €, classe a@ s3 \u200b https://acme.com/x ';
    const text = `${chunk.repeat(Math.ceil(1_000_000 / chunk.length))}SECRET DEFENSE`;
    const report = checkPolicy(text, policy, { network: 'linkedin' });
    const term = report.findings.filter((f) => f.code === 'blocked-term');
    expect(term).toHaveLength(1);
    expect(text.slice(term[0]?.start, term[0]?.end)).toBe('SECRET DEFENSE');
    expect(report.findings.map((f) => f.code)).toContain('too-long');
  });

  it('keeps every finding inside the text and ok consistent on 500 random strings', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const alphabet = ['s', 'e', 'c', 'r', 't', ' ', '3', '$', '@', '.', '-', '\u200b', '\u0301', '\ud83d', '\ude00', 'é', 'ѕ', '0', '6', '+', '(', ')', '#', '/', ':', 'h', 'w', 'x', 'a'];
    const policy = compile({
      blockedTerms: ['secret', 'sec ret', 'x'],
      confidentialMarkers: ['ass'],
      allowedLinkDomains: ['acme.com'],
      requiredDisclosure: ['#ae'],
      detectPersonalData: true,
    });
    for (let round = 0; round < 500; round += 1) {
      let text = '';
      const length = Math.floor(random() * 60);
      for (let k = 0; k < length; k += 1) text += alphabet[Math.floor(random() * alphabet.length)];
      const report = checkPolicy(text, policy, { network: round % 2 ? 'x' : 'bluesky' });
      let previous = 0;
      for (const f of report.findings) {
        expect(f.start).toBeGreaterThanOrEqual(previous);
        expect(f.start).toBeLessThanOrEqual(f.end);
        expect(f.end).toBeLessThanOrEqual(text.length);
        previous = f.start;
      }
      expect(report.ok).toBe(!report.findings.some((f) => f.severity === 'block'));
    }
  });

  it('checks pathological inputs without throwing', () => {
    const policy = compile({ blockedTerms: ['a b c'], detectPersonalData: true, allowedLinkDomains: ['acme.com'] });
    for (const text of ['', '\ud800', '@'.repeat(10_000), '+('.repeat(10_000), 'a.'.repeat(50_000), '1 '.repeat(50_000), 'a '.repeat(50_000)]) {
      expect(() => checkPolicy(text, policy, { network: 'x' })).not.toThrow();
    }
  });
});
