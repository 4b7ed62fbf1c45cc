/**
 * Shareworthy → Settings: every site-wide setting on one page. The policy employees accept
 * and the checks run on their messages (with a live preview through core's
 * compilePolicy/checkPolicy, as the share composer runs them), sharing, links and reports,
 * the click tracker and gamification. Saved through POST /shareworthy/v1/settings, which
 * validates each field and answers 400 naming the bad ones; their messages are shown under
 * the fields.
 */
import apiFetch from '@wordpress/api-fetch';
import {
	Button,
	Notice,
	SelectControl,
	Spinner,
	TextControl,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import {
	useCallback,
	useEffect,
	useMemo,
	useRef,
	useState,
} from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { createPolicyChecker } from '../../shared/policy';
import CheckboxList from './checkbox-list';
import { fieldErrors } from './errors';
import { fromList, toList } from './lines';
import TrackerStatus, { useTrackerCheck } from './tracker-status';

const PATH = '/shareworthy/v1/settings';

/** Lists edited one entry per line: field => [label, help]. */
const POLICY_LISTS = {
	blockedTerms: () => [
		__( 'Blocked terms', 'shareworthy' ),
		__(
			'One word or phrase per line, never to be posted. Matched whatever the case, accents or separators.',
			'shareworthy'
		),
	],
	confidentialMarkers: () => [
		__( 'Confidential markers', 'shareworthy' ),
		__(
			'One per line, e.g. "internal only": messages with them cannot be shared.',
			'shareworthy'
		),
	],
	requiredDisclosure: () => [
		__( 'Required disclosure tags', 'shareworthy' ),
		__(
			'One per line, e.g. #employee: every message needs one of them. Empty: none required.',
			'shareworthy'
		),
	],
	allowedLinkDomains: () => [
		__( 'Allowed link domains', 'shareworthy' ),
		__(
			'One per line, subdomains included. Empty: links may point anywhere.',
			'shareworthy'
		),
	],
};

/**
 * The message of a field's error, in a help text (so it is read with the field), or the help.
 *
 * @param {string|undefined} error Error message.
 * @param {string}           help  Help text.
 * @return {string|Element} Help content.
 */
const helpOrError = ( error, help ) =>
	error ? (
		<span className="shareworthy-settings__error">{ error }</span>
	) : (
		help
	);

/**
 * @param {Object}                                                                                                                  props
 * @param {{networks: Object<string, string>, postTypes: Array<{value: string, label: string}>, utmMedium: string, locale: string}} props.config From PHP.
 */
export default function SettingsApp( { config } ) {
	const [ settings, setSettings ] = useState( null );
	const [ texts, setTexts ] = useState( {} );
	const [ loadError, setLoadError ] = useState( null );
	const [ notice, setNotice ] = useState( null );
	const [ errors, setErrors ] = useState( {} );
	const form = useRef( null );
	const [ saving, setSaving ] = useState( false );
	const [ sample, setSample ] = useState(
		__(
			'Proud of the team! Read more: https://example.com/news #employee',
			'shareworthy'
		)
	);
	const [ sampleNetwork, setSampleNetwork ] = useState( 'linkedin' );
	const [ trackerCheck, runTrackerCheck ] = useTrackerCheck( config.locale );
	// The tracker URL and key as saved: the check tests those, not what is being typed.
	const savedTracker = useRef( null );

	const receive = useCallback( ( data ) => {
		setSettings( data );
		savedTracker.current = {
			url: data.trackerUrl,
			key: data.trackerApiKey,
		};
		setTexts( {
			...Object.fromEntries(
				Object.keys( POLICY_LISTS ).map( ( key ) => [
					key,
					fromList( data.policy?.[ key ] ),
				] )
			),
			allowedHosts: fromList( data.allowedHosts ),
		} );
	}, [] );

	const load = useCallback( () => {
		setLoadError( null );
		apiFetch( { path: PATH } ).then( receive, ( error ) =>
			setLoadError( error.message )
		);
	}, [ receive ] );
	useEffect( load, [ load ] );

	const policy = useMemo(
		() =>
			settings
				? {
						...settings.policy,
						...Object.fromEntries(
							Object.keys( POLICY_LISTS ).map( ( key ) => [
								key,
								toList( texts[ key ] ?? '' ),
							] )
						),
					}
				: {},
		[ settings, texts ]
	);
	// After a refused save, the keyboard goes to the first field whose message is shown.
	useEffect( () => {
		const message = form.current?.querySelector(
			'.shareworthy-settings__error'
		);
		message
			?.closest( '.components-base-control, fieldset' )
			?.querySelector( 'input, textarea, select' )
			?.focus();
	}, [ errors ] );
	const networkOptions = useMemo(
		() =>
			Object.entries( config.networks ).map( ( [ value, label ] ) => ( {
				value,
				label,
			} ) ),
		[ config.networks ]
	);
	const checker = useMemo(
		() => createPolicyChecker( policy, config.locale ),
		[ policy, config.locale ]
	);

	if ( ! settings ) {
		return loadError ? (
			<Notice status="error" isDismissible={ false }>
				<p>
					{ sprintf(
						/* translators: %s: error message */
						__(
							'The settings could not be loaded: %s',
							'shareworthy'
						),
						loadError
					) }
				</p>
				<Button variant="secondary" onClick={ load }>
					{ __( 'Try again', 'shareworthy' ) }
				</Button>
			</Notice>
		) : (
			<p role="status" className="shareworthy-settings__loading">
				<Spinner />
				{ __( 'Loading the settings…', 'shareworthy' ) }
			</p>
		);
	}

	const preview = checker.check( sample, sampleNetwork );
	const set = ( name ) => ( value ) =>
		setSettings( ( current ) => ( { ...current, [ name ]: value } ) );
	const setIn = ( name, key ) => ( value ) =>
		setSettings( ( current ) => ( {
			...current,
			[ name ]: { ...current[ name ], [ key ]: value },
		} ) );
	const setText = ( key ) => ( value ) =>
		setTexts( ( current ) => ( { ...current, [ key ]: value } ) );
	const integer = ( value ) => ( value === '' ? value : Number( value ) );

	const save = () => {
		setSaving( true );
		setNotice( null );
		setErrors( {} );
		const { policyVersion, ...fields } = settings;
		const data = {
			...fields,
			policy,
			allowedHosts: toList( texts.allowedHosts ?? '' ),
			costPerClick: Number( settings.costPerClick ),
			retentionDays: integer( settings.retentionDays ),
			gamification: {
				...settings.gamification,
				pointsPerShare: integer( settings.gamification.pointsPerShare ),
				pointsPerClick: integer( settings.gamification.pointsPerClick ),
			},
		};
		const trackerBefore = savedTracker.current;
		apiFetch( { path: PATH, method: 'POST', data } )
			.then(
				( saved ) => {
					receive( saved );
					if (
						'trackerUrl' in saved &&
						( data.trackerUrl !== trackerBefore?.url ||
							data.trackerApiKey !== trackerBefore?.key )
					) {
						runTrackerCheck();
					}
					setNotice( {
						status: 'success',
						text:
							saved.policyVersion !== policyVersion
								? sprintf(
										/* translators: %d: policy version number */
										__(
											'Settings saved. The policy is now version %d: employees accept it again before their next share.',
											'shareworthy'
										),
										saved.policyVersion
									)
								: __( 'Settings saved.', 'shareworthy' ),
					} );
				},
				( error ) => {
					setErrors( fieldErrors( error ) );
					setNotice( {
						status: 'error',
						text:
							error.code === 'rest_invalid_param'
								? __(
										'Nothing was saved: some settings need a correction (see the messages under them).',
										'shareworthy'
									)
								: sprintf(
										/* translators: %s: error message */
										__(
											'The settings could not be saved: %s',
											'shareworthy'
										),
										error.message
									),
					} );
				}
			)
			.finally( () => setSaving( false ) );
	};

	return (
		<form
			className="shareworthy-settings"
			ref={ form }
			onSubmit={ ( event ) => {
				event.preventDefault();
				save();
			} }
		>
			<section aria-labelledby="shareworthy-settings-policy">
				<h2 id="shareworthy-settings-policy">
					{ __( 'Social media policy', 'shareworthy' ) }
				</h2>
				<TextareaControl
					label={ __(
						'Policy text employees accept',
						'shareworthy'
					) }
					help={ helpOrError(
						errors.policyText,
						settings.policyVersion > 0
							? sprintf(
									/* translators: %d: policy version number */
									__(
										'Version %d. Saving a changed text raises the version: employees accept it again before their next share (their earlier acceptances are kept).',
										'shareworthy'
									),
									settings.policyVersion
								)
							: __(
									'No policy yet: employees share without accepting one.',
									'shareworthy'
								)
					) }
					rows={ 6 }
					value={ settings.policyText }
					onChange={ set( 'policyText' ) }
					__nextHasNoMarginBottom
				/>
				{ Object.entries( POLICY_LISTS ).map( ( [ key, text ] ) => {
					const [ label, help ] = text();
					return (
						<TextareaControl
							key={ key }
							label={ label }
							help={ helpOrError(
								errors[ `policy.${ key }` ],
								help
							) }
							rows={ 3 }
							value={ texts[ key ] ?? '' }
							onChange={ setText( key ) }
							__nextHasNoMarginBottom
						/>
					);
				} ) }
				<ToggleControl
					label={ __(
						'Warn about personal data (email addresses, phone numbers)',
						'shareworthy'
					) }
					checked={ !! policy.detectPersonalData }
					onChange={ ( value ) =>
						set( 'policy' )( {
							...policy,
							detectPersonalData: value,
						} )
					}
					__nextHasNoMarginBottom
				/>
				{ errors.policy && (
					<p className="shareworthy-settings__error">
						{ errors.policy }
					</p>
				) }
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
						options={ networkOptions }
						onChange={ setSampleNetwork }
						__nextHasNoMarginBottom
						__next40pxDefaultSize
					/>
					<div
						role="status"
						aria-live="polite"
						className="shareworthy-settings__result"
					>
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
										{ finding.severity === 'block'
											? __(
													'Blocks sharing:',
													'shareworthy'
												)
											: __(
													'Warning:',
													'shareworthy'
												) }{ ' ' }
										{ finding.message }
									</li>
								) ) }
							</ul>
						) }
					</div>
				</fieldset>
			</section>

			<section aria-labelledby="shareworthy-settings-sharing">
				<h2 id="shareworthy-settings-sharing">
					{ __( 'Sharing', 'shareworthy' ) }
				</h2>
				<CheckboxList
					legend={ __(
						'Networks employees may share to',
						'shareworthy'
					) }
					options={ networkOptions }
					selected={ settings.networks }
					onChange={ set( 'networks' ) }
					error={ errors.networks }
				/>
				<ToggleControl
					label={ __(
						'Show public share buttons to visitors who are not logged in',
						'shareworthy'
					) }
					help={ helpOrError(
						errors.publicButtons,
						__(
							'Plain links without tracking, on the share block. Employees always get their tracked links.',
							'shareworthy'
						)
					) }
					checked={ settings.publicButtons }
					onChange={ set( 'publicButtons' ) }
					__nextHasNoMarginBottom
				/>
				{ config.postTypes.length > 0 && (
					<CheckboxList
						legend={ __(
							'Other post types that can be shared (posts and pages always can)',
							'shareworthy'
						) }
						options={ config.postTypes }
						selected={ settings.postTypes }
						onChange={ set( 'postTypes' ) }
						error={ errors.postTypes }
					/>
				) }
				<TextareaControl
					label={ __(
						'Hosts public URLs may point to',
						'shareworthy'
					) }
					help={ helpOrError(
						errors.allowedHosts,
						__(
							'One per line, subdomains included; empty: any.',
							'shareworthy'
						)
					) }
					rows={ 3 }
					value={ texts.allowedHosts ?? '' }
					onChange={ setText( 'allowedHosts' ) }
					__nextHasNoMarginBottom
				/>
			</section>

			<section aria-labelledby="shareworthy-settings-links">
				<h2 id="shareworthy-settings-links">
					{ __( 'Links and reports', 'shareworthy' ) }
				</h2>
				<TextControl
					label={ __( 'utm_medium of shared links', 'shareworthy' ) }
					help={ helpOrError(
						errors.utmMedium,
						sprintf(
							/* translators: %s: default utm_medium */
							__(
								'Lower-case letters, digits, "-", "_" and "."; empty: %s.',
								'shareworthy'
							),
							config.utmMedium
						)
					) }
					placeholder={ config.utmMedium }
					value={ settings.utmMedium }
					onChange={ set( 'utmMedium' ) }
					__nextHasNoMarginBottom
					__next40pxDefaultSize
				/>
				<TextControl
					label={ __(
						'Campaign of items without one',
						'shareworthy'
					) }
					help={ helpOrError(
						errors.defaultCampaign,
						__(
							'Its slug is the utm_campaign of their links.',
							'shareworthy'
						)
					) }
					value={ settings.defaultCampaign }
					onChange={ set( 'defaultCampaign' ) }
					__nextHasNoMarginBottom
					__next40pxDefaultSize
				/>
				<TextControl
					type="number"
					min={ 0 }
					max={ 1000 }
					step="0.01"
					label={ __(
						'Value of one click (earned media value)',
						'shareworthy'
					) }
					help={ helpOrError(
						errors.costPerClick,
						__(
							'What a paid click would cost you; reports show clicks × this.',
							'shareworthy'
						)
					) }
					value={ String( settings.costPerClick ) }
					onChange={ set( 'costPerClick' ) }
					__nextHasNoMarginBottom
					__next40pxDefaultSize
				/>
				<TextControl
					type="number"
					min={ 1 }
					max={ 3650 }
					label={ __( 'Keep clicks for (days)', 'shareworthy' ) }
					help={ helpOrError(
						errors.retentionDays,
						__(
							'Older clicks are deleted every night. 395 days is about 13 months, the longest the CNIL allows for audience measurement.',
							'shareworthy'
						)
					) }
					value={ String( settings.retentionDays ) }
					onChange={ set( 'retentionDays' ) }
					__nextHasNoMarginBottom
					__next40pxDefaultSize
				/>
			</section>

			{ 'trackerUrl' in settings && (
				<section aria-labelledby="shareworthy-settings-tracker">
					<h2 id="shareworthy-settings-tracker">
						{ __( 'Click tracker', 'shareworthy' ) }
					</h2>
					<TextControl
						type="url"
						label={ __( 'Click tracker URL', 'shareworthy' ) }
						help={ helpOrError(
							errors.trackerUrl,
							__(
								"Empty: the site's own /go/ links.",
								'shareworthy'
							)
						) }
						value={ settings.trackerUrl }
						onChange={ set( 'trackerUrl' ) }
						__nextHasNoMarginBottom
						__next40pxDefaultSize
					/>
					<TextControl
						label={ __( 'Click tracker API key', 'shareworthy' ) }
						help={ helpOrError(
							errors.trackerApiKey,
							__(
								'Shown masked; leave it as it is to keep the key.',
								'shareworthy'
							)
						) }
						autoComplete="off"
						value={ settings.trackerApiKey }
						onChange={ set( 'trackerApiKey' ) }
						__nextHasNoMarginBottom
						__next40pxDefaultSize
					/>
					<TrackerStatus
						check={ trackerCheck }
						onCheck={ runTrackerCheck }
						edited={
							settings.trackerUrl !== savedTracker.current?.url ||
							settings.trackerApiKey !== savedTracker.current?.key
						}
					/>
				</section>
			) }

			<section aria-labelledby="shareworthy-settings-gamification">
				<h2 id="shareworthy-settings-gamification">
					{ __( 'Gamification', 'shareworthy' ) }
				</h2>
				<ToggleControl
					label={ __(
						'Give points for shares and clicks (leaderboard)',
						'shareworthy'
					) }
					help={ helpOrError(
						errors.gamification,
						__(
							'Only employees who opted in are shown by name.',
							'shareworthy'
						)
					) }
					checked={ settings.gamification.enabled }
					onChange={ setIn( 'gamification', 'enabled' ) }
					__nextHasNoMarginBottom
				/>
				<TextControl
					type="number"
					min={ 0 }
					step={ 1 }
					label={ __( 'Points per share', 'shareworthy' ) }
					value={ String( settings.gamification.pointsPerShare ) }
					onChange={ setIn( 'gamification', 'pointsPerShare' ) }
					__nextHasNoMarginBottom
					__next40pxDefaultSize
				/>
				<TextControl
					type="number"
					min={ 0 }
					step={ 1 }
					label={ __(
						'Points per counted click on a share',
						'shareworthy'
					) }
					value={ String( settings.gamification.pointsPerClick ) }
					onChange={ setIn( 'gamification', 'pointsPerClick' ) }
					__nextHasNoMarginBottom
					__next40pxDefaultSize
				/>
			</section>

			{ notice && (
				<Notice
					status={ notice.status }
					onRemove={ () => setNotice( null ) }
				>
					{ notice.text }
				</Notice>
			) }
			<p>
				<Button
					variant="primary"
					type="submit"
					isBusy={ saving }
					disabled={ saving || checker.issues.length > 0 }
					__next40pxDefaultSize
				>
					{ saving
						? __( 'Saving…', 'shareworthy' )
						: __( 'Save settings', 'shareworthy' ) }
				</Button>
			</p>
		</form>
	);
}
