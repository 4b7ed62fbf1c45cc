/**
 * Shares and clicks per day: a hand-made SVG (two series, no interaction), because a chart
 * library would weigh more than the rest of the page (see README, "Admin"); the same data is
 * in the table below it, which is what screen readers get.
 */
import { __, sprintf } from '@wordpress/i18n';

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 48, bottom: 30, left: 48 };

/**
 * @param {Object}                                                       props
 * @param {ReadonlyArray<{key: string, shares: number, clicks: number}>} props.rows day rows
 */
export default function DayChart( { rows } ) {
	// Two scales (clicks left, shares right): clicks outnumber shares by an order of magnitude.
	const max = Math.max( 1, ...rows.map( ( row ) => row.clicks ) );
	const maxShares = Math.max( 1, ...rows.map( ( row ) => row.shares ) );
	const innerW = WIDTH - PAD.left - PAD.right;
	const innerH = HEIGHT - PAD.top - PAD.bottom;
	const step = innerW / Math.max( 1, rows.length );
	const y = ( value ) => PAD.top + innerH - ( value / max ) * innerH;
	const x = ( index ) => PAD.left + step * index + step / 2;
	const yShares = ( value ) => y( ( value / maxShares ) * max );
	const sharesLine = rows
		.map(
			( row, index ) =>
				`${ x( index ).toFixed( 1 ) },${ yShares( row.shares ).toFixed( 1 ) }`
		)
		.join( ' ' );
	const labelEvery = Math.ceil( rows.length / 8 );
	const totals = rows.reduce(
		( sum, row ) => [ sum[ 0 ] + row.shares, sum[ 1 ] + row.clicks ],
		[ 0, 0 ]
	);
	return (
		<figure className="shareworthy-reports__chart">
			<svg
				viewBox={ `0 0 ${ WIDTH } ${ HEIGHT }` }
				role="img"
				aria-label={ sprintf(
					/* translators: 1: number of days, 2: shares, 3: clicks */
					__(
						'Shares and clicks per day over %1$d days: %2$d shares, %3$d clicks. The table below has each day.',
						'shareworthy'
					),
					rows.length,
					totals[ 0 ],
					totals[ 1 ]
				) }
			>
				{ [ 0, 0.5, 1 ].map( ( f ) => (
					<g key={ f }>
						<line
							x1={ PAD.left }
							x2={ WIDTH - PAD.right }
							y1={ y( max * f ) }
							y2={ y( max * f ) }
							className="shareworthy-reports__grid"
						/>
						<text
							x={ PAD.left - 6 }
							y={ y( max * f ) + 4 }
							textAnchor="end"
							className="shareworthy-reports__axis"
						>
							{ Math.round( max * f ) }
						</text>
						<text
							x={ WIDTH - PAD.right + 6 }
							y={ y( max * f ) + 4 }
							className="shareworthy-reports__axis shareworthy-reports__axis--shares"
						>
							{ Math.round( maxShares * f ) }
						</text>
					</g>
				) ) }
				{ rows.map( ( row, index ) => (
					<rect
						key={ row.key }
						x={ x( index ) - Math.max( 1, step * 0.35 ) }
						width={ Math.max( 2, step * 0.7 ) }
						y={ y( row.clicks ) }
						height={ PAD.top + innerH - y( row.clicks ) }
						className="shareworthy-reports__bar"
					/>
				) ) }
				<polyline
					points={ sharesLine }
					className="shareworthy-reports__line"
					fill="none"
				/>
				{ rows.map( ( row, index ) =>
					index % labelEvery === 0 ? (
						<text
							key={ row.key }
							x={ x( index ) }
							y={ HEIGHT - 8 }
							textAnchor="middle"
							className="shareworthy-reports__axis"
						>
							{ row.key.slice( 5 ) }
						</text>
					) : null
				) }
			</svg>
			<figcaption className="shareworthy-reports__legend">
				<span className="shareworthy-reports__legend-item">
					<span
						className="shareworthy-reports__key shareworthy-reports__key--clicks"
						aria-hidden="true"
					/>
					{ __( 'Clicks (bars, left scale)', 'shareworthy' ) }
				</span>
				<span className="shareworthy-reports__legend-item">
					<span
						className="shareworthy-reports__key shareworthy-reports__key--shares"
						aria-hidden="true"
					/>
					{ __( 'Shares (line, right scale)', 'shareworthy' ) }
				</span>
			</figcaption>
		</figure>
	);
}
