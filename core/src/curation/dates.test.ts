import { parseIsoDate } from './dates.js';

describe('parseIsoDate', () => {
  it('reads a date-time with an offset as the instant it names', () => {
    expect(parseIsoDate('2026-03-01T09:30:00+01:00')).toBe(Date.UTC(2026, 2, 1, 8, 30));
    expect(parseIsoDate('2026-03-01T09:30:00-05:30')).toBe(Date.UTC(2026, 2, 1, 15, 0));
    expect(parseIsoDate('2026-03-01T09:30Z')).toBe(Date.UTC(2026, 2, 1, 9, 30));
  });

  it('reads a bare date as midnight UTC', () => {
    expect(parseIsoDate('2026-03-01')).toBe(Date.UTC(2026, 2, 1));
  });

  it('accepts a space separator, lowercase t/z and truncates sub-millisecond fractions', () => {
    expect(parseIsoDate('2026-03-01 09:30:00Z')).toBe(Date.UTC(2026, 2, 1, 9, 30));
    expect(parseIsoDate('2026-03-01t09:30:00.123987z')).toBe(Date.UTC(2026, 2, 1, 9, 30, 0, 123));
    expect(parseIsoDate('2026-03-01T09:30:00.5Z')).toBe(Date.UTC(2026, 2, 1, 9, 30, 0, 500));
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseIsoDate('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
    expect(parseIsoDate('2000-02-29')).toBe(Date.UTC(2000, 1, 29));
    expect(parseIsoDate('2026-02-29')).toBeNaN();
    expect(parseIsoDate('2100-02-29')).toBeNaN();
  });

  it('keeps years below 100 literal', () => {
    expect(new Date(parseIsoDate('0099-01-01')).getUTCFullYear()).toBe(99);
  });

  it('agrees with Date.parse on 10,000 toISOString values from year 0 to 9999', () => {
    let seed = 42;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    const min = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
    const max = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    for (let k = 0; k < 10_000; k++) {
      const text = new Date(Math.floor(min + random() * (max - min))).toISOString();
      expect([text, parseIsoDate(text)]).toEqual([text, Date.parse(text)]);
    }
  });

  it.each([
    ['2026-02-30', 'a day that does not exist'],
    ['2026-03-01T09:30:00.Z', 'a dot without fraction digits'],
    ['2026-03-01T09:30:00.1234567890Z', 'more than nine fraction digits'],
    ['2026-03-01T09:30:00+0100', 'an offset without colon'],
    ['2026-03-01T09:30:00Z ', 'a trailing space'],
    ['2026-3-01', 'a one-digit month'],
    ['２０２６-03-01', 'fullwidth digits'],
    ['2026-13-01', 'month 13'],
    ['2026-01-01T24:00:00Z', 'hour 24'],
    ['2026-12-31T23:59:60Z', 'a leap second'],
    ['2026-01-01T10:00:00', 'a time without offset'],
    ['2026-01-01T10:00:00+24:00', 'an offset of 24 hours'],
    ['March 1, 2026', 'a locale format'],
    ['+002026-01-01T00:00:00Z', 'an expanded year'],
    ['2026-03-01\u200b', 'a trailing zero-width space'],
    ['', 'an empty string'],
  ])('refuses %j (%s)', (input) => {
    expect(parseIsoDate(input)).toBeNaN();
  });
});
