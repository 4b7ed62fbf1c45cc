import { TermIndex, termWords } from './terms.js';
import { TokenStream, tokenize } from './tokens.js';

const index = (blocked: string[], confidential: string[] = []) => {
  const terms = new TermIndex();
  for (const t of blocked) terms.add(termWords(t), 'blocked', t);
  for (const t of confidential) terms.add(termWords(t), 'confidential', t);
  return terms;
};

const find = (terms: TermIndex, text: string, readsLeet: (offset: number) => boolean = () => true) => {
  const hits: { kind: string; span: string; term: string }[] = [];
  terms.match(tokenize(text, new TokenStream()), text, readsLeet, (kind, start, end, term) =>
    hits.push({ kind, span: text.slice(start, end), term }),
  );
  return hits;
};

describe('termWords', () => {
  it('folds a configured term into the words a post would contain', () => {
    expect(termWords('  Secret-Défense ')).toEqual(['secret', 'defense']);
    expect(termWords('!!!')).toEqual([]);
  });
});

describe('TermIndex', () => {
  const terms = index(['secret défense', 'secret', 'ass', 'données', 'projet x15'], ['usage interne', 'confidentiel']);

  it('matches whole words only (no Scunthorpe problem)', () => {
    expect(find(terms, 'La classe a passé une assemblée; secretariat, secrets.')).toEqual([]);
    expect(find(terms, 'What an ass.')).toEqual([{ kind: 'blocked', span: 'ass', term: 'ass' }]);
  });

  it('matches case- and accent-insensitively', () => {
    expect(find(terms, 'DONNEES et Données').map((h) => h.span)).toEqual(['DONNEES', 'Données']);
  });

  it('prefers the longest phrase and matches it across any separators', () => {
    for (const written of ['secret défense', 'SECRET-DEFENSE', 'secret  défense', 'secret\ndéfense', 'secret — défense', 'secret 🔒 défense']) {
      expect(find(terms, `Classé ${written} !`)).toEqual([{ kind: 'blocked', span: written, term: 'secret défense' }]);
    }
  });

  it('matches a phrase glued into a hashtag', () => {
    expect(find(terms, 'Lol #SecretDéfense')).toEqual([{ kind: 'blocked', span: 'SecretDéfense', term: 'secret défense' }]);
  });

  it('falls back to the shorter term when the phrase does not continue', () => {
    expect(find(terms, 'un secret bien gardé')).toEqual([{ kind: 'blocked', span: 'secret', term: 'secret' }]);
  });

  it('matches terms containing digits as typed', () => {
    expect(find(terms, 'Le PROJET X15 avance')).toEqual([{ kind: 'blocked', span: 'PROJET X15', term: 'projet x15' }]);
  });

  it('reports both lists when a span is in both', () => {
    const both = index(['interne'], ['interne']);
    expect(find(both, 'note interne').map((h) => h.kind)).toEqual(['blocked', 'confidential']);
  });

  it.each([
    ['c0nfidentiel', 'c0nfidentiel'],
    ['C0NF1DENT1EL', 'C0NF1DENT1EL'],
    ['c.o.n.f.i.d.e.n.t.i.e.l', 'c.o.n.f.i.d.e.n.t.i.e.l'],
    ['c o n f i d e n t i e l', 'c o n f i d e n t i e l'],
    ['c-0-n-f-1-d-e-n-t-1-e-l', 'c-0-n-f-1-d-e-n-t-1-e-l'],
    ['con\u200bfiden\u200dtiel', 'con\u200bfiden\u200dtiel'],
    ['CONFIDENTIEL', 'CONFIDENTIEL'],
  ])('sees through the obfuscation %s', (written, span) => {
    expect(find(terms, `Doc ${written} !`)).toEqual([{ kind: 'confidential', span, term: 'confidentiel' }]);
  });

  it('reads $ecret and s3cr3t as secret', () => {
    expect(find(terms, '$ecret / s3cr3t').map((h) => h.span)).toEqual(['$ecret', 's3cr3t']);
  });

  it('reads a spaced-out word even after a one-letter word', () => {
    expect(find(terms, 'à s e c r e t').map((h) => h.span)).toEqual(['s e c r e t']);
  });

  it('does not read leetspeak where the caller forbids it (inside links)', () => {
    expect(find(terms, 'x.com/s3cr3t', () => false)).toEqual([]);
  });

  it.each([
    '4 secrets in 10 minutes',
    'Appelez le 06 12 34 56 78',
    'Prix : 1 234,56 € au 5/12',
    'https://example.com/order/0612345678?ref=a55',
    'v1.3.7 sorti le 29/11/2026 à 14h30',
    'a 5 s 7 classe',
  ])('does not find terms in normal text: %s', (text) => {
    expect(find(terms, text)).toEqual([]);
  });

  it('finds nothing with an empty index', () => {
    expect(find(new TermIndex(), 'secret')).toEqual([]);
  });
});
