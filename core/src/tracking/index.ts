/**
 * Which visits to a tracked link are a person's click, and privacy-preserving visitor keys
 * to count unique clicks without storing IP addresses.
 * @packageDocumentation
 */
export { BOT_PATTERN, botKind, isBlankUserAgent, isBot } from './bots.js';
export { BOT_PATTERN_GROUPS, BOT_PATTERNS } from './patterns.js';
export type { BotKind, BotPatternGroup } from './patterns.js';
export { compileAlternation } from './alternation.js';
export { compileGroups, compileMatcher, requiredLiteral } from './matcher.js';
export { classifyVisit, PREFETCH_HEADER_PATTERNS } from './visit.js';
export type { VisitClassification, VisitReason, VisitRequest } from './visit.js';
export { normalizeIp } from './ip.js';
export { createDailySalt, utcDay, visitorKey, visitorKeyText } from './visitor-key.js';
export type { Sha256, VisitorKeyOptions } from './visitor-key.js';
export { DEDUPE_WINDOW_MS, isRepeatClick } from './dedupe.js';
