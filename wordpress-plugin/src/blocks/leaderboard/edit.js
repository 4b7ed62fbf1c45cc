import { __ } from '@wordpress/i18n';
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import {
	Disabled,
	ExternalLink,
	Notice,
	PanelBody,
	RangeControl,
	SelectControl,
} from '@wordpress/components';
import ServerSideRender from '@wordpress/server-side-render';

import { periodOptions } from './periods';

/**
 * Editor view of the leaderboard: period and size, and the server's rendering (who is on
 * it depends on opt-ins and on who reads). While gamification is off, a notice instead.
 *
 * @param {Object}   props               Block props.
 * @param {Object}   props.attributes    Attributes.
 * @param {Function} props.setAttributes Attribute setter.
 * @return {Element} The editor UI.
 */
export default function Edit( { attributes, setAttributes } ) {
	const { enabled = false, settingsUrl = '' } =
		window.shareworthyLeaderboard ?? {};
	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Leaderboard', 'shareworthy' ) }>
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Period', 'shareworthy' ) }
						value={ attributes.period }
						options={ periodOptions() }
						onChange={ ( period ) => setAttributes( { period } ) }
					/>
					<RangeControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Employees shown', 'shareworthy' ) }
						value={ attributes.limit }
						min={ 1 }
						max={ 50 }
						onChange={ ( limit ) => setAttributes( { limit } ) }
					/>
				</PanelBody>
			</InspectorControls>
			<div { ...useBlockProps() }>
				{ enabled ? (
					// Disabled: links of the preview (the profile link) must not navigate away.
					<Disabled>
						<ServerSideRender
							block="shareworthy/leaderboard"
							attributes={ attributes }
						/>
					</Disabled>
				) : (
					<Notice status="info" isDismissible={ false }>
						{ __(
							'Gamification is off, so this leaderboard shows nothing to readers.',
							'shareworthy'
						) }{ ' ' }
						{ settingsUrl && (
							<ExternalLink href={ settingsUrl }>
								{ __(
									'Turn it on in the settings',
									'shareworthy'
								) }
							</ExternalLink>
						) }
					</Notice>
				) }
			</div>
		</>
	);
}
