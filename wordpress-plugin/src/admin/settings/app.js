/**
 * Shareworthy → Settings: the policy employees accept and the checks run on their messages
 * (with a live preview through core's compilePolicy/checkPolicy), networks, links, reports
 * and retention. Saved through the REST settings API, which validates each value.
 */
import apiFetch from '@wordpress/api-fetch';
import {
	Button,
	CheckboxControl,
	Notice,
	SelectControl,
	Spinner,
	TextControl,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import { useEffect, useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { createPolicyChecker } from '../../shared/policy';
import { fromList, toList } from './lines';

const POLICY_LISTS = [
	[ 'blockedTerms', () => __( 'Blocked terms', 'shareworthy' ) ],
	[
		'confidentialMarkers',
		() => __( 'Confidential markers', 'shareworthy' ),
	],
	[ 'allowedLinkDomains', () => __( 'Allowed link domains', 'shareworthy' ) ],
	[
		'requiredDisclosure',
		() => __( 'Required disclosure tags', 'shareworthy' ),
	],
];

/**
 * @param {Object}                                                                                                                                         props
 * @param {{networks: Object<string, string>, postTypes: Array<{value: string, label: string}>, policyVersion: number, utmMedium: string, locale: string}} props.config from PHP
 */
export default function SettingsApp( { config } ) {
	const [ settings, setSettings ] = useState( null );
	const [ lists, setLists ] = useState( {} );
	const [ notice, setNotice ] = useState( null );
	const [ saving, setSaving ] = useState( false );
	const [ sample, setSample ] = useState(
		__(
			'Proud of the team! Read more: https://example.com/news #employee',
			'shareworthy'
		)
	);
	const [ sampleNetwork, setSampleNetwork ] = useState( 'linkedin' );

	useEffect( () => {
		apiFetch( { path: '/wp/v2/settings' } ).then(
			( data ) => {
				setSettings( data );
				setLists(
					Object.fromEntries(
						POLICY_LISTS.map( ( [ key ] ) => [
							key,
							fromList( data.shareworthy_policy?.[ key ] ),
						] )
					)
				);
			},
			( error ) => setNotice( { status: 'error', text: error.message } )
		);
	}, [] );

	const policy = useMemo( () => {
		if ( ! settings ) {
			return {};
		}
		return {
			...settings.shareworthy_policy,
			...Object.fromEntries(
				POLICY_LISTS.map( ( [ key ] ) => [
					key,
					toList( lists[ key ] ?? '' ),
				] )
			),
		};
	}, [ settings, lists ] );
	const checker = useMemo(
		() => createPolicyChecker( policy, config.locale ),
		[ policy, config.locale ]
	);
	const preview = checker.check( sample, sampleNetwork );

	if ( ! settings ) {
		return notice ? (
			<Notice status="error" isDismissible={ false }>
				{ notice.text }
			</Notice>
		) : (
			<p role="status">
				<Spinner />
				{ __( 'Loading the settings…', 'shareworthy' ) }
			</p>
		);
	}

	const set = ( name ) => ( value ) =>
		setSettings( ( current ) => ( { ...current, [ name ]: value } ) );
	const toggleIn = ( name, value ) => ( checked ) =>
		set( name )(
			checked
				? [ ...( settings[ name ] ?? [] ), value ]
				: ( settings[ name ] ?? [] ).filter( ( v ) => v !== value )
		);

	const save = () => {
		setSaving( true );
		setNotice( null );
		const data = {
			shareworthy_policy_text: settings.shareworthy_policy_text,
			shareworthy_policy: policy,
			shareworthy_networks: settings.shareworthy_networks,
			shareworthy_utm_medium: settings.shareworthy_utm_medium,
			shareworthy_cost_per_click: Number(
				settings.shareworthy_cost_per_click
			),
			shareworthy_click_retention_months: Number(
				settings.shareworthy_click_retention_months
			),
			shareworthy_allowed_hosts: toList(
				String(
					settings.shareworthy_allowed_hosts_text ??
						fromList( settings.shareworthy_allowed_hosts )
				)
			),
			shareworthy_post_types: settings.shareworthy_post_types,
		};
		apiFetch( { path: '/wp/v2/settings', method: 'POST', data } )
			.then(
				( saved ) => {
					setSettings( saved );
					setNotice( {
						status: 'success',
						text: __( 'Settings saved.', 'shareworthy' ),
					} );
				},
				( error ) =>
					setNotice( { status: 'error', text: error.message } )
			)
			.finally( () => setSaving( false ) );
	};

	return (
		<form
			className="shareworthy-settings"
			onSubmit={ ( event ) => {
				event.preventDefault();
				save();
			} }
		>
			{ notice && (
				<Notice
					status={ notice.status }
					onRemove={ () => setNotice( null ) }
				>
					{ notice.text }
				</Notice>
			) }
			<h2>{ __( 'Social media policy', 'shareworthy' ) }</h2>
			<TextareaControl
				label={ __( 'Policy text employees accept', 'shareworthy' ) }
				help={ sprintf(
					/* translators: %d: policy version number */
					__(
						'Version %d. Saving a changed text raises the version: employees accept it again before their next share.',
						'shareworthy'
					),
					config.policyVersion
				) }
				rows={ 6 }
				value={ settings.shareworthy_policy_text ?? '' }
				onChange={ set( 'shareworthy_policy_text' ) }
				__nextHasNoMarginBottom
			/>
			{ POLICY_LISTS.map( ( [ key, label ] ) => (
				<TextareaControl
					key={ key }
					label={ label() }
					help={ __( 'One per line.', 'shareworthy' ) }
					rows={ 3 }
					value={ lists[ key ] ?? '' }
					onChange={ ( value ) =>
						setLists( ( current ) => ( {
							...current,
							[ key ]: value,
						} ) )
					}
					__nextHasNoMarginBottom
				/>
			) ) }
			<ToggleControl
				label={ __(
					'Detect personal data (email addresses, phone numbers)',
					'shareworthy'
				) }
				checked={ !! policy.detectPersonalData }
				onChange={ ( value ) =>
					set( 'shareworthy_policy' )( {
						...policy,
						detectPersonalData: value,
					} )
				}
				__nextHasNoMarginBottom
			/>
			{ checker.issues.length > 0 && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'These entries cannot be checked and will be refused:',
						'shareworthy'
					) }
					<ul>
						{ checker.issues.map( ( issue ) => (
							<li key={ issue.path.join( '.' ) }>
								{ issue.message }
							</li>
						) ) }
					</ul>
				</Notice>
			) }
			<fieldset className="shareworthy-settings__preview">
				<legend>
					{ __(
						'Try the policy on a sample message',
						'shareworthy'
					) }
				</legend>
				<TextareaControl
					label={ __( 'Sample message', 'shareworthy' ) }
					rows={ 3 }
					value={ sample }
					onChange={ setSample }
					__nextHasNoMarginBottom
				/>
				<SelectControl
					label={ __( 'Network', 'shareworthy' ) }
					value={ sampleNetwork }
					options={ Object.entries( config.networks ).map(
						( [ value, label ] ) => ( { value, label } )
					) }
					onChange={ setSampleNetwork }
					__nextHasNoMarginBottom
					__next40pxDefaultSize
				/>
				<div role="status" aria-live="polite">
					{ preview.findings.length === 0 ? (
						<p className="shareworthy-settings__ok">
							{ __(
								'No findings: this message could be shared.',
								'shareworthy'
							) }
						</p>
					) : (
						<ul className="shareworthy-settings__findings">
							{ preview.findings.map( ( finding, index ) => (
								<li
									key={ index }
									data-severity={ finding.severity }
								>
									{ finding.message }
								</li>
							) ) }
						</ul>
					) }
				</div>
			</fieldset>

			<h2>{ __( 'Networks and links', 'shareworthy' ) }</h2>
			<fieldset>
				<legend>
					{ __( 'Networks employees may share to', 'shareworthy' ) }
				</legend>
				{ Object.entries( config.networks ).map( ( [ id, label ] ) => (
					<CheckboxControl
						key={ id }
						label={ label }
						checked={ (
							settings.shareworthy_networks ?? []
						).includes( id ) }
						onChange={ toggleIn( 'shareworthy_networks', id ) }
						__nextHasNoMarginBottom
					/>
				) ) }
			</fieldset>
			<TextControl
				label={ __( 'utm_medium of shared links', 'shareworthy' ) }
				placeholder={ config.utmMedium }
				value={ settings.shareworthy_utm_medium ?? '' }
				onChange={ set( 'shareworthy_utm_medium' ) }
				__nextHasNoMarginBottom
				__next40pxDefaultSize
			/>
			<TextareaControl
				label={ __( 'Hosts public URLs may point to', 'shareworthy' ) }
				help={ __(
					'One per line, subdomains included; empty: any.',
					'shareworthy'
				) }
				rows={ 3 }
				value={
					settings.shareworthy_allowed_hosts_text ??
					fromList( settings.shareworthy_allowed_hosts )
				}
				onChange={ set( 'shareworthy_allowed_hosts_text' ) }
				__nextHasNoMarginBottom
			/>
			{ config.postTypes.length > 0 && (
				<fieldset>
					<legend>
						{ __(
							'Other post types that can be shared (posts and pages always can)',
							'shareworthy'
						) }
					</legend>
					{ config.postTypes.map( ( { value, label } ) => (
						<CheckboxControl
							key={ value }
							label={ label }
							checked={ (
								settings.shareworthy_post_types ?? []
							).includes( value ) }
							onChange={ toggleIn(
								'shareworthy_post_types',
								value
							) }
							__nextHasNoMarginBottom
						/>
					) ) }
				</fieldset>
			) }

			<h2>{ __( 'Reports and retention', 'shareworthy' ) }</h2>
			<TextControl
				type="number"
				min={ 0 }
				max={ 1000 }
				step="0.01"
				label={ __(
					'Value of one click (earned media value)',
					'shareworthy'
				) }
				value={ String( settings.shareworthy_cost_per_click ?? 0 ) }
				onChange={ set( 'shareworthy_cost_per_click' ) }
				__nextHasNoMarginBottom
				__next40pxDefaultSize
			/>
			<TextControl
				type="number"
				min={ 1 }
				max={ 120 }
				label={ __( 'Keep clicks for (months)', 'shareworthy' ) }
				value={ String(
					settings.shareworthy_click_retention_months ?? 13
				) }
				onChange={ set( 'shareworthy_click_retention_months' ) }
				__nextHasNoMarginBottom
				__next40pxDefaultSize
			/>
			<p>
				<Button
					variant="primary"
					type="submit"
					isBusy={ saving }
					disabled={ saving || checker.issues.length > 0 }
					__next40pxDefaultSize
				>
					{ __( 'Save settings', 'shareworthy' ) }
				</Button>
			</p>
		</form>
	);
}
