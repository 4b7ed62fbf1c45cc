// jsdom has no TextEncoder; core measures Bluesky's byte cap with it (Node's is the same API).
const { TextEncoder, TextDecoder } = require( 'util' );

if ( typeof globalThis.TextEncoder === 'undefined' ) {
	globalThis.TextEncoder = TextEncoder;
	globalThis.TextDecoder = TextDecoder;
}
// React 18: act() warns unless the environment says it is a test.
globalThis.IS_REACT_ACT_ENVIRONMENT = true;
