/**
 * Reports: aggregation of shares and clicks, period comparison and CSV export.
 * @packageDocumentation
 */
export type { ClickEvent, EventTime, ReportEvents, ShareEvent } from './events.js';
export { DEFAULT_REACH_PER_SHARE, type ReachPerShare } from './reach.js';
export {
  OTHERS_KEY,
  aggregate,
  type AggregateOptions,
  type GroupBy,
  type Report,
  type ReportExcluded,
  type ReportRow,
  type ReportTotals,
} from './aggregate.js';
export { compareReports, type ReportChange } from './compare.js';
export { toCsv, type CsvColumn, type CsvOptions } from './csv.js';
