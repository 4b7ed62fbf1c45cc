import { __ } from '@wordpress/i18n';
import apiFetch from '@wordpress/api-fetch';
import { useSelect } from '@wordpress/data';
import { store as editorStore } from '@wordpress/editor';
import { useEffect, useState } from '@wordpress/element';

import { summaryFigures } from './summary-figures';
import './summary.scss';

/**
 * Shares, counted clicks and clicks per share of the post so far (all time), for users who
 * may see reports (`window.shareworthySummary.canView`). Read once per saved post.
 *
 * @return {Element|null} The figures, or nothing.
 */
export default function ShareSummary() {
	const canView = Boolean( window.shareworthySummary?.canView );
	const { postId, isNew } = useSelect(
		( select ) => ( {
			postId: select( editorStore ).getCurrentPostId(),
			isNew: select( editorStore ).isEditedPostNew(),
		} ),
		[]
	);
	const [ summary, setSummary ] = useState( null );
	useEffect( () => {
		if ( ! canView || isNew || ! postId ) {
			return undefined;
		}
		let live = true;
		apiFetch( { path: `/shareworthy/v1/summaries/${ postId }` } )
			.then( ( data ) => live && setSummary( data ) )
			// The figures are a convenience: without them the panel still edits the post.
			.catch( () => live && setSummary( null ) );
		return () => {
			live = false;
		};
	}, [ canView, isNew, postId ] );

	if ( ! summary ) {
		return null;
	}
	const figures = summaryFigures(
		summary,
		document.documentElement.lang || 'en'
	);
	return (
		<div className="shareworthy-summary">
			<p className="shareworthy-summary__title">
				{ __( 'Sharing so far (all time)', 'shareworthy' ) }
			</p>
			<dl className="shareworthy-summary__figures">
				<div>
					<dt>{ __( 'Shares', 'shareworthy' ) }</dt>
					<dd>{ figures.shares }</dd>
				</div>
				<div>
					<dt>{ __( 'Clicks', 'shareworthy' ) }</dt>
					<dd>{ figures.clicks }</dd>
				</div>
				<div>
					<dt>{ __( 'Clicks per share', 'shareworthy' ) }</dt>
					<dd>{ figures.ctr }</dd>
				</div>
			</dl>
		</div>
	);
}
