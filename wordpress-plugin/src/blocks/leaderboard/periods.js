import { __ } from '@wordpress/i18n';

/**
 * The periods the block offers, in block.json's `period` enum order.
 *
 * @return {Array<{ value: string, label: string }>} Select options.
 */
export const periodOptions = () => [
	{ value: '7', label: __( 'Last 7 days', 'shareworthy' ) },
	{ value: '30', label: __( 'Last 30 days', 'shareworthy' ) },
	{ value: '90', label: __( 'Last 90 days', 'shareworthy' ) },
	{ value: 'all', label: __( 'All time', 'shareworthy' ) },
];
