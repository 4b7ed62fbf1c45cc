/**
 * A real, local WordPress without Docker: Debian trixie's WordPress 6.8 (.debs unpacked, not
 * installed), the SQLite Database Integration plugin from the `@wp-playground/cli` tarball,
 * served by `php -S` with workers. Used by `npm start`, the PHPUnit runner and the benchmarks.
 *
 * Everything lives in `<repo>/.wp/` (gitignored): `apt/` (private apt state and .deb cache),
 * `cache/` (npm tarball), `site/` (the WordPress tree and its SQLite database). Each step
 * checks what is already there, so a second run only verifies and starts (~1 s).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const pluginDir = join(here, '..');
export const repoRoot = join(pluginDir, '..');
export const wpDir = join(repoRoot, '.wp');
export const siteDir = join(wpDir, 'site');
export const databaseFile = join(siteDir, 'wp-content', 'database', '.ht.sqlite');
export const DEFAULT_PORT = 8888;

/** Demo logins, printed by `npm start`. Local only: the site listens on loopback. */
export const USERS = [
  { login: 'admin', role: 'administrator' },
  { login: 'editor', role: 'editor' },
  { login: 'author', role: 'author' },
  { login: 'employee', role: 'subscriber (shares items)' },
];
export const PASSWORD = 'password';

const PHP_INSTALL = 'sudo apt-get install -y php-cli php-sqlite3 php-xml php-mbstring php-curl php-intl';
const WP_DEBS = ['wordpress', 'wordpress-theme-twentytwentyfive', 'libjs-underscore', 'libjs-lodash', 'libjs-cropper', 'php-getid3'];
const PLAYGROUND_CLI = '@wp-playground/cli@3.1.56';

const MARIADB_SWITCH = "if ( 'mariadb' === getenv( 'SHAREWORTHY_DB' ) ) { return; } // Shareworthy: MariaDB test run.";

const log = (message) => process.stderr.write(`wp-env: ${message}\n`);

/**
 * Checks that PHP with the extensions WordPress needs is on the PATH.
 * @returns {{ ok: true, version: string } | { ok: false, message: string }}
 */
export function checkPhp() {
  const run = spawnSync('php', ['-r', 'echo PHP_VERSION, "\\n", implode(",", get_loaded_extensions());'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return { ok: false, message: `PHP is missing. Install it with:\n  ${PHP_INSTALL}` };
  const [version, extensions] = run.stdout.trim().split('\n');
  const loaded = new Set(extensions.toLowerCase().split(','));
  const missing = ['pdo_sqlite', 'mbstring', 'dom', 'intl'].filter((ext) => !loaded.has(ext));
  if (missing.length) return { ok: false, message: `PHP lacks ${missing.join(', ')}. Install it with:\n  ${PHP_INSTALL}` };
  return { ok: true, version };
}

/** Throws a clear error when a command the setup needs is missing. */
function requireCommand(command, hint) {
  if (spawnSync(command, ['--version'], { stdio: 'ignore' }).error) {
    throw Object.assign(new Error(`${command} is missing: ${hint}`), { code: 'SHAREWORTHY_MISSING_TOOL' });
  }
}

/** Downloads (once) and unpacks WordPress 6.8 from Debian trixie into `.wp/site`. */
export function ensureCore() {
  if (existsSync(join(siteDir, 'wp-includes', 'version.php'))) return;
  requireCommand('apt-get', 'the local site unpacks Debian packages (Debian or Ubuntu needed)');
  requireCommand('dpkg-deb', 'the local site unpacks Debian packages (Debian or Ubuntu needed)');
  const apt = join(wpDir, 'apt');
  const root = join(wpDir, 'root');
  for (const dir of ['sources.list.d', 'lists/partial', 'cache/archives/partial']) mkdirSync(join(apt, dir), { recursive: true });
  const sources = readFileSync('/etc/apt/sources.list.d/debian.sources', 'utf8').replaceAll('bookworm', 'trixie');
  writeFileSync(join(apt, 'sources.list.d', 'trixie.sources'), sources);
  const options = [
    '-o', 'Dir::Etc::sourcelist=/dev/null',
    '-o', `Dir::Etc::sourceparts=${join(apt, 'sources.list.d')}`,
    '-o', `Dir::State::Lists=${join(apt, 'lists')}`,
    '-o', `Dir::Cache=${join(apt, 'cache')}`,
    '-o', 'APT::Sandbox::User=root',
  ];
  const have = () => readdirSync(apt).filter((f) => f.endsWith('.deb'));
  if (have().length < WP_DEBS.length) {
    log('downloading WordPress 6.8 from Debian trixie (once)…');
    execFileSync('apt-get', [...options, '-qq', 'update'], { stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('apt-get', [...options, '-qq', 'download', ...WP_DEBS], { cwd: apt, stdio: ['ignore', 'ignore', 'pipe'] });
  }
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const deb of have()) execFileSync('dpkg-deb', ['-x', join(apt, deb), root]);
  // Debian links .htaccess into /etc/wordpress; the link would dangle once copied.
  rmSync(join(root, 'usr/share/wordpress/.htaccess'), { force: true });
  mkdirSync(siteDir, { recursive: true });
  // -L: Debian links the bundled JS libraries and getID3 to their own packages' files.
  execFileSync('cp', ['-rL', join(root, 'usr/share/wordpress') + '/.', siteDir]);
  rmSync(root, { recursive: true, force: true });
}

/** Unpacks the SQLite Database Integration plugin and its `db.php` drop-in (once). */
export function ensureSqlitePlugin() {
  const target = join(siteDir, 'wp-content', 'plugins', 'sqlite-database-integration');
  const dropIn = join(siteDir, 'wp-content', 'db.php');
  if (existsSync(join(target, 'load.php')) && existsSync(dropIn) && readFileSync(dropIn, 'utf8').includes(MARIADB_SWITCH)) return;
  requireCommand('unzip', 'sudo apt-get install -y unzip');
  const cache = join(wpDir, 'cache');
  mkdirSync(cache, { recursive: true });
  const tarball = join(cache, 'wp-playground-cli-3.1.56.tgz');
  if (!existsSync(tarball)) {
    log(`fetching the SQLite integration plugin from ${PLAYGROUND_CLI} (once)…`);
    execFileSync('npm', ['pack', '-q', PLAYGROUND_CLI], { cwd: cache, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  execFileSync('tar', ['xzf', tarball, '-C', cache, 'package/sqlite-database-integration.zip']);
  const plugins = join(siteDir, 'wp-content', 'plugins');
  rmSync(target, { recursive: true, force: true });
  rmSync(join(plugins, 'plugin-sqlite-database-integration'), { recursive: true, force: true });
  execFileSync('unzip', ['-q', join(cache, 'package', 'sqlite-database-integration.zip'), '-d', plugins]);
  execFileSync('mv', [join(plugins, 'plugin-sqlite-database-integration'), target]);
  // The drop-in as shipped, plus one line: with SHAREWORTHY_DB=mariadb it steps aside and
  // WordPress uses its own MySQL driver (the second PHPUnit run).
  writeFileSync(dropIn, readFileSync(join(target, 'db.copy'), 'utf8').replace('<?php', `<?php\n${MARIADB_SWITCH}`));
}

/** Writes `wp-config.php`, the offline mu-plugin and links the plugin; cheap, done every run. */
function ensureConfig() {
  const config = readFileSync(join(here, 'wp-config.php'), 'utf8');
  writeFileSync(join(siteDir, 'wp-config.php'), config);
  const mu = join(siteDir, 'wp-content', 'mu-plugins');
  mkdirSync(mu, { recursive: true });
  cpSync(join(here, 'offline.php'), join(mu, 'shareworthy-offline.php'));
  const link = join(siteDir, 'wp-content', 'plugins', 'shareworthy');
  const wanted = relative(dirname(link), pluginDir);
  let current = null;
  try {
    current = lstatSync(link).isSymbolicLink() ? readlinkSync(link) : 'not-a-link';
  } catch {
    current = null;
  }
  if (current !== wanted) {
    rmSync(link, { recursive: true, force: true });
    symlinkSync(wanted, link);
  }
}

/**
 * Regenerates the core data (includes/generated/core-data.php) from core's build, so the
 * PHP side never runs on rules older than core's; builds core with tsc first when its dist
 * is missing, and the plugin's scripts when their build is missing.
 */
export function ensureCoreData() {
  const coreDist = join(repoRoot, 'core', 'dist', 'index.js');
  if (!existsSync(coreDist)) {
    log('building @shareworthy/core (its dist is missing)…');
    execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: join(repoRoot, 'core'), stdio: 'inherit' });
  }
  execFileSync(process.execPath, [join(here, 'generate-core-data.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  // `npm install && npm start` on a fresh clone has no block build yet: without it the site
  // would run with no share/feed blocks, sidebar or admin pages.
  if (!existsSync(join(pluginDir, 'build', 'blocks'))) {
    log('building the plugin scripts (wordpress-plugin/build is missing)…');
    execFileSync('npm', ['run', 'build'], { cwd: pluginDir, stdio: 'inherit' });
  }
}

/**
 * Brings the site to "installed, plugin active, demo content present". Idempotent.
 * @param {{ quiet?: boolean, env?: Record<string, string> }} [options] env: e.g. SHAREWORTHY_DB=mariadb
 * @returns {{ siteDir: string, databaseFile: string }}
 */
export function ensureSite({ quiet = false, env = {} } = {}) {
  const php = checkPhp();
  if (!php.ok) throw Object.assign(new Error(php.message), { code: 'SHAREWORTHY_NO_PHP' });
  ensureCoreData();
  ensureCore();
  ensureSqlitePlugin();
  ensureConfig();
  // install.php installs once, then (every run) activates the plugin and seeds demo content
  // only where it is missing; it prints one status line.
  const options = { encoding: 'utf8', env: { ...process.env, ...env } };
  const installed = execFileSync('php', [join(here, 'install.php'), siteDir], options);
  const seeded = execFileSync('php', [join(here, 'demo-content.php'), siteDir], options);
  if (!quiet) log(`${installed.trim()}; ${seeded.trim()}`);
  return { siteDir, databaseFile };
}

/**
 * Starts `php -S` with workers in its own process group.
 * @param {{ port?: number, env?: Record<string, string>, workers?: number }} [options]
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void> }>}
 */
export async function startServer({ port = DEFAULT_PORT, env = {}, workers = 4 } = {}) {
  const url = `http://127.0.0.1:${port}`;
  if (await reachable(`${url}/wp-json/`)) throw new Error(`port ${port} is already in use (set SHAREWORTHY_PORT or --port)`);
  const child = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', siteDir, join(here, 'router.php')], {
    cwd: siteDir,
    detached: true, // own process group: stop() ends the workers too
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: String(workers), SHAREWORTHY_PORT: String(port), ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let exited = false;
  const exitPromise = new Promise((resolve) => child.once('exit', () => { exited = true; resolve(); }));
  const deadline = Date.now() + 15000;
  while (!(await reachable(`${url}/wp-json/`))) {
    if (exited) throw new Error(`php -S exited: ${stderr.trim()}`);
    if (Date.now() > deadline) {
      process.kill(-child.pid, 'SIGTERM');
      throw new Error(`php -S did not answer on ${url} within 15 s: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    port,
    pid: child.pid,
    async stop() {
      if (exited) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      await Promise.race([exitPromise, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (!exited) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
  };
}

async function reachable(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/**
 * Logs in through wp-login.php like a browser and returns a cookie header and a REST nonce.
 * @param {string} url site URL
 * @param {string} login user name
 * @returns {Promise<{ cookie: string, nonce: string }>}
 */
export async function login(url, login) {
  const jar = new Map([['wordpress_test_cookie', 'WP%20Cookie%20check']]);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const body = new URLSearchParams({ log: login, pwd: PASSWORD, testcookie: '1' });
  const response = await fetch(`${url}/wp-login.php`, { method: 'POST', body, redirect: 'manual', headers: { cookie: cookie() } });
  keep(response);
  if (response.status !== 302) throw new Error(`login as ${login} failed: HTTP ${response.status}`);
  const nonce = await (await fetch(`${url}/wp-admin/admin-ajax.php?action=rest-nonce`, { headers: { cookie: cookie() } })).text();
  return { cookie: cookie(), nonce };
}
