/**
 * Root of the Share web part: loads the item and settings, then shows the composer, or a
 * loading, "choose an item" or error state. On a page without an item, an editor of the Items
 * list gets "Make this page shareable", whose form loads on demand (its own chunk).
 */
import * as React from 'react';
import type { ItemStatus, Result, ShareableItem } from '@shareworthy/core';
import * as strings from 'ShareWebPartStrings';
import type { Settings } from '../services/SettingsService';
import { errorMessage } from './messages';
import { format } from './networkNames';
import { Share, type ShareActions } from './Share';
import styles from './Share.module.scss';

/** What the Share web part loads. */
export interface ShareData {
  /** undefined when no item is chosen in the property pane. */
  readonly item: Result<ShareableItem> | undefined;
  readonly settings: Pick<Settings, 'policy'> & Partial<Pick<Settings, 'policyIssues'>>;
  /** Present only for someone who may add items, on a page that has none yet (in edit mode). */
  readonly editor?: { readonly moderated: boolean };
}

/** What the editor's form reports back to {@link ShareApp}. */
export interface EditorCallbacks {
  readonly moderated: boolean;
  readonly onCreated: (id: number, status: ItemStatus) => void;
  readonly onCancel: () => void;
}

/** Props of {@link ShareApp}. */
export interface ShareAppProps {
  readonly load: () => Promise<ShareData>;
  readonly actions: ShareActions;
  readonly locale: 'en' | 'fr';
  /** Loads the "Make this page shareable" form, prefilled from the page. */
  readonly openEditor?: (callbacks: EditorCallbacks) => Promise<React.ReactElement>;
  /** Called once an item was created for the page (the web part then shows it). */
  readonly onCreated?: (id: number) => void;
  /** Bumped by the property pane's button: opens the form when it is offered. */
  readonly editRequest?: number;
  readonly now?: () => Date;
}

/**
 * Whether the item may be shared now: approved and within its dates, as the feed requires
 * (core's `rankFeed`), so a pending item is not shareable from its page either.
 */
const shareable = (item: ShareableItem, now: Date): 'yes' | 'not-approved' | 'not-live' => {
  if (item.status !== 'approved') return 'not-approved';
  const at = now.getTime();
  const starts = item.startsAt === undefined ? -Infinity : Date.parse(item.startsAt);
  const expires = item.expiresAt === undefined ? Infinity : Date.parse(item.expiresAt);
  return starts <= at && at < expires ? 'yes' : 'not-live';
};

/**
 * The Share web part's root.
 * @param props loader, actions and locale
 * @returns the element
 * @example <ShareApp load={load} actions={actions} locale="en" />
 */
export function ShareApp(props: ShareAppProps): React.ReactElement {
  const [data, setData] = React.useState<ShareData | undefined>();
  const [error, setError] = React.useState<Error | undefined>();
  const [form, setForm] = React.useState<React.ReactElement | undefined>();
  const [opening, setOpening] = React.useState(false);
  const [formError, setFormError] = React.useState<Error | undefined>();
  const [created, setCreated] = React.useState<{ id: number; status: ItemStatus } | undefined>();
  const { load, openEditor, onCreated, editRequest } = props;
  React.useEffect(() => {
    let live = true;
    load().then((loaded) => live && setData(loaded), (failure: Error) => live && setError(failure));
    return () => { live = false; };
  }, [load]);

  const editor = data?.item === undefined ? data?.editor : undefined;
  const open = React.useCallback((): void => {
    if (editor === undefined || openEditor === undefined) return;
    setOpening(true);
    setFormError(undefined);
    openEditor({
      moderated: editor.moderated,
      onCreated: (id, status) => { setForm(undefined); setCreated({ id, status }); onCreated?.(id); },
      onCancel: () => setForm(undefined),
    })
      .then(setForm, setFormError)
      .finally(() => setOpening(false));
  }, [editor, openEditor, onCreated]);
  React.useEffect(() => {
    if ((editRequest ?? 0) > 0) open();
    // Only a new request from the property pane opens the form, not a reload of the data.
  }, [editRequest]);

  const notice = created !== undefined && (
    <p className={`${styles.bar} ${styles.success}`} role="status">
      {format(created.status === 'pending' ? strings.EditorCreatedPending : strings.EditorCreated, { id: created.id })}
    </p>
  );
  if (error !== undefined) return <p className={`${styles.bar} ${styles.block}`} role="alert">{errorMessage(error, strings)}</p>;
  if (data === undefined) return <p className={styles.small} role="status">{strings.Loading}</p>;
  if (data.item === undefined) {
    // Created: the web part now loads the new item; until then the confirmation stands alone.
    if (created !== undefined) return <>{notice}</>;
    if (editor === undefined || openEditor === undefined) return <>{notice}<p className={styles.bar}>{strings.NoItem}</p></>;
    if (form !== undefined) return form;
    return (
      <section className={styles.composer} aria-label={strings.MakeShareable}>
        <p className={styles.bar}>{strings.MakeShareableIntro}</p>
        <button type="button" className={styles.primary} disabled={opening} onClick={open}>{strings.MakeShareable}</button>
        {formError !== undefined && <p className={`${styles.bar} ${styles.block}`} role="alert">{errorMessage(formError, strings)}</p>}
      </section>
    );
  }
  if (!data.item.success) {
    return (
      <p className={`${styles.bar} ${styles.warn}`}>
        {data.item.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join(' ')}
      </p>
    );
  }
  const state = shareable(data.item.output, props.now?.() ?? new Date());
  return (
    <>
      {notice}
      {state === 'yes'
        ? <Share item={data.item.output} settings={data.settings} actions={props.actions} locale={props.locale} />
        : <p className={styles.bar}>{format(state === 'not-approved' ? strings.ItemNotApproved : strings.ItemNotLive, { title: data.item.output.title, status: data.item.output.status })}</p>}
    </>
  );
}
