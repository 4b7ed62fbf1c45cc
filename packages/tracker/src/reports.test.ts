import { parseReportQuery } from './reports.js';

const NOW = Date.parse('2026-11-29T10:00:00Z');

describe('parseReportQuery', () => {
  it('defaults to the 30 days ending today, grouped by item', () => {
    expect(parseReportQuery({}, NOW)).toEqual({
      success: true,
      output: { from: '2026-10-31', to: '2026-11-29', groupBy: 'item', eligibleEmployees: 0 },
    });
  });

  it.each(['2026-13-45', '2026-02-30', '2026-00-10', '9999-99-99', '2026-1-01', '', 'yesterday'])(
    'answers an issue, not an exception, for the day %p',
    (day) => {
      const result = parseReportQuery({ from: day }, NOW);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.issues).toEqual([{ path: ['from'], message: 'from must be a day as YYYY-MM-DD', code: 'invalid-day' }]);
    },
  );

  it('names both days when both are impossible', () => {
    const result = parseReportQuery({ from: '2026-13-45', to: '2026-02-31' }, NOW);
    expect(result.success ? [] : result.issues.map((issue) => issue.path[0])).toEqual(['to', 'from']);
  });

  it('refuses a period that ends before it starts', () => {
    const result = parseReportQuery({ from: '2026-11-02', to: '2026-11-01' }, NOW);
    expect(result.success ? [] : result.issues.map((issue) => issue.code)).toEqual(['invalid-range']);
  });
});
