/**
 * Tiny benchmark harness shared by every `tests/bench/*.bench.mjs`.
 *
 * Each comparison measures ours and the peer in the same process, alternating rounds so
 * that CPU frequency changes and GC pauses hit both sides alike, and reports the ratio of
 * medians. Ratios, not absolute numbers, are what the issues set goals on.
 */
import { performance } from 'node:perf_hooks';

/**
 * Operations per second of `fn`, one figure per round.
 * @param {() => unknown} fn work for one operation; its result is kept so it is not optimised away
 * @param {number} ms time budget for the round
 */
function round(fn, ms) {
  let sink;
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 16; i += 1) sink = fn();
    ops += 16;
    now = performance.now();
  }
  globalThis.__benchSink = sink;
  return (ops * 1000) / (now - start);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * Compares two implementations of the same operation.
 * @param {{ ours: () => unknown, peer: () => unknown, rounds?: number, ms?: number }} options
 * @returns {{ ours: number, peer: number, ratio: number }} medians in ops/s and ours/peer
 */
export function compare({ ours, peer, rounds = 7, ms = 150 }) {
  round(ours, ms); // warm-up: let both reach optimised code before we count
  round(peer, ms);
  const a = [];
  const b = [];
  for (let i = 0; i < rounds; i += 1) {
    a.push(round(ours, ms));
    b.push(round(peer, ms));
  }
  const result = { ours: median(a), peer: median(b) };
  return { ...result, ratio: result.ours / result.peer };
}

/**
 * Prints one result line: `name: 2.41x peer (goal ≥ 2x) ok — ours 1,234 ops/s, peer 512 ops/s`.
 * @param {string} name what was measured and against which peer
 * @param {number} ratio ours / peer (higher is better unless `lowerIsBetter`)
 * @param {{ goal?: number, lowerIsBetter?: boolean, detail?: string }} [options]
 * @returns {boolean} whether the goal was met (true when there is no goal)
 */
export function report(name, ratio, { goal, lowerIsBetter = false, detail = '' } = {}) {
  const met = goal === undefined || (lowerIsBetter ? ratio <= goal : ratio >= goal);
  const goalText = goal === undefined ? '' : ` (goal ${lowerIsBetter ? '≤' : '≥'} ${goal}x) ${met ? 'ok' : 'MISSED'}`;
  console.log(`${name}: ${ratio.toFixed(2)}x${goalText}${detail ? ` — ${detail}` : ''}`);
  return met;
}

/** Formats ops/s for the detail text. */
export const opsPerSecond = (value) => `${Math.round(value).toLocaleString('en')} ops/s`;
