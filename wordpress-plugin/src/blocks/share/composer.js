/**
 * The composer's heavy half, loaded on the first open of the share dialog: core's policy
 * check, network counting (X's weighting tables, grapheme segmentation) and the share-intent
 * builder, so the intent carries the message as the employee edited it.
 */
export { measureMessage } from '../../shared/measure';
export { createPolicyChecker } from '../../shared/policy';
export { shareIntentUrl } from '@shareworthy/core';
