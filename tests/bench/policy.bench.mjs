/**
 * Policy check on every keystroke: `checkPolicy` with a 1,000-term policy on a 3,000-character
 * post, against the naive approach, one case-insensitive whole-word RegExp per term (compiled
 * once, outside the loop) tested in turn. Goal: ≥ 20x.
 *
 * Terms and post are generated deterministically (seeded PRNG) from realistic French and
 * English words: single words, two- and three-word phrases, accents included.
 */
import { checkPolicy, compilePolicy } from '../../core/dist/index.js';
import { compare, opsPerSecond, report } from './harness.mjs';

/** mulberry32: small, seeded, good enough to pick words. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261129);
const pick = (list) => list[Math.floor(random() * list.length)];

const SENSITIVE = `données client clients contrat fusion acquisition salaire licenciement restructuration budget
prévisionnel résultat trimestriel bénéfice perte stratégie concurrent brevet prototype lancement produit tarif
remise partenaire fournisseur audit incident sécurité faille serveur réseau projet feuille route plan social grève
syndicat négociation prime embauche recrutement démission rachat cession filiale usine fermeture délocalisation
litige procès amende enquête rappel défaut qualité réclamation secret défense interne diffusion restreinte
confidentiel embargo brouillon ébauche chiffre affaires marge coût devis appel offres marché public merger layoff
layoffs salary revenue forecast earnings guidance roadmap launch pricing discount vendor breach password outage
lawsuit settlement recall defect divestiture restructuring severance union strike headcount hiring freeze insider
trading draft internal restricted classified sensitive unreleased codename quarterly results margin customer list
leak vulnerability exploit patch board meeting minutes memo atlas orion phénix hermès zeus apollo nova titan aurora
everest kilimandjaro mistral sirocco tramontane opale émeraude saphir rubis topaze`.split(/\s+/);

const terms = new Set(SENSITIVE);
while (terms.size < 1000) {
  const words = random() < 0.7 ? [pick(SENSITIVE), pick(SENSITIVE)] : [pick(SENSITIVE), pick(SENSITIVE), pick(SENSITIVE)];
  if (new Set(words).size === words.length) terms.add(words.join(' '));
}
const termList = [...terms];

const FILLER = `nous sommes fiers de annoncer notre nouvelle équipe qui rejoint le groupe cette semaine avec une énergie
formidable pour accompagner nos collaborateurs et nos partenaires dans la transition vers des outils plus simples
we are proud to announce that our team has grown again this quarter thanks to everyone who made it possible and
to the customers who trust us every day merci à toutes et à tous pour votre engagement au quotidien bravo encore
félicitations à l'équipe de Lyon pour ce très beau travail rendez-vous jeudi prochain à la cantine pour fêter ça`.split(/\s+/);

let post = '';
while (post.length < 3000) {
  const sentence = [];
  const length = 8 + Math.floor(random() * 12);
  for (let w = 0; w < length; w += 1) sentence.push(random() < 0.03 ? pick(SENSITIVE) : pick(FILLER));
  const first = sentence[0];
  sentence[0] = first.charAt(0).toUpperCase() + first.slice(1);
  post += `${sentence.join(' ')}${pick(['.', ' !', ' ?', ' 🎉', '. #teamspirit', ', voir https://intranet.example.com/news/2026.'])} `;
}
post = post.slice(0, post.lastIndexOf(' ', 3000));

const compiled = compilePolicy({ blockedTerms: termList });
if (!compiled.success) throw new Error(JSON.stringify(compiled.issues));
const policy = compiled.output;

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole word in Unicode text: no letter or digit on either side (`\b` is ASCII-only and breaks on `é`). */
const peerRegexps = termList.map(
  (t) => new RegExp(`(?<![\\p{L}\\p{N}])${t.split(' ').map(escape).join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu'),
);
const asciiRegexps = termList.map((t) => new RegExp(`\\b${t.split(' ').map(escape).join('\\s+')}\\b`, 'i'));
const naive = (regexps) => () => {
  const found = [];
  for (let i = 0; i < regexps.length; i += 1) if (regexps[i].test(post)) found.push(termList[i]);
  return found;
};

const ours = () => checkPolicy(post, policy);
const ourTerms = new Set(ours().findings.map((f) => f.message.slice(15, -1)));
const peerTerms = naive(peerRegexps)();
const missed = peerTerms.filter((t) => !ourTerms.has(t));
if (missed.length > 0) throw new Error(`checkPolicy missed terms the peer found: ${missed.join(', ')}`);

const unicode = compare({ ours, peer: naive(peerRegexps) });
const ascii = compare({ ours, peer: naive(asciiRegexps) });
report('policy: checkPolicy, 1,000 terms, 3,000-char post vs one Unicode whole-word RegExp per term', unicode.ratio, {
  goal: 20,
  detail: `ours ${opsPerSecond(unicode.ours)}, peer ${opsPerSecond(unicode.peer)}; ${ourTerms.size} terms found (peer ${peerTerms.length})`,
});
report('policy: same, vs one ASCII \\b…\\b RegExp per term (faster peer, wrong on accents)', ascii.ratio, {
  goal: 20,
  detail: `ours ${opsPerSecond(ascii.ours)}, peer ${opsPerSecond(ascii.peer)}`,
});

const full = compilePolicy({
  blockedTerms: termList.slice(0, 800),
  confidentialMarkers: termList.slice(800),
  allowedLinkDomains: ['example.com'],
  requiredDisclosure: ['#employee', '#collaborateur'],
  detectPersonalData: true,
});
if (!full.success) throw new Error(JSON.stringify(full.issues));
const everything = compare({ ours: () => checkPolicy(post, full.output, { network: 'x' }), peer: naive(peerRegexps) });
report('policy: every check on (links, disclosure, personal data, X length) vs the term-only peer', everything.ratio, {
  detail: `ours ${opsPerSecond(everything.ours)}, peer ${opsPerSecond(everything.peer)}`,
});
