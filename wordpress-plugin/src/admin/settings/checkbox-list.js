/**
 * A group of checkboxes choosing some values of a list (networks, post types).
 */
import { CheckboxControl } from '@wordpress/components';

/**
 * @param {Object}                                props
 * @param {string}                                props.legend   What the values are.
 * @param {Array<{value: string, label: string}>} props.options  Values to choose from, in order.
 * @param {string[]}                              props.selected Values checked.
 * @param {(selected: string[]) => void}          props.onChange Receives the new selection, in the options' order.
 * @param {string}                                [props.error]  Message of a refused save.
 * @return {Element} A fieldset.
 */
export default function CheckboxList( {
	legend,
	options,
	selected,
	onChange,
	error,
} ) {
	const toggle = ( value ) => ( checked ) =>
		onChange(
			options
				.map( ( option ) => option.value )
				.filter( ( v ) =>
					v === value ? checked : selected.includes( v )
				)
		);
	return (
		<fieldset>
			<legend>{ legend }</legend>
			{ error && (
				<p className="shareworthy-settings__error">{ error }</p>
			) }
			{ options.map( ( { value, label } ) => (
				<CheckboxControl
					key={ value }
					label={ label }
					checked={ selected.includes( value ) }
					onChange={ toggle( value ) }
					__nextHasNoMarginBottom
				/>
			) ) }
		</fieldset>
	);
}
