import { __ } from '@wordpress/i18n';
import { useBlockProps } from '@wordpress/block-editor';

/** Networks shown in the editor preview; the page shows those the site's settings allow. */
const PREVIEW = [ 'LinkedIn', 'X', 'Bluesky' ];

/**
 * Editor view of the share block: a static preview. The real links depend on who reads the
 * page (employees get tracked links; visitors plain ones only when Shareworthy → Settings
 * turns public share buttons on), so they are rendered on the server.
 *
 * @return {Element} The editor UI.
 */
export default function Edit() {
	return (
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
	);
}
