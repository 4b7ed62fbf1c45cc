import { __ } from '@wordpress/i18n';
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import { PanelBody, ToggleControl } from '@wordpress/components';

/** Networks shown in the editor preview; the page shows those the site's policy allows. */
const PREVIEW = [ 'LinkedIn', 'X', 'Bluesky' ];

/**
 * Editor view of the share block: a static preview (the real links depend on who reads the
 * page, so they are rendered on the server) and the public-links setting.
 *
 * @param {Object}   props               Block props.
 * @param {Object}   props.attributes    Attributes.
 * @param {Function} props.setAttributes Attribute setter.
 * @return {Element} The editor UI.
 */
export default function Edit( { attributes, setAttributes } ) {
	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Visitors', 'shareworthy' ) }>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __(
							'Show public share links to visitors who are not logged in',
							'shareworthy'
						) }
						help={ __(
							'Plain links without tracking. Employees always get their tracked links.',
							'shareworthy'
						) }
						checked={ attributes.publicLinks }
						onChange={ ( publicLinks ) =>
							setAttributes( { publicLinks } )
						}
					/>
				</PanelBody>
			</InspectorControls>
			<div { ...useBlockProps() }>
				<p className="shareworthy-share__title">
					{ __( 'Share this article', 'shareworthy' ) }
				</p>
				<ul className="shareworthy-share__links">
					{ PREVIEW.map( ( name ) => (
						<li key={ name }>
							<span className="shareworthy-share__link">
								{ name }
							</span>
						</li>
					) ) }
				</ul>
			</div>
		</>
	);
}
