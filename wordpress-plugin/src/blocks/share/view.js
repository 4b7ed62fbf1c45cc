/**
 * Front end of the share and feed blocks (Interactivity API). The links rendered by PHP work
 * without this module; with it, a click opens the composer instead of the server redirect.
 *
 * This module stays small: the policy check and X's counting (core's text tables) live in
 * the composer chunk, imported on the first open only.
 */
import {
	store,
	getContext,
	getElement,
	withScope,
} from '@wordpress/interactivity';

import { startingMessage } from '../../shared/message';

/** Loaded composer chunk (`measureMessage`, `createPolicyChecker`), once per page. */
let composer = null;
let checker = null;
/** Element that opened the dialog, to give focus back when it closes. */
let opener = null;
/** Last report, so the several getters of one render run the check once. */
let last = { key: null, report: null, measure: null };

const format = ( template, ...values ) =>
	values.reduce(
		( text, value, i ) => text.replace( `%${ i + 1 }$s`, String( value ) ),
		template
	);

/**
 * Checks the context's message, once per (item, network, message).
 *
 * @param {Object} ctx Composer context.
 * @return {{ report: Object, measure: Object }|null} Null until the composer chunk is loaded.
 */
function evaluate( ctx ) {
	if ( ! ctx.ready || ! composer ) {
		return null;
	}
	const key = `${ ctx.itemId }\u0000${ ctx.network }\u0000${ ctx.message }`;
	if ( last.key !== key ) {
		const item = state.items[ ctx.itemId ] ?? {};
		if ( ! checker ) {
			checker = composer.createPolicyChecker(
				state.policy.config,
				state.locale
			);
		}
		last = {
			key,
			report: checker.check( ctx.message, ctx.network, {
				startsAt: item.startsAt || null,
				expiresAt: item.expiresAt || null,
			} ),
			measure: composer.measureMessage( ctx.message, ctx.network ),
		};
	}
	return last;
}

/**
 * POSTs JSON to a shareworthy/v1 route with the REST nonce.
 *
 * @param {string} path Route below shareworthy/v1/.
 * @param {Object} body Body.
 * @return {Promise<Object>} The decoded answer; rejects with the server's message on failure.
 */
async function post( path, body ) {
	const response = await fetch( state.restUrl + path, {
		method: 'POST',
		credentials: 'same-origin',
		headers: {
			'Content-Type': 'application/json',
			'X-WP-Nonce': state.nonce,
		},
		body: JSON.stringify( body ),
	} );
	const data = await response.json().catch( () => ( {} ) );
	if ( ! response.ok ) {
		throw new Error( data.message || String( response.status ) );
	}
	return data;
}

const { state } = store( 'shareworthy', {
	state: {
		get counter() {
			const result = evaluate( getContext() );
			if ( ! result ) {
				return '';
			}
			const { length, max } = result.measure;
			return max === null
				? format( state.i18n.counterNoLimit, length )
				: format( state.i18n.counter, length, max );
		},
		get isOver() {
			return evaluate( getContext() )?.measure.over ?? false;
		},
		get findings() {
			const result = evaluate( getContext() );
			const message = getContext().message;
			return ( result?.report.findings ?? [] ).map( ( finding, i ) => {
				// The flagged words, quoted after the sentence, stand in for underlining (a
				// textarea cannot underline), unless the sentence already quotes them.
				const words = message.slice( finding.start, finding.end );
				return {
					key: `${ finding.code }-${ finding.start }-${ i }`,
					isBlock: finding.severity === 'block',
					text:
						words && ! finding.message.includes( words )
							? format(
									state.i18n.quoted,
									finding.message,
									words
								)
							: finding.message,
				};
			} );
		},
		get cannotShare() {
			const ctx = getContext();
			const result = evaluate( ctx );
			return (
				! result ||
				! result.report.ok ||
				result.measure.over ||
				ctx.busy ||
				! ctx.message.trim()
			);
		},
		get needsPolicy() {
			return ! state.policy.accepted;
		},
		get showComposer() {
			return state.policy.accepted;
		},
		get itemShared() {
			return Boolean( state.items[ getContext().item ]?.shared );
		},
	},
	actions: {
		open( event ) {
			event.preventDefault();
			const ctx = getContext();
			const { ref } = getElement();
			const itemId = ref.dataset.item;
			const network = ref.dataset.network;
			const item = state.items[ itemId ] ?? {};
			opener = ref;
			ctx.itemId = itemId;
			ctx.network = network;
			ctx.networkLabel = ref.dataset.label ?? network;
			ctx.message = startingMessage(
				item.suggestions?.[ network ] ||
					item.suggestions?.default ||
					'',
				item.hashtags ?? [],
				state.policy.disclosure
			);
			ctx.error = '';
			ctx.intentUrl = '';
			ctx.open = true;
			if ( ! composer ) {
				import( /* webpackChunkName: "composer" */ './composer' ).then(
					withScope( ( module ) => {
						composer = module;
						ctx.ready = true;
					} ),
					// Offline or a stale cache: say so; the plain link still works.
					withScope( ( error ) => {
						ctx.error = format(
							state.i18n.shareFailed,
							error.message
						);
					} )
				);
			} else {
				ctx.ready = true;
			}
		},
		close() {
			const ctx = getContext();
			ctx.open = false;
			opener?.focus();
		},
		cancel() {
			getContext().open = false;
		},
		edit( event ) {
			getContext().message = event.target.value;
		},
		*acceptPolicy() {
			const ctx = getContext();
			ctx.busy = true;
			ctx.error = '';
			try {
				yield post( 'policy/acceptance', {
					version: state.policy.version,
				} );
				state.policy.accepted = true;
			} catch ( error ) {
				ctx.error = format( state.i18n.acceptFailed, error.message );
			} finally {
				ctx.busy = false;
			}
		},
		*share() {
			const ctx = getContext();
			// Opened inside the click, before any await: popup blockers allow only that.
			const popup = window.open(
				'',
				'shareworthy-share',
				'popup,width=640,height=720'
			);
			ctx.busy = true;
			ctx.error = '';
			try {
				const share = yield post( 'shares', {
					itemId: Number( ctx.itemId ),
					network: ctx.network,
				} );
				// The server's intent carries the editor's suggestion; rebuild it with the message
				// as the employee edited it (same core builder, same tracked link).
				const item = state.items[ ctx.itemId ] ?? {};
				ctx.intentUrl = composer
					? composer.shareIntentUrl( ctx.network, {
							url: share.trackedUrl,
							text: ctx.message,
							title: item.title ?? '',
						} )
					: share.intentUrl;
				if ( state.items[ ctx.itemId ] ) {
					item.shared = true;
				}
				if ( popup ) {
					popup.opener = null;
					popup.location.href = ctx.intentUrl;
					ctx.open = false;
				}
				// Without a popup the dialog stays open with a plain link to the intent.
			} catch ( error ) {
				popup?.close();
				ctx.error = format( state.i18n.shareFailed, error.message );
			} finally {
				ctx.busy = false;
			}
		},
		*report( event ) {
			event.preventDefault();
			const ctx = getContext();
			const form = getElement().ref;
			const reason = new FormData( form ).get( 'reason' );
			try {
				yield post( 'concerns', {
					itemId: Number( ctx.item ),
					reason,
				} );
				ctx.reportStatus = state.i18n.reportSent;
				form.reset();
			} catch ( error ) {
				ctx.reportStatus = format(
					state.i18n.reportFailed,
					error.message
				);
			}
		},
	},
	callbacks: {
		// After the policy is accepted its buttons disappear: focus moves on to the message.
		focusMessage() {
			const { ref } = getElement();
			if (
				getContext().open &&
				state.policy.accepted &&
				! ref.contains( ref.ownerDocument.activeElement )
			) {
				ref.querySelector( 'textarea' )?.focus();
			}
		},
		syncDialog() {
			const { ref } = getElement();
			const { open } = getContext();
			if ( open && ! ref.open ) {
				ref.showModal();
				// Straight to the message once the policy is accepted (not left to the
				// browser's choice of first focusable element).
				if ( state.policy.accepted ) {
					const message = ref.querySelector( 'textarea' );
					message?.focus();
					// On a busy page the composer's `hidden` binding can be applied after this
					// watch, when the textarea cannot take focus yet: try once more next frame.
					requestAnimationFrame( () => {
						if ( ref.open && ref.ownerDocument.activeElement !== message ) {
							message?.focus();
						}
					} );
				}
			} else if ( ! open && ref.open ) {
				ref.close();
			}
		},
	},
} );
