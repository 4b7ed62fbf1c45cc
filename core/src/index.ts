/**
 * `@shareworthy/core`: the one place where Shareworthy's rules live. Hosts (WordPress,
 * SharePoint, the click tracker) call these functions; nothing is written twice.
 * @packageDocumentation
 */
export * from './result.js';
export * from './links/index.js';
export * from './policy/index.js';
export * from './curation/index.js';
export * from './tracking/index.js';
export * from './reports/index.js';
export * from './text/index.js';
