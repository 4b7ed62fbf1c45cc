import { __, sprintf } from '@wordpress/i18n';
import { TextareaControl } from '@wordpress/components';
import { useMemo } from '@wordpress/element';

import { measureMessage } from '../shared/measure';
import { highlightRuns } from '../shared/highlight';

/**
 * One network's suggested message. What is measured and checked is the message employees
 * start from (the suggestion plus the hashtags and the disclosure the composer adds), counted
 * the network's way; policy findings are listed and underlined in a preview of that message.
 *
 * @param {Object}   props          Props.
 * @param {string}   props.network  Network id, or `default` for the message of every network.
 * @param {string}   props.label    Network name.
 * @param {string}   [props.help]   Help text under the field.
 * @param {string}   props.value    Message.
 * @param {Function} props.onChange Called with the new message.
 * @param {Function} props.compose  ( text ) => the message employees start from.
 * @param {Function} props.check    Policy check: ( text, network ) => report.
 * @return {Element} The field.
 */
export default function MessageField( {
	network,
	label,
	help,
	value,
	onChange,
	compose,
	check,
} ) {
	// The default message goes to any network: checked without one (no length or network rule).
	const target = network === 'default' ? undefined : network;
	const composed = useMemo(
		() => ( value.trim() ? compose( value ) : '' ),
		[ value, compose ]
	);
	const measure = useMemo(
		() => measureMessage( composed, target ),
		[ composed, target ]
	);
	const report = useMemo(
		() =>
			composed ? check( composed, target ) : { ok: true, findings: [] },
		[ composed, target, check ]
	);
	const spans = report.findings.filter( ( f ) => f.end > f.start );
	/* translators: %d: length of the message */
	const noLimit = __( '%d characters', 'shareworthy' );
	/* translators: 1: length of the message, 2: the network's limit */
	const withLimit = __( '%1$d / %2$d', 'shareworthy' );
	const counter =
		measure.max === null
			? sprintf( noLimit, measure.length )
			: sprintf( withLimit, measure.length, measure.max );
	return (
		<div className="shareworthy-message">
			<TextareaControl
				__nextHasNoMarginBottom
				/* translators: %s: network name, e.g. LinkedIn */
				label={ sprintf( __( '%s message', 'shareworthy' ), label ) }
				help={ help }
				value={ value }
				onChange={ onChange }
				rows={ 3 }
			/>
			{ composed && (
				<>
					<p
						className={
							'shareworthy-message__count' +
							( measure.over ? ' is-over' : '' )
						}
						aria-live="polite"
					>
						{ counter }
					</p>
					{ ( composed !== value || spans.length > 0 ) && (
						<p className="shareworthy-message__preview">
							<span className="shareworthy-message__preview-label">
								{ __(
									'Employees start from:',
									'shareworthy'
								) }{ ' ' }
							</span>
							{ highlightRuns( composed, spans ).map(
								( run, i ) =>
									run.severity ? (
										<mark
											key={ i }
											className={ `is-${ run.severity }` }
										>
											{ run.text }
										</mark>
									) : (
										<span key={ i }>{ run.text }</span>
									)
							) }
						</p>
					) }
					{ report.findings.length > 0 && (
						<ul
							className="shareworthy-message__findings"
							aria-live="polite"
						>
							{ report.findings.map( ( finding, i ) => (
								<li
									key={ `${ finding.code }-${ i }` }
									className={ `is-${ finding.severity }` }
								>
									{ finding.message }
								</li>
							) ) }
						</ul>
					) }
				</>
			) }
		</div>
	);
}
