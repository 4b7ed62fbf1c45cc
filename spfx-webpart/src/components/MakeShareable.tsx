/**
 * "Make this page shareable": the editor's form, prefilled from the page's own metadata,
 * that creates the page's item in Shareworthy Items. Validated by core's `validateItem` (the
 * rules every host shares) plus each network's length limit and SharePoint's column limits.
 * Loaded on demand with its service (its own chunk), so readers never download it.
 */
import * as React from 'react';
import { NETWORKS, validateItem, type Issue, type ItemStatus, type Network, type Result, type ShareableItem } from '@shareworthy/core';
import * as strings from 'ShareWebPartStrings';
import { itemToFields, type PageMetadata } from '../services/PageItemService';
import { postLength } from './length';
import { errorMessage } from './messages';
import { format, NETWORK_NAMES } from './networkNames';
import styles from './Share.module.scss';

/** Props of {@link MakeShareable}. */
export interface MakeShareableProps {
  readonly page: PageMetadata;
  /** The Items list has content approval on: the item is created `pending`, else `approved`. */
  readonly moderated: boolean;
  /** Creates the item; resolves to its list item id. */
  readonly create: (item: ShareableItem) => Promise<number>;
  readonly onCreated: (id: number, status: ItemStatus) => void;
  readonly onCancel: () => void;
  readonly now?: () => Date;
}

/** What the editor types; every value a string, as the inputs hold it. */
export interface ItemDraft {
  readonly publicUrl: string;
  readonly title: string;
  readonly summary: string;
  readonly imageUrl: string;
  /** `default` and per-network messages; an empty one is no message. */
  readonly messages: Readonly<Partial<Record<Network | 'default', string>>>;
  readonly hashtags: string;
  readonly campaign: string;
  /** `YYYY-MM-DD` from a date input, or empty. */
  readonly startsAt: string;
  readonly expiresAt: string;
}

/**
 * Turns the form into an item: core's `validateItem`, then what it leaves to hosts (a
 * network's own length limit, SharePoint's 255-character text columns).
 * @param draft the form's values
 * @param page the page (its URL becomes the item's `intranetUrl`)
 * @param status `pending` or `approved`
 * @param now creation time
 * @returns the item, or every issue at once
 * @example draftToItem(draft, page, 'approved', new Date()).success
 */
export function draftToItem(draft: ItemDraft, page: Pick<PageMetadata, 'url'>, status: ItemStatus, now: Date): Result<ShareableItem> {
  const validated = validateItem({
    id: 'new',
    publicUrl: draft.publicUrl,
    intranetUrl: page.url,
    title: draft.title,
    summary: draft.summary,
    imageUrl: draft.imageUrl,
    messages: draft.messages,
    hashtags: draft.hashtags.split(/[,;\s]+/u),
    campaign: draft.campaign,
    kind: 'article',
    startsAt: draft.startsAt,
    expiresAt: draft.expiresAt,
    status,
    createdAt: now.toISOString(),
  });
  const over: Issue[] = NETWORKS.flatMap((network) => {
    const length = postLength(draft.messages[network] ?? '', network);
    return length.over ? [{ path: ['messages', network], code: 'too-long', message: format(strings.EditorOverLimit, { max: length.max ?? 0, network: NETWORK_NAMES[network] }) }] : [];
  });
  if (!validated.success) return { success: false, issues: [...validated.issues, ...over] };
  const fields = itemToFields(validated.output);
  const issues = [...over, ...(fields.success ? [] : fields.issues)];
  return issues.length === 0 ? validated : { success: false, issues };
}

const LABELS: Readonly<Record<string, string>> = {
  publicUrl: strings.PublicUrlLabel, intranetUrl: strings.PageUrlLabel, title: strings.TitleLabel, summary: strings.SummaryLabel,
  imageUrl: strings.ImageUrlLabel, messages: strings.MessageLabel, hashtags: strings.HashtagsLabel, campaign: strings.CampaignLabel,
  startsAt: strings.StartsAtLabel, expiresAt: strings.ExpiresAtLabel,
};

const describeIssue = (issue: Issue): string => {
  const [field, network] = issue.path;
  const label = LABELS[String(field)] ?? String(field);
  const where = field === 'messages' && typeof network === 'string' ? ` (${network === 'default' ? strings.AllNetworks : NETWORK_NAMES[network as Network] ?? network})` : '';
  return `${label}${where}: ${issue.message}`;
};

/**
 * The form.
 * @param props page, approval mode and callbacks
 * @returns the element
 * @example <MakeShareable page={page} moderated={false} create={create} onCreated={done} onCancel={close} />
 */
export function MakeShareable(props: MakeShareableProps): React.ReactElement {
  const { page } = props;
  const [draft, setDraft] = React.useState<ItemDraft>(() => ({
    publicUrl: page.url, title: page.title, summary: page.description, imageUrl: page.imageUrl ?? '',
    messages: { default: page.title }, hashtags: '', campaign: '', startsAt: '', expiresAt: '',
  }));
  const [network, setNetwork] = React.useState<Network | 'default'>('default');
  const [issues, setIssues] = React.useState<readonly Issue[]>([]);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<Error | undefined>();
  const id = 'sw-make-shareable';
  const status: ItemStatus = props.moderated ? 'pending' : 'approved';

  type Change = (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  const set = (key: Exclude<keyof ItemDraft, 'messages'>): Change => (event) => setDraft({ ...draft, [key]: event.target.value });
  const invalid = (field: string): boolean => issues.some((issue) => issue.path[0] === field);
  const message = draft.messages[network] ?? '';
  const length = network === 'default' ? undefined : postLength(message, network);

  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    setError(undefined);
    const item = draftToItem(draft, page, status, props.now?.() ?? new Date());
    setIssues(item.success ? [] : item.issues);
    if (!item.success) return;
    setBusy(true);
    props.create(item.output).then(
      (created) => props.onCreated(created, status),
      (failure: Error) => { setError(failure); setBusy(false); },
    );
  };

  const input = (key: 'publicUrl' | 'title' | 'imageUrl' | 'hashtags' | 'campaign', label: string, type = 'text'): React.ReactElement => (
    <div>
      <label className={styles.label} htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} className={`${styles.text} ${styles.line}`} type={type} value={draft[key]} onChange={set(key)} aria-invalid={invalid(key)} />
    </div>
  );
  const date = (key: 'startsAt' | 'expiresAt', label: string): React.ReactElement => (
    <div>
      <label className={styles.label} htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} className={`${styles.text} ${styles.line}`} type="date" value={draft[key]} onChange={set(key)} aria-invalid={invalid(key)} />
    </div>
  );

  return (
    <form className={styles.composer} aria-labelledby={`${id}-heading`} onSubmit={submit} noValidate>
      <h3 id={`${id}-heading`} className={styles.title}>{strings.MakeShareable}</h3>
      <p className={styles.small}>{props.moderated ? strings.EditorModerated : strings.EditorApproved}</p>
      {input('publicUrl', strings.PublicUrlLabel, 'url')}
      {input('title', strings.TitleLabel)}
      <div>
        <label className={styles.label} htmlFor={`${id}-summary`}>{strings.SummaryLabel}</label>
        <textarea id={`${id}-summary`} className={styles.text} value={draft.summary} onChange={set('summary')} aria-invalid={invalid('summary')} />
      </div>
      {input('imageUrl', strings.ImageUrlLabel, 'url')}
      <div>
        <label className={styles.label} htmlFor={`${id}-network`}>{strings.MessageNetworkLabel}</label>
        <select id={`${id}-network`} className={`${styles.text} ${styles.line}`} value={network} onChange={(event) => setNetwork(event.target.value as Network | 'default')}>
          <option value="default">{strings.AllNetworks}</option>
          {NETWORKS.map((candidate) => <option key={candidate} value={candidate}>{NETWORK_NAMES[candidate]}</option>)}
        </select>
      </div>
      <div>
        <label className={styles.label} htmlFor={`${id}-message`}>{strings.MessageLabel}</label>
        <textarea
          id={`${id}-message`}
          className={styles.text}
          value={message}
          onChange={(event) => setDraft({ ...draft, messages: { ...draft.messages, [network]: event.target.value } })}
          aria-describedby={`${id}-count`}
          aria-invalid={invalid('messages')}
        />
        <p id={`${id}-count`} className={`${styles.small} ${length?.over === true ? styles.over : ''}`} aria-live="polite">
          {length?.max === undefined
            ? format(strings.CountNoLimit, { length: length?.length ?? message.length })
            : format(strings.Count, { length: length.length, max: length.max, network: NETWORK_NAMES[network as Network] })}
        </p>
      </div>
      {input('hashtags', strings.HashtagsLabel)}
      {input('campaign', strings.CampaignLabel)}
      <div className={styles.networks}>
        {date('startsAt', strings.StartsAtLabel)}
        {date('expiresAt', strings.ExpiresAtLabel)}
      </div>
      {issues.length > 0 && (
        <div className={`${styles.bar} ${styles.block}`} role="alert">
          <p className={styles.small}>{strings.EditorIssues}</p>
          <ul>{issues.map((issue) => <li key={`${issue.path.join('.')}-${issue.code}`}>{describeIssue(issue)}</li>)}</ul>
        </div>
      )}
      {error !== undefined && <p className={`${styles.bar} ${styles.block}`} role="alert">{errorMessage(error, strings)}</p>}
      <div className={styles.networks}>
        <button type="submit" className={styles.primary} disabled={busy}>{strings.EditorCreate}</button>
        <button type="button" className={styles.network} onClick={props.onCancel} disabled={busy}>{strings.EditorCancel}</button>
      </div>
    </form>
  );
}
