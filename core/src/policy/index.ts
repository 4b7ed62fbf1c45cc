/**
 * The social-media policy checked live while an employee edits a post.
 * @packageDocumentation
 */
export { compilePolicy, checkPolicy, POLICY_SEVERITY } from './policy.js';
export type { CompiledPolicy, Finding, PolicyConfig, PolicyContext, PolicyItem, PolicyReport, Severity } from './policy.js';
export type { FindingCode, PolicyLocale } from './messages.js';
export { NETWORK_LIMITS } from './networks.js';
export type { LengthUnit, NetworkLimit } from './networks.js';
