/**
 * Joins regular-expression sources into one alternation that matches exactly what
 * `sources.join('|')` matches, but with shared literal prefixes factored into a trie.
 *
 * Why: V8 tries every top-level alternative at every position of the subject. Joining the
 * ~330 bot patterns naively measured 3–4x slower than this factored form on the labelled
 * corpus (V8 merges common prefixes of neighbouring literal alternatives only, and the
 * non-literal patterns interleaved with them defeat that). Anchored sources are gathered
 * under one `^` so that they cost one failed check at every position but the first.
 * The output uses only non-capturing groups and `?`, so it stays PCRE-compatible.
 */

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  /** What may follow the literal prefix that ends here; `''` means the prefix alone matches. */
  readonly tails: string[];
}

/** One literal atom: a plain character or an escaped metacharacter such as `\.`. */
const ATOM = /^(?:\\[-.\/()+*?|[\]{}^$\\]|[^\\^$.|?*+()[\]{}])/;
const QUANTIFIER = /^[?*+{]/;

/** Splits a source into its literal prefix (as atoms) and the remaining regex tail. */
function splitLiteral(source: string): { readonly atoms: readonly string[]; readonly tail: string } {
  const atoms: string[] = [];
  let rest = source;
  for (;;) {
    const atom = ATOM.exec(rest)?.[0];
    if (atom === undefined) break;
    const after = rest.slice(atom.length);
    // `ab?` binds the quantifier to `b`: the quantified atom belongs to the tail.
    if (QUANTIFIER.test(after)) break;
    atoms.push(atom);
    rest = after;
  }
  return { atoms, tail: rest };
}

const newNode = (): TrieNode => ({ children: new Map(), tails: [] });

function emit(node: TrieNode): string {
  const branches = [...node.children].map(([atom, child]) => atom + emit(child));
  const tails = node.tails.filter((tail) => tail !== '');
  const all = [...branches, ...tails];
  if (node.tails.includes('')) return all.length === 0 ? '' : `(?:${all.join('|')})?`;
  return all.length === 1 ? (all[0] ?? '') : `(?:${all.join('|')})`;
}

function factor(sources: readonly string[]): string {
  const root = newNode();
  for (const source of sources) {
    const { atoms, tail } = splitLiteral(source);
    let node = root;
    for (const atom of atoms) {
      let child = node.children.get(atom);
      if (child === undefined) {
        child = newNode();
        node.children.set(atom, child);
      }
      node = child;
    }
    node.tails.push(tail);
  }
  return emit(root);
}

/**
 * Builds one alternation equivalent to `sources.join('|')`, with literal prefixes factored.
 * Each source must be a complete alternative (a top-level `|` inside one would be split
 * wrongly); anchored ones must start with `^`.
 * @param sources regular-expression sources, e.g. {@link BOT_PATTERNS}
 * @returns one source string, PCRE-compatible when the inputs are
 * @example compileAlternation(['slackbot', 'slack-imgproxy', '^curl']) // 'slack(?:bot|-imgproxy)|^curl'
 */
export function compileAlternation(sources: readonly string[]): string {
  const anchored = sources.filter((source) => source.startsWith('^')).map((source) => source.slice(1));
  const floating = sources.filter((source) => !source.startsWith('^'));
  const parts: string[] = [];
  if (floating.length > 0) parts.push(factor(floating));
  if (anchored.length > 0) parts.push(`^${factor(anchored)}`);
  return parts.join('|');
}
