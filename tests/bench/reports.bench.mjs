/**
 * Reports: CSV export against Papa Parse's `unparse` (same quoting and formula escaping), the
 * day-bucketed aggregate against the obvious per-event `Intl` formatting, and our strict ISO
 * date scanner against `Date.parse`. Same inputs for both sides, in the same process.
 */
import Papa from 'papaparse';
import { aggregate, parseIsoDate, toCsv } from '../../core/dist/index.js';
import { compare, opsPerSecond, report } from './harness.mjs';

// 2,000 report rows of the shape `aggregate` returns, with the text hosts actually see:
// titles with commas and quotes, some formula-like (=, +, -, @), accents, emoji.
const titles = ['Nous recrutons, à Lyon', 'Q3 results: "record" quarter', '=HYPERLINK("http://evil.test")', '-20 % sur tout', 'Été 2026 🚀', '@team news', 'Plain title'];
const rows = Array.from({ length: 2_000 }, (_, i) => {
  const shares = 1 + (i % 37);
  const clicks = (i * 7) % 113;
  return { key: `item-${i}`, label: `${titles[i % titles.length]} #${i}`, shares, clicks, uniqueClicks: clicks - (i % 5 > clicks ? 0 : i % 5), ctr: clicks / shares };
});
const papa = () => `${Papa.unparse(rows, { newline: '\r\n', escapeFormulae: true })}\r\n`;
const ours = () => toCsv(rows);
if (ours() !== papa()) throw new Error('toCsv and Papa.unparse disagree on the benchmark rows');
const csv = compare({ ours, peer: papa });
report('toCsv vs Papa.unparse (escapeFormulae), 2,000 rows', csv.ratio, { goal: 1, detail: `ours ${opsPerSecond(csv.ours)}, peer ${opsPerSecond(csv.peer)}` });

// 100,000 clicks on 1,000 shares over five weeks, ISO dates as the tracker's API returns them.
const start = Date.UTC(2026, 2, 1);
const shares = Array.from({ length: 1_000 }, (_, i) => ({ id: `s${i}`, itemId: `i${i % 40}`, network: i % 3 === 0 ? 'x' : 'linkedin', employeeId: `u${i % 90}`, createdAt: new Date(start + i * 1_800_000).toISOString() }));
const clicks = Array.from({ length: 100_000 }, (_, i) => ({ shareId: `s${i % 1_000}`, visitorKey: `v${(i * 7_919) % 20_011}`, createdAt: new Date(start + i * 30_000).toISOString(), counted: i % 50 !== 0 }));
const events = { shares, clicks, eligibleEmployees: 300 };
// The peer does strictly less than `aggregate`: it only parses each click's date and counts it
// on its Paris day, with one `Intl.DateTimeFormat#format` per click.
const paris = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const perEventIntl = () => {
  const days = new Map();
  for (const click of clicks) {
    const day = paris.format(Date.parse(click.createdAt));
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return days;
};
const byDay = () => aggregate(events, 'day', { timeZone: 'Europe/Paris' });
const day = compare({ ours: byDay, peer: perEventIntl, rounds: 5, ms: 400 });
report('aggregate by day (Europe/Paris), 100,000 clicks, vs per-click Intl format alone', day.ratio, {
  goal: 1,
  detail: `ours ${(1000 / day.ours).toFixed(1)} ms per report, peer ${(1000 / day.peer).toFixed(1)} ms`,
});
const byItem = compare({ ours: () => aggregate(events, 'item'), peer: perEventIntl, rounds: 5, ms: 400 });
report('aggregate by item, 100,000 clicks, vs per-click Intl format alone', byItem.ratio, { detail: `ours ${(1000 / byItem.ours).toFixed(1)} ms per report` });

const dates = clicks.slice(0, 10_000).map((click) => click.createdAt);
const parse = compare({
  ours: () => dates.reduce((sum, text) => sum + parseIsoDate(text), 0),
  peer: () => dates.reduce((sum, text) => sum + Date.parse(text), 0),
});
report('parseIsoDate vs Date.parse, 10,000 ISO timestamps', parse.ratio, { goal: 1, detail: `ours ${Math.round(parse.ours * 10_000).toLocaleString('en')} dates/s, peer ${Math.round(parse.peer * 10_000).toLocaleString('en')}` });
