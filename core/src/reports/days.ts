/**
 * Calendar days in a time zone, for day buckets. Formatting every event with `Intl` costs
 * microseconds; all current UTC offsets are multiples of 15 minutes, so the day of a
 * 15-minute slot is computed once and reused, which keeps 100,000 events linear and cheap.
 */
import { parseIsoDate } from '../curation/index.js';

const DAY = 86_400_000;
const SLOT = 15 * 60_000;

/** Maps an epoch-millisecond instant to its `YYYY-MM-DD` day in one time zone. */
export type DayOf = (time: number) => string;

const utcDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/**
 * Builds the day function of a time zone.
 * @param timeZone IANA name (`Europe/Paris`) or `UTC`
 * @returns a function from epoch milliseconds to `YYYY-MM-DD`
 * @throws RangeError for an unknown time zone (the host passed an unchecked setting)
 */
export function dayOf(timeZone: string): DayOf {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, calendar: 'gregory', numberingSystem: 'latn', year: 'numeric', month: '2-digit', day: '2-digit' });
  if (format.resolvedOptions().timeZone === 'UTC') {
    const days = new Map<number, string>();
    return (time) => {
      const index = Math.floor(time / DAY);
      let cached = days.get(index);
      if (cached === undefined) days.set(index, (cached = utcDay(time)));
      return cached;
    };
  }
  const compute = (time: number): string => {
    let year = '';
    let month = '';
    let day = '';
    for (const part of format.formatToParts(time)) {
      if (part.type === 'year') year = part.value.padStart(4, '0');
      else if (part.type === 'month') month = part.value;
      else if (part.type === 'day') day = part.value;
    }
    return `${year}-${month}-${day}`;
  };
  const slots = new Map<number, string | null>();
  return (time) => {
    const slot = Math.floor(time / SLOT);
    let cached = slots.get(slot);
    if (cached === undefined) {
      // A slot whose first and last milliseconds fall on different days (a historical offset
      // such as Liberia's −0:44:30, or a transition at midnight) is computed per event.
      const first = compute(slot * SLOT);
      cached = first === compute(slot * SLOT + SLOT - 1) ? first : null;
      slots.set(slot, cached);
    }
    return cached ?? compute(time);
  };
}

/** `YYYY-MM-DD` → the next calendar day (calendar arithmetic; independent of time zones). */
export const nextDay = (day: string): string => utcDay(parseIsoDate(day) + DAY);

/**
 * Checks a `YYYY-MM-DD` day option.
 * @throws RangeError when it is not a real calendar day
 */
export function checkDay(day: string, name: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(parseIsoDate(day))) {
    throw new RangeError(`${name} must be a calendar day as YYYY-MM-DD, got ${JSON.stringify(day)}`);
  }
  return day;
}
