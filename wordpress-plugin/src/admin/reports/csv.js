/**
 * CSV export of a table: core's toCsv (RFC 4180, formula-injection guarded, with a BOM so
 * Excel reads UTF-8), saved through a temporary object URL.
 */
import { toCsv } from '@shareworthy/core';

/**
 * Downloads rows as a CSV file.
 *
 * @param {string}                                       filename file name
 * @param {ReadonlyArray<object>}                        rows     records
 * @param {ReadonlyArray<{key: string, header: string}>} columns  columns with translated headers
 */
export function downloadCsv( filename, rows, columns ) {
	const blob = new Blob( [ toCsv( rows, columns, { bom: true } ) ], {
		type: 'text/csv;charset=utf-8',
	} );
	const url = URL.createObjectURL( blob );
	const link = document.createElement( 'a' );
	link.href = url;
	link.download = filename;
	document.body.append( link );
	link.click();
	link.remove();
	// Revoked on the next task: the click has handed the URL to the download by then.
	setTimeout( () => URL.revokeObjectURL( url ), 0 );
}
