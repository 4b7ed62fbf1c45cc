import type { ReportTotals } from './aggregate.js';
import { compareReports } from './compare.js';

const totals = (overrides: Partial<ReportTotals>): { totals: ReportTotals } => ({
  totals: { shares: 0, clicks: 0, uniqueClicks: 0, ctr: 0, participationRate: 0, reach: 0, emv: 0, ...overrides },
});

describe('compareReports', () => {
  it('gives the percentage change of every total', () => {
    const current = totals({ shares: 150, clicks: 90, uniqueClicks: 60, ctr: 0.6, participationRate: 0.3, reach: 22_500, emv: 135 });
    const previous = totals({ shares: 120, clicks: 100, uniqueClicks: 60, ctr: 100 / 120, participationRate: 0.25, reach: 18_000, emv: 150 });
    expect(compareReports(current, previous)).toEqual({
      shares: 25,
      clicks: -10,
      uniqueClicks: 0,
      ctr: -28, // 0.6 / 0.8333 − 1
      participationRate: 20,
      reach: 25,
      emv: -10,
    });
  });

  it('gives null where the previous period was 0, and -100 when everything stopped', () => {
    expect(compareReports(totals({ shares: 5 }), totals({ clicks: 4 }))).toEqual({
      shares: null,
      clicks: -100,
      uniqueClicks: null,
      ctr: null,
      participationRate: null,
      reach: null,
      emv: null,
    });
  });

  it('rounds to hundredths of a percent', () => {
    expect(compareReports(totals({ clicks: 2 }), totals({ clicks: 3 })).clicks).toBe(-33.33);
    expect(compareReports(totals({ ctr: 0.3 }), totals({ ctr: 0.1 })).ctr).toBe(200);
  });
});
