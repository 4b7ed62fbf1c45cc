/**
 * Builds the harness page (there is no local workbench in SPFx 1.23): `harness.tsx` bundled
 * with esbuild, the en-us strings, and the SCSS as Heft compiled it into `lib/` with the theme
 * tokens replaced by their defaults. Needs `npm run build` first, as the `.sppkg` test does.
 * Fluent UI's web fonts are turned off (`FabricConfig.fontBaseUrl`): SharePoint serves them,
 * and the page then loads nothing from the network.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const workspace = join(here, '..');

// SharePoint replaces "[theme:slot, default: value]" with the site theme; the harness uses the defaults.
const themed = (css) => css.replace(/"\[theme:\s*[\w]+\s*,\s*default:\s*([^\]]+)\]"/gu, '$1');

/**
 * Bundles the harness into `folder`.
 * @param {string} folder where index.html and harness.js go (created if missing)
 * @returns {Promise<string>} the path of index.html
 * @example const html = await buildHarnessPage(join(workspace, 'temp', 'harness'));
 */
export async function buildHarnessPage(folder) {
  const compiled = join(workspace, 'lib', 'components', 'Share.module.scss.css');
  if (!existsSync(compiled)) throw new Error(`${compiled} is missing: run \`npm run build -w spfx-webpart\` first`);
  mkdirSync(folder, { recursive: true });
  const css = [];
  const spfx = {
    name: 'spfx',
    setup(b) {
      b.onResolve({ filter: /^(Share|Feed|Report)WebPartStrings$/ }, ({ path }) => ({ path: join(workspace, 'src', 'webparts', path.replace('WebPartStrings', '').toLowerCase(), 'loc', 'en-us.js'), namespace: 'loc' }));
      b.onLoad({ filter: /.*/, namespace: 'loc' }, ({ path }) => ({
        contents: `var define = function (deps, factory) { module.exports = factory(); };\n${readFileSync(path, 'utf8')}`,
        loader: 'js',
      }));
      b.onResolve({ filter: /\.module\.scss$/ }, ({ path, resolveDir }) => ({ path: join(resolveDir, path).replace(join(workspace, 'src'), join(workspace, 'lib')), namespace: 'scss' }));
      b.onLoad({ filter: /.*/, namespace: 'scss' }, ({ path }) => {
        const source = themed(readFileSync(`${path}.css`, 'utf8'));
        css.push(source);
        const names = [...new Set([...source.matchAll(/\.([a-zA-Z][\w-]*)/gu)].map((m) => m[1]))];
        return { contents: `export default ${JSON.stringify(Object.fromEntries(names.map((n) => [n, n])))};`, loader: 'js' };
      });
    },
  };
  const react = (name) => join(workspace, 'node_modules', name);
  await build({
    entryPoints: [join(here, 'harness.tsx')],
    bundle: true,
    format: 'iife',
    outfile: join(folder, 'harness.js'),
    jsx: 'transform',
    alias: { react: react('react'), 'react-dom': react('react-dom') },
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [spfx],
    logLevel: 'warning',
  });
  const html = join(folder, 'index.html');
  writeFileSync(
    html,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shareworthy SPFx harness</title>
<script>window.FabricConfig = { fontBaseUrl: '' };</script>
<style>body{margin:0;font-family:"Segoe UI",system-ui,sans-serif;font-size:14px;background:#faf9f8}main{display:grid;grid-template-columns:minmax(0,1fr);gap:24px;padding:16px;max-width:1200px;margin:auto}section{background:#fff;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.13)}@media(min-width:900px){main{grid-template-columns:minmax(0,1fr) minmax(0,1fr);padding:24px}#report-s{grid-column:1/3}}
${css.join('\n')}</style></head>
<body><main><section id="share-s" aria-label="Share web part"><div id="share"></div></section><section id="feed-s" aria-label="Feed web part"><div id="feed"></div></section><section id="report-s" aria-label="Report web part"><div id="report"></div></section><section id="editor-s" aria-label="Share web part on a page without an item, for an editor"><div id="editor"></div></section></main><script src="harness.js"></script></body></html>`,
  );
  return html;
}
