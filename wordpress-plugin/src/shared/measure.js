/**
 * Length of a message the way the target network counts it, against that network's limit.
 * The units and limits come from core (`NETWORK_LIMITS`), so the editor sidebar, the share
 * composer and the server-side policy check cannot disagree.
 */
import { NETWORK_LIMITS, countGraphemes, parseXPost } from '@shareworthy/core';

/**
 * Measures a message for one network.
 *
 * @param {string} text    The message.
 * @param {string} network Network id (`linkedin`, `x`, …).
 * @return {{ length: number, max: number|null, unit: string, over: boolean }} `max` is null where the network sets no limit.
 * @example measureMessage( 'Hello 👋', 'bluesky' ) // { length: 7, max: 300, unit: 'graphemes', over: false }
 */
export function measureMessage( text, network ) {
	const limit = NETWORK_LIMITS[ network ] ?? null;
	const unit = limit?.unit ?? 'utf16';
	let length = text.length;
	if ( unit === 'x-weighted' ) {
		length = parseXPost( text ).weightedLength;
	} else if ( unit === 'graphemes' ) {
		length = countGraphemes( text );
	}
	const bytesOver =
		limit?.maxUtf8Bytes !== undefined &&
		new TextEncoder().encode( text ).length > limit.maxUtf8Bytes;
	return {
		length,
		max: limit?.max ?? null,
		unit,
		over: limit !== null && ( length > limit.max || bytesOver ),
	};
}
