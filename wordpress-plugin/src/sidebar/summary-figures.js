/**
 * The figures of the per-post summary, formatted for the editor's language.
 *
 * @param {{ shares: number, clicks: number, ctr: number }} summary From GET /shareworthy/v1/summaries/{id}.
 * @param {string}                                          locale  BCP 47 language tag, e.g. "fr-FR".
 * @return {{ shares: string, clicks: string, ctr: string }} Shares and clicks as counts, the
 *         clicks per share with at most two decimals, or "–" when there is no share to divide by.
 */
export function summaryFigures( summary, locale ) {
	let format;
	try {
		format = new Intl.NumberFormat( locale, { maximumFractionDigits: 2 } );
	} catch {
		// An unknown tag (RangeError) must not blank the panel: fall back to the default locale.
		format = new Intl.NumberFormat( undefined, {
			maximumFractionDigits: 2,
		} );
	}
	const count = ( value ) =>
		format.format( Number.isFinite( value ) && value > 0 ? value : 0 );
	return {
		shares: count( summary.shares ),
		clicks: count( summary.clicks ),
		ctr:
			summary.shares > 0 && Number.isFinite( summary.ctr )
				? format.format( summary.ctr )
				: '–',
	};
}
