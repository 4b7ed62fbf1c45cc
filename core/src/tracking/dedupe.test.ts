import { DEDUPE_WINDOW_MS, isRepeatClick } from './dedupe.js';

const T = Date.UTC(2026, 10, 29, 12, 0, 0);

describe('isRepeatClick', () => {
  it('uses a 30-minute window', () => {
    expect(DEDUPE_WINDOW_MS).toBe(1_800_000);
  });

  it('counts a first click', () => {
    expect(isRepeatClick(undefined, T)).toBe(false);
  });

  it('treats a click inside the window as a repeat, and one exactly at its end as new', () => {
    expect(isRepeatClick(T, T)).toBe(true);
    expect(isRepeatClick(T, T + DEDUPE_WINDOW_MS - 1)).toBe(true);
    expect(isRepeatClick(T, T + DEDUPE_WINDOW_MS)).toBe(false);
    expect(isRepeatClick(T, T + 24 * 60 * 60 * 1000)).toBe(false);
  });

  it('treats a previous click stamped in the future (clock skew) as a repeat', () => {
    expect(isRepeatClick(T + 5_000, T)).toBe(true);
  });

  it('treats a non-finite timestamp as no previous click', () => {
    expect(isRepeatClick(Number.NaN, T)).toBe(false);
    expect(isRepeatClick(T, Number.POSITIVE_INFINITY)).toBe(false);
  });
});
