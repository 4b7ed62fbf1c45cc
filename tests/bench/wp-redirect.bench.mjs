#!/usr/bin/env node
/**
 * The WordPress plugin's tracked-link redirect (`/go/{code}`) against the cheapest request
 * the same WordPress answers, a bare `GET /wp-json/`, on the same `php -S` server: both
 * sequential, interleaved one for one, median and p95 latency. Goal: the redirect costs no
 * more than the bare REST request (ratio ≤ 1).
 *
 * The site is the local one from `npm start` (.wp/site, built if missing), served on a
 * throw-away copy of its database so the clicks recorded here do not land in the demo.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkPhp, databaseFile, ensureSite, login, startServer } from '../../wordpress-plugin/bin/wp-env.mjs';
import { report } from './harness.mjs';

if (!checkPhp().ok) {
  console.log('wp-redirect: skipped, PHP is not installed');
  process.exit(0);
}
ensureSite({ quiet: true });
const dbDir = mkdtempSync(join(tmpdir(), 'shareworthy-bench-'));
copyFileSync(databaseFile, join(dbDir, '.ht.sqlite'));
const server = await startServer({ port: Number(process.env.SHAREWORTHY_BENCH_PORT ?? 8897), env: { SHAREWORTHY_DB_DIR: `${dbDir}/` } });

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const ROUNDS = Number(process.env.SHAREWORTHY_BENCH_ROUNDS ?? 200);

async function time(url) {
  const start = performance.now();
  const response = await fetch(url, { redirect: 'manual', headers: { 'user-agent': BROWSER } });
  await response.arrayBuffer();
  return { ms: performance.now() - start, status: response.status };
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

try {
  // A real share, made the way the share button makes it.
  const { cookie, nonce } = await login(server.url, 'employee');
  const items = await (await fetch(`${server.url}/wp-json/shareworthy/v1/items`, { headers: { cookie, 'x-wp-nonce': nonce } })).json();
  const created = await fetch(`${server.url}/wp-json/shareworthy/v1/shares`, {
    method: 'POST',
    headers: { cookie, 'x-wp-nonce': nonce, 'content-type': 'application/json' },
    body: JSON.stringify({ itemId: items[0].id, network: 'linkedin' }),
  });
  const share = await created.json();
  if (created.status !== 201) throw new Error(`share creation failed: ${created.status} ${JSON.stringify(share)}`);

  const redirectUrl = `${server.url}/go/${share.code}`;
  const restUrl = `${server.url}/wp-json/`;
  for (let i = 0; i < 20; i += 1) {
    await time(redirectUrl);
    await time(restUrl);
  }
  const redirect = [];
  const rest = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    // Alternate which goes first so drift in machine load hits both sides alike.
    const pair = i % 2 === 0 ? [await time(redirectUrl), await time(restUrl)] : [await time(restUrl), await time(redirectUrl)].reverse();
    if (pair[0].status !== 302 || pair[1].status !== 200) throw new Error(`unexpected statuses ${pair[0].status}/${pair[1].status}`);
    redirect.push(pair[0].ms);
    rest.push(pair[1].ms);
  }
  const ms = (value) => `${value.toFixed(1)} ms`;
  const ratio = quantile(redirect, 0.5) / quantile(rest, 0.5);
  report('wp /go/{code} redirect vs bare GET /wp-json/ (median latency, same php -S)', ratio, {
    goal: 1,
    lowerIsBetter: true,
    detail: `redirect median ${ms(quantile(redirect, 0.5))} p95 ${ms(quantile(redirect, 0.95))}; /wp-json/ median ${ms(quantile(rest, 0.5))} p95 ${ms(quantile(rest, 0.95))}; ${ROUNDS} pairs, p95 ratio ${(quantile(redirect, 0.95) / quantile(rest, 0.95)).toFixed(2)}x`,
  });
} finally {
  await server.stop();
  rmSync(dbDir, { recursive: true, force: true });
}
