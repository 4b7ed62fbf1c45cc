/**
 * Links: UTM tagging, share-intent links and safe redirect targets.
 * @packageDocumentation
 */
export { appendUtm, type AppendUtmOptions, type Utm } from './utm.js';
export { NETWORKS, NETWORK_NAMES, shareIntentUrl, type Network, type ShareContent } from './share.js';
export { DEFAULT_UTM_MEDIUM, campaignSlug, shareUtm, trackedShareUrl, type ShareTracking } from './tracking.js';
export { validateTargetUrl, type TargetOptions } from './target.js';
