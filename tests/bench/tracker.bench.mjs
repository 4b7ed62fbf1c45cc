/**
 * Redirect throughput of @shareworthy/tracker against a bare `node:http` server answering a
 * fixed 302, measured in the same run with autocannon on loopback.
 *
 * Ours does the whole job on every request: code check, per-visitor rate limit, link lookup
 * (cached), core's classifyVisit, core's visitorKey (SHA-256 of the daily salt, address, user
 * agent and day), and a durable write of the click (group commit; SQLite with
 * synchronous=FULL, or PostgreSQL with fsync on) before the 302 is sent. A plain `/<code>` is
 * answered from the HTTP server's request event, ahead of Fastify's router (the tracker's
 * redirect path, not a benchmark special: every redirect in production takes it). Requests use a browser user agent and spread over 1,000
 * codes and a new visitor address per request, so every one is a counted, stored click.
 *
 * Each server runs in its own process; the load generator is this process. All three share
 * the machine's cores, so absolute figures are lower than on a dedicated load host; the ratio
 * is what counts. Needs `npm run build` (the tracker runs from packages/tracker/dist).
 */
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { report } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'packages', 'tracker', 'bin', 'shareworthy-tracker.mjs');
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const WARM_UP_SECONDS = 5;
const CONNECTIONS = 64;
const CODES = 1000;
/** Peer and tracker alternate this many times (an odd count, so the median is one round). */
const ROUNDS = 3;
const KEY = 'bench-issuer-key';
const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

if (!existsSync(join(root, 'packages', 'tracker', 'dist', 'cli.js'))) {
  console.error('tracker.bench: run `npm run build` first (packages/tracker/dist is missing)');
  process.exit(1);
}

/** Starts a child process and resolves with its base URL once it prints its address. */
function startProcess(args, env, pattern) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (chunk) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve({ child, base: match[1] });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => reject(new Error(`process exited (${code}) before listening:\n${out}`)));
  });
}

const stop = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

const PEER = `
  const http = require('node:http');
  const server = http.createServer((req, res) => {
    res.writeHead(302, { location: 'https://intranet.example.com/news/1?utm_source=linkedin', 'cache-control': 'private, no-store' });
    res.end();
  });
  server.listen(0, '127.0.0.1', () => console.log('listening http://127.0.0.1:' + server.address().port));
`;

async function startTracker(env) {
  const started = await startProcess([bin], {
    TRACKER_PORT: '0',
    TRACKER_API_KEYS: `${KEY}:issue`,
    TRACKER_ALLOWED_TARGET_HOSTS: 'intranet.example.com',
    TRACKER_TRUST_PROXY: 'true',
    TRACKER_REDIRECT_RATE_PER_MINUTE: '10000000',
    TRACKER_API_RATE_PER_MINUTE: '10000000',
    TRACKER_LOG_LEVEL: 'info',
    ...env,
  }, /"address":"(http:\/\/[^"]+)"/);
  const codes = [];
  for (let i = 0; i < CODES; i += 1) {
    const res = await fetch(`${started.base}/api/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ targetUrl: `https://intranet.example.com/news/${i}`, itemId: `item-${i % 50}`, campaign: 'Bench', network: 'linkedin', shareId: `share-${i}` }),
    });
    if (res.status !== 201) throw new Error(`link creation answered ${res.status}: ${await res.text()}`);
    codes.push((await res.json()).code);
  }
  return { ...started, codes };
}

/** One autocannon run: every request a new visitor (X-Forwarded-For) on one of the codes. */
function load(base, codes, seconds) {
  let n = 0;
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          n += 1;
          request.path = `/${codes[n % codes.length]}`;
          request.headers = {
            'user-agent': UA,
            accept: 'text/html',
            'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          };
          return request;
        },
      },
    ],
  });
}

/** CPU time (user + system) a process has used so far, in microseconds (Linux /proc). */
function cpuMicros(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  return (ticks * 1e6) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

async function measure(name, target) {
  // Warm-up, the same for every server: JIT, caches, the daily salt, and the tracker's heap
  // growing to its working size (a rate-limit bucket per new address, the dedupe memory). With
  // 1 s, the tracker's first round still paid for that growth: 0.49–0.61× against 0.67–0.77× in
  // its later rounds (five runs); with 5 s its first round is like the others.
  await load(target.base, target.codes, WARM_UP_SECONDS);
  const cpuBefore = cpuMicros(target.child.pid);
  const result = await load(target.base, target.codes, DURATION);
  const answered = result['3xx'];
  const errors = result.errors + result.timeouts + result.non2xx - answered;
  // Server CPU per answered request: less sensitive than req/s to what else runs on the machine.
  const cpuPerRequest = (cpuMicros(target.child.pid) - cpuBefore) / answered;
  return { name, rps: answered / result.duration, p99: result.latency.p99, answered, errors, cpuPerRequest };
}

/** Starts a throwaway PostgreSQL cluster with the tests' helper (compiled on the fly with swc). */
async function startPostgres() {
  const { transformFileSync } = await import('@swc/core');
  const source = join(root, 'packages', 'tracker', 'test', 'pg-cluster.ts');
  const out = join(root, 'node_modules', '.cache', 'shareworthy-bench', 'pg-cluster.mjs');
  mkdirSync(dirname(out), { recursive: true });
  const { code } = transformFileSync(source, { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'es6' } });
  writeFileSync(out, code);
  const { startPgCluster } = await import(pathToFileURL(out).href);
  // fsync stays on: the benchmark measures real commits.
  return startPgCluster({ fsync: true });
}

const dir = mkdtempSync(join(tmpdir(), 'tracker-bench-'));
const children = [];
let cluster;
try {
  const peer = await startProcess(['-e', PEER], {}, /listening (http:\/\/\S+)/);
  children.push(peer.child);
  const sqlite = await startTracker({ TRACKER_SQLITE_PATH: join(dir, 'bench.sqlite') });
  children.push(sqlite.child);
  // For scale only: the same tracker without the per-batch fdatasync (a click survives kill -9
  // of the tracker, not a power loss), which shows how much of the gap is the disk's flush time.
  const unsynced = await startTracker({ TRACKER_SQLITE_PATH: join(dir, 'normal.sqlite'), TRACKER_SQLITE_SYNCHRONOUS: 'NORMAL' });
  children.push(unsynced.child);

  // Alternate peer and ours so that a noisy neighbour hits both.
  const peerRuns = [];
  const ourRuns = [];
  const unsyncedRuns = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    peerRuns.push(await measure('peer', { ...peer, codes: sqlite.codes }));
    ourRuns.push(await measure('sqlite', sqlite));
    unsyncedRuns.push(await measure('sqlite-normal', unsynced));
  }
  await stop(unsynced.child);
  const best = (runs) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));
  // The ratio is the median of the rounds' ratios, each against the peer measured just before
  // it: the best of each side could pair a tracker round on a quiet machine with a peer round
  // on a busy one (it once gave 1.34x). Every round is printed, so the spread is visible.
  const fmt = (n) => Math.round(n).toLocaleString('en');
  const roundRatios = ourRuns.map((run, i) => run.rps / peerRuns[i].rps);
  const rounds = roundRatios.map((r, i) => `${r.toFixed(2)} (${fmt(ourRuns[i].rps)}/${fmt(peerRuns[i].rps)})`).join(', ');
  const median = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];
  const peerBest = best(peerRuns);
  const sqliteBest = best(ourRuns);
  const unsyncedBest = best(unsyncedRuns);

  // Every answered counted redirect must be a stored click.
  const stored = await fetch(`${sqlite.base}/metrics`).then((r) => r.text());
  const counted = [...stored.matchAll(/tracker_redirects_total\{counted="true"[^}]*\} (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  const batches = /tracker_group_commit_batch_size_sum (\d+)\n.*_count (\d+)/.exec(stored);
  await stop(sqlite.child);

  cluster = await startPostgres();
  const url = await cluster.createDatabase('bench');
  const pg = await startTracker({ DATABASE_URL: url });
  children.push(pg.child);
  const pgRun = await measure('postgres', pg);
  const pgMetrics = await fetch(`${pg.base}/metrics`).then((r) => r.text());
  const pgBatches = /tracker_group_commit_batch_size_sum (\d+)\n.*_count (\d+)/.exec(pgMetrics);
  await stop(pg.child);

  const cores = availableParallelism();
  console.log(
    `load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per run, ${CODES} codes, a new visitor per request; ` +
      `servers and load generator share this machine's ${cores} cores (load generator in this process)`,
  );
  report('tracker redirect (SQLite, synchronous=FULL, every click stored) vs bare node:http 302 (median of rounds)', median(roundRatios), {
    goal: 0.7,
    detail: `ours ${fmt(sqliteBest.rps)} req/s p99 ${sqliteBest.p99} ms, peer ${fmt(peerBest.rps)} req/s p99 ${peerBest.p99} ms; ` +
      `server CPU per redirect ours ${sqliteBest.cpuPerRequest.toFixed(0)} µs, peer ${peerBest.cpuPerRequest.toFixed(0)} µs; ` +
      `${fmt(counted)} counted clicks, mean batch ${batches ? (Number(batches[1]) / Number(batches[2])).toFixed(1) : '?'}; errors ${sqliteBest.errors}; ` +
      `ratio per round (ours/peer req/s) ${rounds}; CPU per redirect, peer / ours ${(peerBest.cpuPerRequest / sqliteBest.cpuPerRequest).toFixed(2)}`,
  });
  report('for scale: tracker redirect (SQLite, synchronous=NORMAL: survives kill -9, not power loss) vs bare node:http 302', unsyncedBest.rps / peerBest.rps, {
    detail: `ours ${fmt(unsyncedBest.rps)} req/s p99 ${unsyncedBest.p99} ms; server CPU per redirect ${unsyncedBest.cpuPerRequest.toFixed(0)} µs; errors ${unsyncedBest.errors}`,
  });
  report('tracker redirect (PostgreSQL 15, fsync on, every click stored) vs bare node:http 302', pgRun.rps / peerBest.rps, {
    detail: `ours ${fmt(pgRun.rps)} req/s p99 ${pgRun.p99} ms, peer ${fmt(peerBest.rps)} req/s p99 ${peerBest.p99} ms; ` +
      `tracker CPU per redirect ${pgRun.cpuPerRequest.toFixed(0)} µs (PostgreSQL's own not included); ` +
      `mean batch ${pgBatches ? (Number(pgBatches[1]) / Number(pgBatches[2])).toFixed(1) : '?'}; errors ${pgRun.errors}`,
  });
} finally {
  for (const child of children) await stop(child);
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}
