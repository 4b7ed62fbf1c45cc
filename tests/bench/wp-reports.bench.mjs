#!/usr/bin/env node
/**
 * The WordPress plugin's report (`GET /shareworthy/v1/reports?groupBy=item`, aggregated in
 * SQL) on 100,000 clicks against the cheapest request the same WordPress answers, a bare
 * `GET /wp-json/`, on the same `php -S` server: sequential, interleaved one for one, median
 * latency. Goal: the report, computed (a cache miss), costs at most 3 bare REST requests
 * (ratio ≤ 3). The answer from the report cache is printed too, without a goal.
 *
 * The site is the local one (.wp/site), on a throw-away copy of its database seeded by
 * wp-reports-seed.php with 5,000 shares and 100,000 clicks over the last 365 days; the report
 * covers the whole year, so every click is aggregated.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { checkPhp, databaseFile, ensureSite, login, siteDir, startServer } from '../../wordpress-plugin/bin/wp-env.mjs';
import { report } from './harness.mjs';

if (!checkPhp().ok) {
  console.log('wp-reports: skipped, PHP is not installed');
  process.exit(0);
}
const CLICKS = Number(process.env.SHAREWORTHY_BENCH_CLICKS ?? 100000);
const ROUNDS = Number(process.env.SHAREWORTHY_BENCH_ROUNDS ?? 30);
ensureSite({ quiet: true });
const dbDir = mkdtempSync(join(tmpdir(), 'shareworthy-bench-reports-'));
copyFileSync(databaseFile, join(dbDir, '.ht.sqlite'));
const seedStart = performance.now();
const seeded = JSON.parse(
  execFileSync('php', [join(dirname(fileURLToPath(import.meta.url)), 'wp-reports-seed.php'), siteDir, String(CLICKS), '365'], {
    encoding: 'utf8',
    env: { ...process.env, SHAREWORTHY_DB_DIR: `${dbDir}/` },
  }),
);
const seedSeconds = (performance.now() - seedStart) / 1000;
const server = await startServer({ port: Number(process.env.SHAREWORTHY_BENCH_PORT ?? 8896), env: { SHAREWORTHY_DB_DIR: `${dbDir}/` } });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  const { cookie, nonce } = await login(server.url, 'editor');
  const headers = { cookie, 'x-wp-nonce': nonce };
  // Cold: each round asks for another period (the start moves by a day), so the cached report
  // of an earlier round never answers and every click is aggregated again. Warm: the same
  // period every round, as the admin page re-asks while the tables are unchanged.
  const reportUrl = (shift) => {
    const from = new Date(Date.parse(`${seeded.first}T00:00:00Z`) + shift * 86400000).toISOString().slice(0, 10);
    return `${server.url}/wp-json/shareworthy/v1/reports?${new URLSearchParams({ from, to: seeded.last, groupBy: 'item' })}`;
  };
  const restUrl = `${server.url}/wp-json/`;
  let last;
  const time = async (url) => {
    const start = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status} ${JSON.stringify(body)}`);
    if (url !== restUrl) last = body;
    return performance.now() - start;
  };
  for (let i = 0; i < 3; i += 1) {
    await time(reportUrl(0));
    await time(restUrl);
  }
  const cold = [];
  const warm = [];
  const peer = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    // Alternate the order so drift in machine load hits every side alike.
    const order = i % 2 === 0 ? ['cold', 'warm', 'peer'] : ['peer', 'warm', 'cold'];
    for (const side of order) {
      if (side === 'cold') cold.push(await time(reportUrl(i + 1)));
      else if (side === 'warm') warm.push(await time(reportUrl(0)));
      else peer.push(await time(restUrl));
    }
  }
  const ms = (values) => `${median(values).toFixed(1)} ms`;
  const detail = `/wp-json/ median ${ms(peer)}; ${ROUNDS} rounds; the report counted ${last.totals.clicks} clicks on ${last.totals.shares} shares in ${last.rows.length} rows (SQLite); seeding ${seeded.clicks} clicks took ${seedSeconds.toFixed(1)} s`;
  report('wp GET /shareworthy/v1/reports?groupBy=item, 100k clicks, computed (cache miss) vs bare GET /wp-json/ (median latency, same php -S)', median(cold) / median(peer), {
    goal: 3,
    lowerIsBetter: true,
    detail: `report median ${ms(cold)}; ${detail}`,
  });
  // For information only: a cache hit skips the aggregation the goal is about.
  report('wp GET /shareworthy/v1/reports?groupBy=item, 100k clicks, tables unchanged (cached, no goal) vs bare GET /wp-json/', median(warm) / median(peer), {
    lowerIsBetter: true,
    detail: `report median ${ms(warm)}`,
  });
} finally {
  await server.stop();
  rmSync(dbDir, { recursive: true, force: true });
}
