import { __ } from '@wordpress/i18n';
import {
	InspectorControls,
	useBlockProps,
	RichText,
} from '@wordpress/block-editor';
import { PanelBody, RangeControl } from '@wordpress/components';

/**
 * Editor view of the feed block: the heading and page size. The items depend on who reads
 * the page (audience, what they shared), so they are rendered on the server.
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
				<PanelBody title={ __( 'Feed', 'shareworthy' ) }>
					<RangeControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Articles per page', 'shareworthy' ) }
						value={ attributes.perPage }
						min={ 1 }
						max={ 50 }
						onChange={ ( perPage ) => setAttributes( { perPage } ) }
					/>
				</PanelBody>
			</InspectorControls>
			<div { ...useBlockProps() }>
				<RichText
					tagName="h2"
					className="shareworthy-feed__title"
					value={ attributes.title }
					onChange={ ( title ) => setAttributes( { title } ) }
					placeholder={ __( 'Articles to share', 'shareworthy' ) }
				/>
				<p className="shareworthy-feed__empty">
					{ __(
						'Each employee sees the articles targeted at them here, most important first, with their share links.',
						'shareworthy'
					) }
				</p>
			</div>
		</>
	);
}
