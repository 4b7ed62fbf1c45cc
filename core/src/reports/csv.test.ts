import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv, type CsvColumn } from './csv.js';

type Row = Readonly<Record<string, string | number | boolean | null>>;
const vectors = JSON.parse(readFileSync(join(__dirname, '../../../tests/vectors/reports-csv.json'), 'utf8')) as {
  readonly cases: readonly { readonly behaviour: string; readonly rows: Row[]; readonly columns?: CsvColumn<Row>[]; readonly bom?: boolean; readonly expected: string }[];
};

describe('toCsv', () => {
  it.each(vectors.cases.map((c) => [c.behaviour, c] as const))('matches the shared vector: %s', (_, { rows, columns, bom, expected }) => {
    expect(toCsv(rows, columns, bom === undefined ? {} : { bom })).toBe(expected);
  });

  it('writes a header from the first row and CRLF after every record', () => {
    expect(toCsv([{ key: 'a', clicks: 3 }, { key: 'b', clicks: 0 }])).toBe('key,clicks\r\na,3\r\nb,0\r\n');
  });

  it('quotes fields with commas, quotes, CR or LF and doubles the quotes (RFC 4180 §2.6–2.7)', () => {
    const rows = [{ v: 'a,b' }, { v: 'say "hi"' }, { v: 'line\nbreak' }, { v: 'cr\rhere' }, { v: 'plain' }];
    expect(toCsv(rows)).toBe('v\r\n"a,b"\r\n"say ""hi"""\r\n"line\nbreak"\r\n"cr\rhere"\r\nplain\r\n');
  });

  it.each([
    ['=1+1', `"'=1+1"`],
    ['+33 1 23 45 67 89', `"'+33 1 23 45 67 89"`],
    ['-3', `"'-3"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\tindent', `"'\tindent"`],
    ['\r=cmd', `"'\r=cmd"`],
    ['=HYPERLINK("http://evil.test","x")', `"'=HYPERLINK(""http://evil.test"",""x"")"`],
    ["=cmd|' /C calc'!A0", `"'=cmd|' /C calc'!A0"`],
  ])('writes the formula-like string %j as quoted text with a leading apostrophe', (value, cell) => {
    expect(toCsv([{ v: value }])).toBe(`v\r\n${cell}\r\n`);
  });

  it('guards formula-like JSON of other values but never typed numbers or bigints', () => {
    expect(toCsv([{ a: -3, b: -10n, c: ['x'] }])).toBe('a,b,c\r\n-3,-10,"[""x""]"\r\n');
  });

  it('leaves strings alone when the dangerous character is not first', () => {
    expect(toCsv([{ v: 'a=b' }, { v: " =1+1" }, { v: "'quoted" }])).toBe("v\r\na=b\r\n =1+1\r\n'quoted\r\n");
  });

  it('writes typed numbers as numbers, negative ones included, and non-finite numbers as empty cells', () => {
    expect(toCsv([{ a: -3, b: 0.25, c: Number.NaN, d: Infinity, e: -0 }])).toBe('a,b,c,d,e\r\n-3,0.25,,,0\r\n');
  });

  it('writes null and undefined as empty, booleans, bigints, dates as ISO and objects as JSON', () => {
    const row = { a: null, b: undefined, c: true, d: 10n, e: new Date(Date.UTC(2026, 2, 1)), f: { x: [1, 2] }, g: new Date(Number.NaN) };
    expect(toCsv([row])).toBe('a,b,c,d,e,f,g\r\n,,true,10,2026-03-01T00:00:00.000Z,"{""x"":[1,2]}",\r\n');
  });

  it('uses the given columns, order and headers, guarding headers too', () => {
    const rows = [{ key: 'i1', label: 'Launch', clicks: 4, ctr: 2 }];
    expect(toCsv(rows, [{ key: 'clicks', header: 'Clicks' }, { key: 'label', header: '=Item' }, { key: 'key' }])).toBe(`Clicks,"'=Item",key\r\n4,Launch,i1\r\n`);
  });

  it('writes only the header when there are columns but no rows, and nothing when there are neither', () => {
    expect(toCsv([], [{ key: 'a' as never, header: 'A' }])).toBe('A\r\n');
    expect(toCsv([])).toBe('');
  });

  it('starts with a UTF-8 byte order mark on request', () => {
    expect(toCsv([{ v: 'é' }], undefined, { bom: true })).toBe('\ufeffv\r\né\r\n');
    expect(toCsv([], undefined, { bom: true })).toBe('\ufeff');
  });

  it('keeps unicode, RTL text, emoji sequences and zero-width characters intact', () => {
    const text = 'مرحبا 👩‍👩‍👧 Zürich a\u200bb 日本';
    expect(toCsv([{ v: text }])).toBe(`v\r\n${text}\r\n`);
  });

  it('passes lone surrogates through without throwing', () => {
    expect(toCsv([{ v: '\ud800x\udc00' }])).toBe('v\r\n\ud800x\udc00\r\n');
    expect(new TextEncoder().encode(toCsv([{ v: '\ud800' }])).length).toBe(8); // v, CRLF, U+FFFD (3 bytes), CRLF
  });

  it('serialises 100,000 rows', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ key: `k${i}`, label: i % 2 === 0 ? '=x' : 'a,b', clicks: i }));
    const csv = toCsv(rows);
    expect(csv.split('\r\n')).toHaveLength(100_002);
    expect(csv.endsWith(`k99999,"a,b",99999\r\n`)).toBe(true);
  });
});
