import { foldText, TokenStream, tokenize } from './tokens.js';

const read = (text: string) => {
  const t = tokenize(text, new TokenStream());
  return Array.from({ length: t.count }, (_, i) => ({
    key: t.keys[i],
    span: text.slice(t.starts[i], t.ends[i]),
    alts: t.alts[i],
    hashed: t.hashed[i],
  }));
};
const keys = (text: string) => read(text).map((t) => t.key);

describe('tokenize', () => {
  it('folds case and accents so données, DONNEES and Données are one word', () => {
    expect(keys('données DONNEES Données')).toEqual(['donnees', 'donnees', 'donnees']);
  });

  it('cuts words on spaces, hyphens, apostrophes and punctuation', () => {
    expect(keys("SECRET-DÉFENSE, l'entreprise… «oui»")).toEqual(['secret', 'defense', 'l', 'entreprise', 'oui']);
  });

  it('reads decomposed accents (NFD) as the same word and underlines the combining mark too', () => {
    const [token] = read('donne\u0301es');
    expect(token).toMatchObject({ key: 'donnees', span: 'donne\u0301es' });
  });

  it('keeps a word whole across zero-width spaces, joiners, soft hyphens and bidi marks', () => {
    for (const invisible of ['\u200b', '\u200c', '\u200d', '\u00ad', '\u2060', '\ufeff', '\u200e', '\u202e']) {
      const text = `top se${invisible}cret`;
      expect(read(text)[1]).toMatchObject({ key: 'secret', span: `se${invisible}cret` });
    }
  });

  it('does not start or end a word with an invisible character', () => {
    expect(read('\u200bsecret\u200b')[0]?.span).toBe('secret');
  });

  it('resolves ligatures, full-width and mathematical letters', () => {
    expect(keys('Œuvre ﬁnal ＳＥＣＲＥＴ 𝐬𝐞𝐜𝐫𝐞𝐭 Straße')).toEqual(['oeuvre', 'final', 'secret', 'secret', 'strasse']);
  });

  it('gives offsets into the original text after emoji sequences', () => {
    const text = '👩🏽‍💻🇫🇷 1️⃣ Secret';
    const tokens = read(text);
    expect(tokens.at(-1)).toMatchObject({ key: 'secret', span: 'Secret' });
  });

  it('treats lone surrogates as separators without throwing', () => {
    expect(keys('se\ud800cret \udc00x')).toEqual(['se', 'cret', 'x']);
  });

  it('reads words inside right-to-left text', () => {
    const text = 'مرحبا secret שלום';
    expect(read(text).map((t) => t.span)).toEqual(['مرحبا', 'secret', 'שלום']);
  });

  it('offers the leetspeak readings of an obfuscated word', () => {
    expect(read('s3cr3t')[0]?.alts).toContain('secret');
    expect(read('$ecret')[0]?.alts).toContain('secret');
    expect(read('p@ss')[0]?.alts).toContain('pass');
    expect(read('c0nf1dent1el')[0]?.alts).toContain('confidentiel');
    expect(read('7ru5t')[0]?.alts).toContain('trust');
  });

  it('tries both i and l for a 1', () => {
    expect(read('1ike')[0]?.alts).toEqual(['iike', 'like']);
  });

  it('never reads numbers, amounts, ordinals with few letters or units as leetspeak', () => {
    for (const text of ['4', '2026', '1 234,56', '10am', '5G', '3M', 'A4', 'B2B', 'covid19', '06.12.34.56.78']) {
      for (const token of read(text)) expect(token.alts).toBeNull();
    }
  });

  it('reads Cyrillic and Greek look-alikes mixed into a Latin word as Latin letters', () => {
    expect(read('ѕесrеt')[0]?.alts).toContain('secret'); // Cyrillic ѕ е с е
    expect(read('cοnfidential')[0]?.alts).toContain('confidential'); // Greek ο
    expect(read('ЅЕСRЕТ')[0]?.alts).toContain('secret'); // upper case
  });

  it('leaves words written wholly in Cyrillic or Greek alone', () => {
    expect(read('сор')[0]?.alts).toBeNull();
    expect(read('Привет κόσμος')).toMatchObject([{ key: 'привет', alts: null }, { key: 'κοσμος', alts: null }]);
  });

  it('reads a mention or cashtag as the bare word too', () => {
    expect(read('@acme')[0]?.alts).toContain('acme');
    expect(read('$ACME')[0]?.alts).toContain('acme');
  });

  it('keeps the words of an e-mail address apart instead of reading @ as a letter', () => {
    expect(keys('john@acme.com')).toEqual(['john', 'acme', 'com']);
  });

  it('treats a lone @ or $ as a separator', () => {
    expect(keys('rdv @ 14h, 5 $ max')).toEqual(['rdv', '14h', '5', 'max']);
  });

  it('marks words written as hashtags', () => {
    expect(read('#Employee employee').map((t) => t.hashed)).toEqual([true, false]);
  });

  it('tokenizes 1 MB of mixed text without throwing and keeps offsets exact at the end', () => {
    const chunk = 'Réunion 👍 ok\u200b ';
    const text = `${chunk.repeat(Math.ceil(1_000_000 / chunk.length))}FIN`;
    const stream = tokenize(text, new TokenStream());
    expect(text.slice(stream.starts[stream.count - 1], stream.ends[stream.count - 1])).toBe('FIN');
    expect(stream.keys[0]).toBe('reunion');
  });

  it('forgets the previous text when reused', () => {
    const stream = new TokenStream();
    tokenize('un deux trois', stream);
    tokenize('quatre', stream);
    expect(stream.count).toBe(1);
    expect(stream.keys[0]).toBe('quatre');
  });
});

describe('foldText', () => {
  it('folds like the tokenizer', () => {
    expect(foldText('Crème BRÛLÉE Œuf')).toBe('creme brulee oeuf');
  });
});
