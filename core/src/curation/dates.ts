/**
 * Strict ISO 8601 instants. Items and events cross hosts (PHP, SharePoint, the tracker) as
 * strings, and `Date.parse` is too lenient to be the contract: it rolls `2026-02-30` over to
 * March 2, reads offset-less times in the server's zone, and accepts engine-specific formats.
 */

/** RFC 3339 profile of ISO 8601: a date, or a date-time (seconds optional, `T` or space) with a required offset. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2})))?$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number => (month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));

/**
 * Parses an ISO 8601 date (`2026-03-01`, midnight UTC) or date-time with an offset
 * (`2026-03-01T09:30:00+01:00`, `…Z`; fractions beyond milliseconds are truncated).
 * @param value candidate string
 * @returns epoch milliseconds, or `NaN` when the string is not such a date or names a day or
 * time that does not exist (`2026-02-29`, `24:00`, leap second `:60`, offset `+24:00`)
 * @example parseIsoDate('2026-03-01T09:30:00+01:00') // 1772353800000 (08:30 UTC)
 * @example parseIsoDate('2026-02-30') // NaN
 */
export function parseIsoDate(value: string): number {
  const m = ISO_DATE.exec(value);
  if (m === null) return Number.NaN;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [m[1], m[2], m[3], m[4], m[5], m[6], m[9], m[10]].map(
    (part) => Number(part ?? 0),
  ) as [number, number, number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return Number.NaN;
  const millis = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  // Date.UTC maps years 0–99 to 1900–1999; setting the year afterwards keeps it literal.
  date.setUTCFullYear(year);
  const offset = (m[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return date.getTime() - offset;
}
