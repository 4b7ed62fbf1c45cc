#!/usr/bin/env node
/**
 * The WordPress plugin's report (`GET /shareworthy/v1/reports?groupBy=item`, aggregated in
 * SQL) on 100,000 clicks against the cheapest request the same WordPress answers, a bare
 * `GET /wp-json/`, on the same `php -S` server: sequential, interleaved one for one, median
 * latency. Goal: the report, computed (a cache miss), costs at most 3 bare REST requests
 * (ratio ≤ 3): over the year by item, over 30 days by item, and over the year by day. The
 * answer from the report cache is printed too, without a goal.
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
  // Computed sides ask each round for a period no round asked before (an edge moves by a day),
  // so the report cache never answers and the report is aggregated again: the year by item (the
  // goal), 30 days by item (the admin page's default period), the year by day (its chart).
  // Cached: the same period every round, as the admin page re-asks while the tables are
  // unchanged; printed for information, without a goal.
  const day = (base, shift) => new Date(Date.parse(`${base}T00:00:00Z`) + shift * 86400000).toISOString().slice(0, 10);
  const reportUrl = (from, to, groupBy) => `${server.url}/wp-json/shareworthy/v1/reports?${new URLSearchParams({ from, to, groupBy })}`;
  const restUrl = `${server.url}/wp-json/`;
  const sides = {
    year: (i) => reportUrl(day(seeded.first, i + 1), seeded.last, 'item'),
    month: (i) => reportUrl(day(seeded.last, -30 - i), day(seeded.last, -1 - i), 'item'),
    days: (i) => reportUrl(day(seeded.first, i + 1), seeded.last, 'day'),
    cached: () => reportUrl(day(seeded.first, 0), seeded.last, 'item'),
    peer: () => restUrl,
  };
  const bodies = {};
  const time = async (side, i) => {
    const url = sides[side](i);
    const start = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status} ${JSON.stringify(body)}`);
    bodies[side] = body;
    return performance.now() - start;
  };
  for (let i = 0; i < 3; i += 1) {
    await time('cached', 0);
    await time('peer', 0);
  }
  const names = Object.keys(sides);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < ROUNDS; i += 1) {
    // Rotate the order so drift in machine load hits every side alike.
    for (let k = 0; k < names.length; k += 1) {
      const side = names[(i + k) % names.length];
      times[side].push(await time(side, i));
    }
  }
  const ms = (side) => `${median(times[side]).toFixed(1)} ms`;
  const ratio = (side) => median(times[side]) / median(times.peer);
  const counted = (side) => `${bodies[side].totals.clicks} clicks on ${bodies[side].totals.shares} shares in ${bodies[side].rows.length} rows`;
  const detail = `/wp-json/ median ${ms('peer')}; ${ROUNDS} rounds; SQLite; seeding ${seeded.clicks} clicks took ${seedSeconds.toFixed(1)} s`;
  report('wp GET /shareworthy/v1/reports?groupBy=item, 100k clicks, computed (cache miss) vs bare GET /wp-json/ (median latency, same php -S)', ratio('year'), {
    goal: 3,
    lowerIsBetter: true,
    detail: `report median ${ms('year')}, ${counted('year')}; ${detail}`,
  });
  report('wp GET /shareworthy/v1/reports?groupBy=item, last 30 days, computed vs bare GET /wp-json/', ratio('month'), {
    goal: 3,
    lowerIsBetter: true,
    detail: `report median ${ms('month')}, ${counted('month')}`,
  });
  report('wp GET /shareworthy/v1/reports?groupBy=day, 100k clicks, computed vs bare GET /wp-json/', ratio('days'), {
    goal: 3,
    lowerIsBetter: true,
    detail: `report median ${ms('days')}, ${counted('days')}`,
  });
  // For information only: a cache hit skips the aggregation the goal is about.
  report('wp GET /shareworthy/v1/reports?groupBy=item, 100k clicks, tables unchanged (cached, no goal) vs bare GET /wp-json/', ratio('cached'), {
    lowerIsBetter: true,
    detail: `report median ${ms('cached')}`,
  });
} finally {
  await server.stop();
  rmSync(dbDir, { recursive: true, force: true });
}
