/**
 * NFC normalisation that skips the work when it cannot change anything: most posts are
 * already NFC, and `String.prototype.normalize` costs more than a table lookup per code unit.
 */
import { NFC_INERT_RANGES } from './x-data.js';

let inertTable: Uint8Array | undefined;

/** 1 for code units that NFC never changes nor lets change a neighbour; built once (64 KiB). */
function inert(): Uint8Array {
  if (inertTable) return inertTable;
  const table = new Uint8Array(0x10000);
  table.fill(1, 0, 0x300);
  for (const range of NFC_INERT_RANGES.split(',')) {
    const [start = '0', end = '0'] = range.split('-');
    table.fill(1, parseInt(start, 16), parseInt(end, 16) + 1);
  }
  inertTable = table;
  return table;
}

/**
 * `text.normalize('NFC')`, returning `text` itself when every code unit is NFC-inert (then the
 * UAX #15 quick check answers "already normalised").
 * @param text any text, lone surrogates included
 * @returns the NFC form of `text`
 * @example normalizeNfc('e\u0301') // 'é'
 */
export function normalizeNfc(text: string): string {
  const table = inert();
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && table[c] === 0) return text.normalize('NFC');
  }
  return text;
}
