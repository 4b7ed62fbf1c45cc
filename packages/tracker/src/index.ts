/**
 * `@shareworthy/tracker`: short links and privacy-first click counting, for intranets that
 * cannot receive clicks from outside.
 * @packageDocumentation
 */
export { buildApp, type AppOptions, type Tracker } from './app.js';
export { buildReport, parseReportQuery, type ReportGroup, type ReportQuery } from './reports.js';
export { CONFIG_OPTIONS, helpText, parseConfig, SCOPES, type BootstrapKey, type ConfigOption, type Scope, type TrackerConfig } from './config.js';
export { GroupCommit, type BatchWriter, type GroupCommitOptions } from './group-commit.js';
export { Metrics } from './metrics.js';
export { openStore, startTracker, type RunningTracker } from './server.js';
export { openPostgresStore, type PostgresOptions } from './store/postgres.js';
export { openSqliteStore, type SqliteOptions } from './store/sqlite.js';
export type { ClickInput, ClickRecord, LinkRecord, Removed, ReportData, Store, StoredApiKey } from './store/store.js';
