/**
 * The share composer for one item: pick a network, edit the suggested message with its live
 * length and policy findings, accept the policy on the first share, then open the network's
 * share page with the tracked link. The network opens from a plain link (a new window), never
 * a network script: SharePoint's CSP forbids third-party scripts, Teams' launcher included.
 */
import * as React from 'react';
import { checkPolicy, itemNetworks, shareIntentUrl, type Network, type ShareableItem } from '@shareworthy/core';
import * as strings from 'ShareWebPartStrings';
import type { ServiceError } from '../services/errors';
import type { Settings } from '../services/SettingsService';
import { postLength } from './length';
import { errorMessage } from './messages';
import { format, NETWORK_NAMES } from './networkNames';
import styles from './Share.module.scss';

/** What the composer needs from the services (fakes in tests and the harness). */
export interface ShareActions {
  readonly hasAccepted: (version: string) => Promise<boolean>;
  readonly accept: (version: string) => Promise<void>;
  readonly link: (request: { publicUrl: string; itemId: string; campaign: string; network: Network; shareId: string }) => Promise<string>;
  readonly record: (share: { shareId: string; item: ShareableItem; network: Network; trackedUrl: string }) => Promise<void>;
  /** Opens a URL in a new window; returns false when a popup blocker stopped it. */
  readonly open: (url: string) => boolean;
  readonly newShareId: () => string;
  readonly raiseConcern: (item: ShareableItem, message: string) => Promise<void>;
}

/** Props of {@link Share}. */
export interface ShareProps {
  readonly item: ShareableItem;
  /** `policyIssues`: a stored policy that does not compile blocks sharing (fails closed) until an owner fixes it. */
  readonly settings: Pick<Settings, 'policy'> & Partial<Pick<Settings, 'policyIssues'>>;
  readonly actions: ShareActions;
  readonly locale?: 'en' | 'fr';
  readonly now?: Date;
  /** Called after a share was recorded. */
  readonly onShared?: (network: Network) => void;
}

const suggested = (item: ShareableItem, network: Network): string => item.messages[network] ?? item.messages.default ?? item.title;

/**
 * The composer.
 * @param props item, settings and actions
 * @returns the element
 * @example <Share item={item} settings={settings} actions={actions} />
 */
export function Share(props: ShareProps): React.ReactElement {
  const { item, settings, actions } = props;
  const networks = itemNetworks(item);
  const [network, setNetwork] = React.useState<Network>(networks[0] ?? 'linkedin');
  const [text, setText] = React.useState(() => suggested(item, networks[0] ?? 'linkedin'));
  const [accepting, setAccepting] = React.useState(false);
  const [agreed, setAgreed] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<ServiceError | Error | undefined>();
  const [ready, setReady] = React.useState<{ network: Network; url: string; opened: boolean } | undefined>();
  const [concern, setConcern] = React.useState('');
  const [concernSent, setConcernSent] = React.useState(false);
  const idBase = `sw-share-${item.id}`;

  const length = postLength(text, network);
  const policy = settings.policy;
  const report = policy === undefined
    ? { ok: true, findings: [] as const }
    : checkPolicy(text, policy.compiled, { network, item, ...(props.now ? { now: props.now } : {}), locale: props.locale ?? 'en' });
  const policyBroken = (settings.policyIssues ?? []).length > 0;
  const blocked = policyBroken || !report.ok || length.over || text.trim() === '';

  const choose = (next: Network): void => {
    // Keep what the employee wrote; only an untouched suggestion follows the network.
    if (text === suggested(item, network)) setText(suggested(item, next));
    setNetwork(next);
    setReady(undefined);
  };

  /**
   * Runs an action from a button: busy meanwhile, and a failure becomes the composer's error
   * message, so no promise is left for React to drop.
   */
  const act = (task: () => Promise<void>): (() => void) => () => {
    setError(undefined);
    setBusy(true);
    task()
      .catch((failure: Error) => setError(failure))
      .finally(() => setBusy(false));
  };

  const go = async (): Promise<void> => {
    const shareId = actions.newShareId();
    const trackedUrl = await actions.link({ publicUrl: item.publicUrl, itemId: item.id, campaign: item.campaign ?? '', network, shareId });
    const intent = shareIntentUrl(network, { url: trackedUrl, text, title: item.title });
    await actions.record({ shareId, item, network, trackedUrl });
    setReady({ network, url: intent, opened: actions.open(intent) });
    props.onShared?.(network);
  };

  const share = act(async () => {
    if (policy !== undefined && !(await actions.hasAccepted(policy.version))) {
      setAccepting(true);
      return;
    }
    await go();
  });

  const accept = act(async () => {
    if (policy === undefined) return;
    await actions.accept(policy.version);
    setAccepting(false);
    await go();
  });

  const sendConcern = act(async () => {
    await actions.raiseConcern(item, concern);
    setConcern('');
    setConcernSent(true);
  });

  return (
    <div className={styles.composer} role="group" aria-label={format(strings.ComposerLabel, { title: item.title })}>
      <h3 className={styles.title}>{item.title}</h3>
      <div className={styles.networks} role="radiogroup" aria-label={strings.NetworkLabel}>
        {networks.map((candidate) => (
          <button key={candidate} type="button" role="radio" aria-checked={candidate === network} className={styles.network} onClick={() => choose(candidate)}>
            {NETWORK_NAMES[candidate]}
          </button>
        ))}
      </div>
      <div>
        <label className={styles.label} htmlFor={`${idBase}-text`}>{strings.MessageLabel}</label>
        <textarea
          id={`${idBase}-text`}
          className={styles.text}
          value={text}
          onChange={(event) => { setText(event.target.value); setReady(undefined); }}
          aria-describedby={`${idBase}-count ${idBase}-findings`}
          aria-invalid={blocked}
        />
      </div>
      <p id={`${idBase}-count`} className={`${styles.small} ${length.over ? styles.over : ''}`} aria-live="polite">
        {length.max === undefined
          ? format(strings.CountNoLimit, { length: length.length })
          : format(strings.Count, { length: length.length, max: length.max, network: NETWORK_NAMES[network] })}
      </p>
      <div id={`${idBase}-findings`} aria-live="polite">
        {report.findings.map((finding) => (
          <p key={`${finding.code}-${finding.start}`} className={`${styles.bar} ${finding.severity === 'block' ? styles.block : styles.warn}`}>
            {finding.message}
            {finding.end > finding.start ? ` « ${text.slice(finding.start, finding.end)} »` : ''}
          </p>
        ))}
      </div>
      {policyBroken && <p className={`${styles.bar} ${styles.block}`}>{strings.PolicyInvalid}</p>}
      <p className={styles.small}>{strings.Disclosure}</p>
      {accepting && policy !== undefined ? (
        <section className={styles.policy} aria-label={strings.PolicyTitle}>
          <h4>{strings.PolicyTitle}</h4>
          <p>{policy.summary}</p>
          <label>
            <input type="checkbox" checked={agreed} onChange={(event) => setAgreed(event.target.checked)} /> {strings.PolicyAgree}
          </label>
          <button type="button" className={styles.primary} disabled={!agreed || busy} onClick={accept}>{strings.PolicyAccept}</button>
        </section>
      ) : (
        <button type="button" className={styles.primary} disabled={blocked || busy} onClick={share}>
          {format(strings.ShareOn, { network: NETWORK_NAMES[network] })}
        </button>
      )}
      <details className={styles.small}>
        <summary>{strings.ConcernSummary}</summary>
        <label className={styles.label} htmlFor={`${idBase}-concern`}>{strings.ConcernLabel}</label>
        <textarea id={`${idBase}-concern`} className={styles.text} value={concern} maxLength={4000} onChange={(event) => { setConcern(event.target.value); setConcernSent(false); }} />
        <button type="button" className={styles.primary} disabled={concern.trim() === '' || busy} onClick={sendConcern}>{strings.ConcernSend}</button>
        {concernSent && <p role="status">{strings.ConcernSent}</p>}
      </details>
      {error !== undefined && <p className={`${styles.bar} ${styles.block}`} role="alert">{errorMessage(error, strings)}</p>}
      {ready !== undefined && (
        <p className={`${styles.bar} ${styles.success}`} role="status">
          {ready.opened ? strings.Opened : strings.Blocked}{' '}
          <a className={styles.link} href={ready.url} target="_blank" rel="noopener noreferrer">{format(strings.OpenNetwork, { network: NETWORK_NAMES[ready.network] })}</a>
        </p>
      )}
    </div>
  );
}
