#!/usr/bin/env node
/**
 * Builds the harness page (esbuild) and screenshots it in headless Chromium at desktop and
 * 375 px widths into test-results/screenshots/. Needs `npm run build` first (the SCSS is
 * taken compiled from lib/) and /usr/bin/chromium.
 * Usage: node spfx-webpart/harness/screenshot.mjs
 */
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const workspace = join(here, '..');
const out = join(workspace, '..', 'test-results', 'screenshots');
const page = join(workspace, 'temp', 'harness');
mkdirSync(out, { recursive: true });
mkdirSync(page, { recursive: true });

// SharePoint replaces "[theme:slot, default: value]" with the site theme; the harness uses the defaults.
const themed = (css) => css.replace(/"\[theme:\s*[\w]+\s*,\s*default:\s*([^\]]+)\]"/gu, '$1');
const css = [];
const spfx = {
  name: 'spfx',
  setup(b) {
    b.onResolve({ filter: /^(Share|Feed|Report)WebPartStrings$/ }, ({ path }) => ({ path: join(workspace, 'src', 'webparts', path.replace('WebPartStrings', '').toLowerCase(), 'loc', 'en-us.js'), namespace: 'loc' }));
    b.onLoad({ filter: /.*/, namespace: 'loc' }, ({ path }) => ({
      contents: `var define = function (deps, factory) { module.exports = factory(); };\n${readFileSync(path, 'utf8')}`,
      loader: 'js',
    }));
    b.onResolve({ filter: /\.module\.scss$/ }, ({ path, resolveDir }) => ({ path: join(resolveDir, path).replace(`${join(workspace, 'src')}`, join(workspace, 'lib')), namespace: 'scss' }));
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
  outfile: join(page, 'harness.js'),
  jsx: 'transform',
  alias: { react: react('react'), 'react-dom': react('react-dom') },
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [spfx],
  logLevel: 'warning',
});
writeFileSync(
  join(page, 'index.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shareworthy SPFx harness</title>
<style>body{margin:0;font-family:"Segoe UI",system-ui,sans-serif;font-size:14px;background:#faf9f8}main{display:grid;grid-template-columns:minmax(0,1fr);gap:24px;padding:16px;max-width:1200px;margin:auto}section{background:#fff;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.13)}@media(min-width:900px){main{grid-template-columns:minmax(0,1fr) minmax(0,1fr);padding:24px}#report-s{grid-column:1/3}}
${css.join('\n')}</style></head>
<body><main><section id="share-s"><div id="share"></div></section><section id="feed-s"><div id="feed"></div></section><section id="report-s"><div id="report"></div></section></main><script src="harness.js"></script></body></html>`,
);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const errors = [];
  for (const [name, width] of [['desktop', 1280], ['mobile', 375]]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const tab = await context.newPage();
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(pathToFileURL(join(page, 'index.html')).href);
    await tab.getByRole('table').waitFor();
    await tab.getByText('Lyon, we are hiring').first().waitFor().catch(() => undefined);
    await tab.screenshot({ path: join(out, `spfx-harness-${name}.png`), fullPage: true });
    await context.close();
  }
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
}
