/**
 * Text measurement: X's weighted length (exact twitter-text semantics) and grapheme counts.
 * @packageDocumentation
 */
export { countGraphemes } from './graphemes.js';
export { X_CONFIG_V2, X_CONFIG_V3, type XCountConfig, type XWeightRange } from './x-config.js';
export { parseXPost, type XParseOptions, type XPostLength } from './x-count.js';
export { extractXUrls, type XUrlEntity } from './x-urls.js';
