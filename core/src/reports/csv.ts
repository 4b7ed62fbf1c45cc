/**
 * CSV export of report rows (and anything else row-shaped): RFC 4180 with spreadsheet
 * formula-injection guarding, because these files are opened in Excel by the people who
 * manage the programme, and item titles and campaign names are typed by others.
 */

/** A column of the export: which property, under which header. */
export interface CsvColumn<Row> {
  readonly key: keyof Row & string;
  /** Header text. @default the key */
  readonly header?: string;
}

/** Options of {@link toCsv}. */
export interface CsvOptions {
  /**
   * Start with a UTF-8 byte order mark (U+FEFF): Excel on Windows reads a CSV without it in
   * the legacy ANSI code page and garbles every accented letter.
   * @default false
   */
  readonly bom?: boolean;
}

/**
 * A text cell starting with one of these is read as a formula by Excel, LibreOffice Calc or
 * Google Sheets: `=`, `+`, `-`, `@`, tab, carriage return (OWASP, "CSV Injection",
 * https://owasp.org/www-community/attacks/CSV_Injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** RFC 4180 §2.6: fields containing line breaks, double quotes or commas are enclosed in double quotes. */
const NEEDS_QUOTES = /[",\r\n]/;

/** A cell's text and whether it must be quoted whatever it contains. */
const cellText = (value: unknown): string => {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      // Typed numbers are data, not user text: `-3` stays a number a spreadsheet can sum.
      return Number.isFinite(value) ? String(value) : '';
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'undefined':
      return '';
    default:
      if (value === null) return '';
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
      return JSON.stringify(value) ?? '';
  }
};

const quote = (text: string): string => `"${text.replaceAll('"', '""')}"`;

const field = (value: unknown): string => {
  const text = cellText(value);
  // OWASP's mitigation for a formula-like string: a leading `'` (the spreadsheet then shows
  // the cell as text) inside double quotes, as Papa Parse's `escapeFormulae` also writes it.
  if (typeof value !== 'number' && typeof value !== 'bigint' && FORMULA_START.test(text)) return quote(`'${text}`);
  // RFC 4180 §2.7: a double quote inside a quoted field is escaped by another double quote.
  return NEEDS_QUOTES.test(text) ? quote(text) : text;
};

/**
 * Serialises rows as CSV (RFC 4180): CRLF after every record including the last, fields with
 * `,` `"` CR or LF quoted, quotes doubled. Every text cell, header included, that starts
 * with `=` `+` `-` `@` tab or CR is written as `"'…"` (OWASP CSV injection guidance), so a
 * string `"-3"` becomes `"'-3"`; numbers typed as numbers are written as they are. `null`,
 * `undefined`, NaN and ±Infinity give empty cells, dates ISO 8601, other objects JSON.
 * Lone surrogates pass through; the host's UTF-8 encoder turns them into U+FFFD.
 * @param rows the records
 * @param columns which properties, in which order, under which headers; default: the keys of the first row
 * @param options see {@link CsvOptions}
 * @returns the CSV text, `''` when there are neither rows nor columns
 * @example toCsv([{ key: 'x', label: '=HYPERLINK("http://evil")', clicks: -3 }])
 * // 'key,label,clicks\r\nx,"\'=HYPERLINK(""http://evil"")",-3\r\n'
 * @example toCsv(report.rows, [{ key: 'label', header: 'Item' }, { key: 'clicks', header: 'Clicks' }], { bom: true })
 */
export function toCsv<Row extends object>(rows: readonly Row[], columns?: readonly CsvColumn<Row>[], options: CsvOptions = {}): string {
  const cols: readonly CsvColumn<Row>[] = columns ?? (rows.length === 0 ? [] : Object.keys(rows[0] as object).map((key) => ({ key: key as keyof Row & string })));
  if (cols.length === 0) return options.bom === true ? '\ufeff' : '';
  const lines = [cols.map((column) => field(column.header ?? column.key)).join(',')];
  for (const row of rows) lines.push(cols.map((column) => field(row[column.key])).join(','));
  return `${options.bom === true ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}
