/**
 * A report table: caption, optional sorting by column (buttons in the headers, aria-sort),
 * a CSV export of exactly its rows, and a horizontal scroll region on narrow screens.
 */
import { Button } from '@wordpress/components';
import { useMemo, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { downloadCsv } from './csv';

/**
 * @typedef {Object} Column
 * @property {string}             key       row property
 * @property {string}             header    translated header
 * @property {(row: Object) => *} [render]  cell content (default: the value)
 * @property {boolean}            [numeric] right-aligned
 */

/**
 * @param {Object}                props
 * @param {string}                props.id         element id (also the CSV file name)
 * @param {string}                props.caption    table caption
 * @param {ReadonlyArray<Object>} props.rows       rows
 * @param {ReadonlyArray<Column>} props.columns    columns
 * @param {boolean}               [props.sortable] whether headers sort
 * @param {string}                props.filename   CSV file name
 */
export default function ReportTable( {
	id,
	caption,
	rows,
	columns,
	sortable = false,
	filename,
} ) {
	const [ sort, setSort ] = useState( null );
	const sorted = useMemo( () => {
		if ( ! sort ) {
			return rows;
		}
		const { key, dir } = sort;
		const factor = dir === 'ascending' ? 1 : -1;
		return [ ...rows ].sort( ( a, b ) =>
			typeof a[ key ] === 'number'
				? ( a[ key ] - b[ key ] ) * factor
				: String( a[ key ] ).localeCompare( String( b[ key ] ) ) *
					factor
		);
	}, [ rows, sort ] );
	const ariaSort = ( key ) => {
		if ( ! sortable ) {
			return undefined;
		}
		return sort?.key === key ? sort.dir : 'none';
	};
	const toggle = ( key ) =>
		setSort( ( current ) => ( {
			key,
			dir:
				current?.key === key && current.dir === 'descending'
					? 'ascending'
					: 'descending',
		} ) );

	return (
		<section
			className="shareworthy-reports__panel"
			aria-labelledby={ `${ id }-title` }
		>
			<div className="shareworthy-reports__panel-head">
				<h2 id={ `${ id }-title` }>{ caption }</h2>
				<Button
					variant="secondary"
					size="compact"
					disabled={ rows.length === 0 }
					onClick={ () =>
						downloadCsv(
							filename,
							sorted,
							columns.map( ( { key, header } ) => ( {
								key,
								header,
							} ) )
						)
					}
				>
					{ __( 'Export CSV', 'shareworthy' ) }
					<span className="screen-reader-text">{ ` (${ caption })` }</span>
				</Button>
			</div>
			{ rows.length === 0 ? (
				<p className="shareworthy-reports__empty">
					{ __( 'Nothing in this period.', 'shareworthy' ) }
				</p>
			) : (
				<div
					className="shareworthy-reports__scroll"
					role="region"
					aria-labelledby={ `${ id }-title` }
					tabIndex={ 0 }
				>
					<table
						className="widefat striped shareworthy-reports__table"
						id={ id }
					>
						<caption className="screen-reader-text">
							{ caption }
						</caption>
						<thead>
							<tr>
								{ columns.map( ( column ) => (
									<th
										key={ column.key }
										scope="col"
										className={
											column.numeric
												? 'is-numeric'
												: undefined
										}
										aria-sort={ ariaSort( column.key ) }
									>
										{ sortable ? (
											<button
												type="button"
												className="shareworthy-reports__sort"
												onClick={ () =>
													toggle( column.key )
												}
											>
												{ column.header }
												<span aria-hidden="true">
													{ {
														ascending: ' ▲',
														descending: ' ▼',
													}[
														sort?.key === column.key
															? sort.dir
															: ''
													] ?? '' }
												</span>
											</button>
										) : (
											column.header
										) }
									</th>
								) ) }
							</tr>
						</thead>
						<tbody>
							{ sorted.map( ( row ) => (
								<tr key={ row.key }>
									{ columns.map( ( column, index ) => {
										const content = column.render
											? column.render( row )
											: row[ column.key ];
										return index === 0 ? (
											<th key={ column.key } scope="row">
												{ content }
											</th>
										) : (
											<td
												key={ column.key }
												className={
													column.numeric
														? 'is-numeric'
														: undefined
												}
											>
												{ content }
											</td>
										);
									} ) }
								</tr>
							) ) }
						</tbody>
					</table>
				</div>
			) }
		</section>
	);
}
