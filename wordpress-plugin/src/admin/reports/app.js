/**
 * Shareworthy → Reports: headline cards against the previous period, shares and clicks per
 * day, and tables by network, item, campaign and employee, for a period and filters. Every
 * figure comes from GET /shareworthy/v1/reports (aggregated in SQL with core's semantics).
 */
import apiFetch from '@wordpress/api-fetch';
import { Button, Notice, SelectControl, Spinner } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, _x, sprintf } from '@wordpress/i18n';
import { compareReports } from '@shareworthy/core';
import DayChart from './chart';
import {
	formatChange,
	formatCount,
	formatMoney,
	formatPercent,
	formatRatio,
} from './format';
import { PRESETS, periodProblem, presetPeriod, previousPeriod } from './period';
import ReportTable from './table';

const GROUPS = [ 'day', 'network', 'item', 'campaign', 'employee' ];

const presetLabel = ( preset ) =>
	preset === 'quarter'
		? __( 'This quarter', 'shareworthy' )
		: /* translators: %d: number of days */ sprintf(
				__( 'Last %d days', 'shareworthy' ),
				Number( preset )
			);

const problemText = {
	day: __( 'Enter both days as calendar dates.', 'shareworthy' ),
	order: __( 'The first day must not be after the last day.', 'shareworthy' ),
	length: __( 'A period covers at most two years.', 'shareworthy' ),
};

const fetchReport = ( query ) =>
	apiFetch( {
		path: `/shareworthy/v1/reports?${ new URLSearchParams( query ) }`,
	} );

/**
 * @param {Object}                                                   props
 * @param {{today: string, networks: string[], campaigns: string[]}} props.config from PHP
 */
export default function ReportsApp( { config } ) {
	const [ period, setPeriod ] = useState( () =>
		presetPeriod( '30', config.today )
	);
	const [ preset, setPreset ] = useState( '30' );
	const [ campaign, setCampaign ] = useState( '' );
	const [ network, setNetwork ] = useState( '' );
	const [ state, setState ] = useState( { status: 'loading' } );
	const latest = useRef( 0 );
	const problem = periodProblem( period );

	useEffect( () => {
		if ( problem ) {
			return;
		}
		const request = ++latest.current;
		const filters = {
			...( campaign ? { campaign } : {} ),
			...( network ? { network } : {} ),
		};
		setState( ( current ) => ( { ...current, status: 'loading' } ) );
		Promise.all( [
			...GROUPS.map( ( groupBy ) =>
				fetchReport( { ...period, ...filters, groupBy } )
			),
			fetchReport( {
				...previousPeriod( period ),
				...filters,
				groupBy: 'network',
			} ),
		] ).then(
			( reports ) => {
				if ( request === latest.current ) {
					const byGroup = Object.fromEntries(
						GROUPS.map( ( group, index ) => [
							group,
							reports[ index ],
						] )
					);
					setState( {
						status: 'ready',
						byGroup,
						change: compareReports(
							byGroup.day,
							reports[ GROUPS.length ]
						),
					} );
				}
			},
			( error ) => {
				if ( request === latest.current ) {
					setState( {
						status: 'error',
						message:
							error?.message ??
							__(
								'The report could not be loaded.',
								'shareworthy'
							),
					} );
				}
			}
		);
	}, [ period, campaign, network, problem ] );

	const choosePreset = ( id ) => {
		setPreset( id );
		setPeriod( presetPeriod( id, config.today ) );
	};
	const setDay = ( field ) => ( event ) => {
		setPreset( '' );
		setPeriod( ( current ) => ( {
			...current,
			[ field ]: event.target.value,
		} ) );
	};
	const { byGroup, change } = state;
	const suffix = `${ period.from }-${ period.to }`;

	return (
		<div className="shareworthy-reports">
			<form
				className="shareworthy-reports__filters"
				onSubmit={ ( event ) => event.preventDefault() }
				aria-label={ __( 'Report period and filters', 'shareworthy' ) }
			>
				<div
					className="shareworthy-reports__presets"
					role="group"
					aria-label={ __( 'Period presets', 'shareworthy' ) }
				>
					{ PRESETS.map( ( id ) => (
						<Button
							key={ id }
							variant={ preset === id ? 'primary' : 'secondary' }
							aria-pressed={ preset === id }
							onClick={ () => choosePreset( id ) }
							__next40pxDefaultSize
						>
							{ presetLabel( id ) }
						</Button>
					) ) }
				</div>
				<div className="shareworthy-reports__days">
					<DayField
						field="from"
						label={ _x(
							'From',
							'first day of the period',
							'shareworthy'
						) }
						value={ period.from }
						max={ config.today }
						onChange={ setDay( 'from' ) }
						invalid={ !! problem }
					/>
					<DayField
						field="to"
						label={ _x(
							'To',
							'last day of the period',
							'shareworthy'
						) }
						value={ period.to }
						max={ config.today }
						onChange={ setDay( 'to' ) }
						invalid={ !! problem }
					/>
				</div>
				<SelectControl
					label={ __( 'Campaign', 'shareworthy' ) }
					value={ campaign }
					onChange={ setCampaign }
					options={ [
						{
							value: '',
							label: __( 'All campaigns', 'shareworthy' ),
						},
						...config.campaigns.map( ( name ) => ( {
							value: name,
							label: name,
						} ) ),
					] }
					__nextHasNoMarginBottom
					__next40pxDefaultSize
				/>
				<SelectControl
					label={ __( 'Network', 'shareworthy' ) }
					value={ network }
					onChange={ setNetwork }
					options={ [
						{
							value: '',
							label: __( 'All networks', 'shareworthy' ),
						},
						...config.networks.map( ( id ) => ( {
							value: id,
							label: id,
						} ) ),
					] }
					__nextHasNoMarginBottom
					__next40pxDefaultSize
				/>
			</form>
			{ problem && (
				<p
					id="shareworthy-period-problem"
					className="shareworthy-reports__problem"
					role="alert"
				>
					{ problemText[ problem ] }
				</p>
			) }
			<div
				className="shareworthy-reports__status"
				role="status"
				aria-live="polite"
			>
				{ state.status === 'loading' && (
					<>
						<Spinner />
						{ __( 'Loading the report…', 'shareworthy' ) }
					</>
				) }
			</div>
			{ state.status === 'error' && (
				<Notice status="error" isDismissible={ false }>
					{ state.message }
				</Notice>
			) }
			{ byGroup && (
				<div
					className={
						state.status === 'loading'
							? 'shareworthy-reports__body is-stale'
							: 'shareworthy-reports__body'
					}
					aria-busy={ state.status === 'loading' }
				>
					<Cards totals={ byGroup.day.totals } change={ change } />
					{ byGroup.day.totals.shares === 0 &&
						byGroup.day.totals.clicks === 0 && (
							<Notice status="info" isDismissible={ false }>
								{ __(
									'No shares or clicks in this period. Choose a longer period or other filters.',
									'shareworthy'
								) }
							</Notice>
						) }
					<section
						className="shareworthy-reports__panel"
						aria-labelledby="shareworthy-days-title"
					>
						<h2 id="shareworthy-days-title">
							{ __( 'Shares and clicks per day', 'shareworthy' ) }
						</h2>
						<DayChart rows={ byGroup.day.rows } />
					</section>
					<div className="shareworthy-reports__grid2">
						{ [ 'network', 'campaign' ].map( ( group ) => (
							<GroupTable
								key={ group }
								group={ group }
								rows={ byGroup[ group ].rows }
								suffix={ suffix }
							/>
						) ) }
					</div>
					{ [ 'item', 'employee', 'day' ].map( ( group ) => (
						<GroupTable
							key={ group }
							group={ group }
							rows={ byGroup[ group ].rows }
							suffix={ suffix }
						/>
					) ) }
				</div>
			) }
		</div>
	);
}

/**
 * A day of the period, tied to the period problem message when the period is wrong.
 *
 * @param {Object}   props
 * @param {string}   props.field    'from' or 'to' (input name, in the id)
 * @param {string}   props.label    visible label
 * @param {string}   props.value    YYYY-MM-DD
 * @param {string}   props.max      last day that may be chosen (today)
 * @param {Function} props.onChange change handler
 * @param {boolean}  props.invalid  whether the period has a problem
 */
function DayField( { field, label, value, max, onChange, invalid } ) {
	return (
		<label htmlFor={ `shareworthy-period-${ field }` }>
			{ label }
			<input
				id={ `shareworthy-period-${ field }` }
				type="date"
				name={ field }
				value={ value }
				max={ max }
				onChange={ onChange }
				aria-invalid={ invalid }
				aria-describedby={
					invalid ? 'shareworthy-period-problem' : undefined
				}
			/>
		</label>
	);
}

const campaignLabel = ( row ) =>
	row.key === ''
		? { ...row, label: __( '(no campaign)', 'shareworthy' ) }
		: row;
const employeeLabel = ( row ) =>
	row.key === 'others'
		? { ...row, label: __( 'Others (not opted in)', 'shareworthy' ) }
		: row;

/**
 * The table of each grouping: its name in ids and CSV files, caption, first column, whether
 * it sorts, row labels to translate, and for networks the click bars (the breakdown chart).
 */
const TABLES = {
	network: {
		name: 'networks',
		caption: () => __( 'By network', 'shareworthy' ),
		first: () => __( 'Network', 'shareworthy' ),
		bars: true,
	},
	campaign: {
		name: 'campaigns',
		caption: () => __( 'By campaign', 'shareworthy' ),
		first: () => __( 'Campaign', 'shareworthy' ),
		sortable: true,
		label: campaignLabel,
	},
	item: {
		name: 'items',
		caption: () => __( 'Top items', 'shareworthy' ),
		first: () => __( 'Item', 'shareworthy' ),
		sortable: true,
	},
	employee: {
		name: 'employees',
		caption: () =>
			__( 'By employee (names of those who opted in)', 'shareworthy' ),
		first: () => __( 'Employee', 'shareworthy' ),
		sortable: true,
		label: employeeLabel,
	},
	day: {
		name: 'days',
		caption: () => __( 'Per day', 'shareworthy' ),
		first: () => __( 'Day', 'shareworthy' ),
	},
};

/**
 * One grouping's rows as a report table with its CSV download.
 *
 * @param {Object}        props
 * @param {string}        props.group  key of TABLES
 * @param {Array<Object>} props.rows   rows of the report grouped so
 * @param {string}        props.suffix period, for the CSV file name
 */
function GroupTable( { group, rows, suffix } ) {
	const table = TABLES[ group ];
	const labelled = table.label ? rows.map( table.label ) : rows;
	const cols = columns( table.first() );
	return (
		<ReportTable
			id={ `shareworthy-${ table.name }` }
			caption={ table.caption() }
			rows={ labelled }
			columns={ table.bars ? withBars( cols, labelled ) : cols }
			sortable={ table.sortable === true }
			filename={ `shareworthy-${ table.name }-${ suffix }.csv` }
		/>
	);
}

const columns = ( first ) => [
	{ key: 'label', header: first },
	{
		key: 'shares',
		header: __( 'Shares', 'shareworthy' ),
		numeric: true,
		render: ( row ) => formatCount( row.shares ),
	},
	{
		key: 'clicks',
		header: __( 'Clicks', 'shareworthy' ),
		numeric: true,
		render: ( row ) => formatCount( row.clicks ),
	},
	{
		key: 'uniqueClicks',
		header: __( 'Unique clicks', 'shareworthy' ),
		numeric: true,
		render: ( row ) => formatCount( row.uniqueClicks ),
	},
	{
		key: 'ctr',
		header: __( 'Clicks per share', 'shareworthy' ),
		numeric: true,
		render: ( row ) => formatRatio( row.ctr ),
	},
];

/**
 * The network table doubles as the breakdown chart: a bar behind each click count.
 *
 * @param {Array<Object>} cols columns
 * @param {Array<Object>} rows network rows
 * @return {Array<Object>} the columns, clicks drawn as bars
 */
const withBars = ( cols, rows ) => {
	const max = Math.max( 1, ...rows.map( ( row ) => row.clicks ) );
	return cols.map( ( col ) =>
		col.key === 'clicks'
			? {
					...col,
					render: ( row ) => (
						<span className="shareworthy-reports__cell-bar">
							<span
								className="shareworthy-reports__bar-fill"
								style={ {
									width: `${ ( row.clicks / max ) * 100 }%`,
								} }
								aria-hidden="true"
							/>
							{ formatCount( row.clicks ) }
						</span>
					),
				}
			: col
	);
};

const CARDS = [
	[ 'shares', () => __( 'Shares', 'shareworthy' ), formatCount ],
	[ 'clicks', () => __( 'Clicks', 'shareworthy' ), formatCount ],
	[ 'uniqueClicks', () => __( 'Unique clicks', 'shareworthy' ), formatCount ],
	[ 'ctr', () => __( 'Clicks per share', 'shareworthy' ), formatRatio ],
	[
		'participationRate',
		() => __( 'Participation', 'shareworthy' ),
		formatPercent,
	],
	[ 'reach', () => __( 'Estimated reach', 'shareworthy' ), formatCount ],
	[ 'emv', () => __( 'Earned media value', 'shareworthy' ), formatMoney ],
];

function Cards( { totals, change } ) {
	return (
		<ul
			className="shareworthy-reports__cards"
			aria-label={ __( 'Totals of the period', 'shareworthy' ) }
		>
			{ CARDS.map( ( [ key, label, format ] ) => {
				const delta = change[ key ];
				let trend = 'flat';
				if ( delta ) {
					trend = delta > 0 ? 'up' : 'down';
				}
				return (
					<li
						key={ key }
						className="shareworthy-reports__card"
						data-metric={ key }
					>
						<span className="shareworthy-reports__card-label">
							{ label() }
						</span>
						<span className="shareworthy-reports__card-value">
							{ format( totals[ key ] ) }
						</span>
						<span
							className={ `shareworthy-reports__change is-${ trend }` }
						>
							<span aria-hidden="true">
								{ { up: '▲ ', down: '▼ ', flat: '' }[ trend ] }
							</span>
							{ formatChange( delta ) }
						</span>
					</li>
				);
			} ) }
		</ul>
	);
}
