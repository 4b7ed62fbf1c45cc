/**
 * Settings from the "Shareworthy Settings" list: one row per key (Title), its value JSON in
 * SwValue. Keys: `policy` (`{ version, summary, config }` with `config` a core PolicyConfig),
 * `tracker` (`{ url, key }`), `report` (`{ costPerClick, eligibleEmployees }`).
 */
import type { SPFI } from '@pnp/sp';
import { compilePolicy, type CompiledPolicy, type Issue, type PolicyConfig } from '@shareworthy/core';
import { currentUserId } from './currentUser';
import { toServiceError } from './errors';
import { LISTS, type SpValue } from './schema';

/** The policy employees accept before their first share. */
export interface PolicySettings {
  /** Changes when the policy text changes; employees accept each version. */
  readonly version: string;
  /** Policy text shown for acceptance. */
  readonly summary: string;
  readonly compiled: CompiledPolicy;
}

/** Everything the web parts read from settings. */
export interface Settings {
  /** Undefined when no policy is set; `issues` when the stored config is invalid. */
  readonly policy?: PolicySettings;
  readonly policyIssues: readonly Issue[];
  readonly tracker?: { readonly url: string; readonly key: string };
  readonly costPerClick: number;
  readonly eligibleEmployees: number;
}

/** One row of the Settings list: a key and its JSON value. */
export interface SettingRow {
  readonly Title: SpValue<string>;
  readonly SwValue: SpValue<string>;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);

/**
 * Builds {@link Settings} from key/value rows; a value that is not JSON is an issue, not a crash.
 * @param rows `{ Title, SwValue }` rows
 * @returns the settings
 * @example parseSettings([{ Title: 'report', SwValue: '{"costPerClick":1.5}' }]).costPerClick // 1.5
 */
export function parseSettings(rows: readonly SettingRow[]): Settings {
  const values = new Map<string, unknown>();
  const issues: Issue[] = [];
  for (const row of rows) {
    if (row.Title === null) continue;
    try {
      values.set(row.Title.trim(), JSON.parse(row.SwValue ?? 'null') as unknown);
    } catch {
      issues.push({ path: [row.Title], code: 'invalid-json', message: `The value of "${row.Title}" is not JSON.` });
    }
  }
  const policyValue = record(values.get('policy'));
  let policy: PolicySettings | undefined;
  if (values.has('policy')) {
    const compiled = compilePolicy(record(policyValue.config) as PolicyConfig);
    if (compiled.success) policy = { version: str(policyValue.version) ?? '1', summary: str(policyValue.summary) ?? '', compiled: compiled.output };
    else issues.push(...compiled.issues.map((issue) => ({ ...issue, path: ['policy', 'config', ...issue.path] })));
  }
  const tracker = record(values.get('tracker'));
  const trackerUrl = str(tracker.url);
  const report = record(values.get('report'));
  return {
    ...(policy === undefined ? {} : { policy }),
    policyIssues: issues,
    ...(trackerUrl === undefined ? {} : { tracker: { url: trackerUrl.replace(/\/+$/u, ''), key: str(tracker.key) ?? '' } }),
    costPerClick: num(report.costPerClick),
    eligibleEmployees: num(report.eligibleEmployees),
  };
}

/** Reads settings and policy acceptances. */
export class SettingsService {
  /** @param sp the page's SPFI */
  public constructor(private readonly sp: SPFI) {}

  /**
   * Reads every setting.
   * @returns the settings
   * @example const { policy } = await new SettingsService(sp).load();
   */
  public async load(): Promise<Settings> {
    try {
      const rows = await this.sp.web.lists.getByTitle(LISTS.settings).items.select('Title', 'SwValue').top(100)<SettingRow[]>();
      return parseSettings(rows);
    } catch (error) {
      throw toServiceError(error, `reading ${LISTS.settings}`);
    }
  }

  /**
   * Whether the current user accepted this policy version.
   * @param version policy version
   * @returns true once accepted
   * @example if (!(await settings.hasAccepted('3'))) showPolicy()
   */
  public async hasAccepted(version: string): Promise<boolean> {
    try {
      const me = await currentUserId(this.sp);
      const rows = await this.sp.web.lists
        .getByTitle(LISTS.acceptances)
        .items.select('Id')
        .filter(`AuthorId eq ${me} and SwPolicyVersion eq '${version.replace(/'/gu, "''")}'`)
        .top(1)<{ Id: number }[]>();
      return rows.length > 0;
    } catch (error) {
      throw toServiceError(error, `reading ${LISTS.acceptances}`);
    }
  }

  /**
   * Records that the current user accepted this policy version.
   * @param version policy version
   * @example await settings.accept('3')
   */
  public async accept(version: string): Promise<void> {
    try {
      await this.sp.web.lists.getByTitle(LISTS.acceptances).items.add({ Title: `Policy ${version}`, SwPolicyVersion: version });
    } catch (error) {
      throw toServiceError(error, `recording your policy acceptance in ${LISTS.acceptances}`);
    }
  }
}
