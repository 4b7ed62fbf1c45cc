/**
 * Root of the Share web part: loads the item and settings, then shows the composer, or a
 * loading, "choose an item" or error state.
 */
import * as React from 'react';
import type { Result, ShareableItem } from '@shareworthy/core';
import * as strings from 'ShareWebPartStrings';
import type { Settings } from '../services/SettingsService';
import { errorMessage } from './messages';
import { Share, type ShareActions } from './Share';
import styles from './Share.module.scss';

/** What the Share web part loads. */
export interface ShareData {
  /** undefined when no item is chosen in the property pane. */
  readonly item: Result<ShareableItem> | undefined;
  readonly settings: Pick<Settings, 'policy'> & Partial<Pick<Settings, 'policyIssues'>>;
}

/** Props of {@link ShareApp}. */
export interface ShareAppProps {
  readonly load: () => Promise<ShareData>;
  readonly actions: ShareActions;
  readonly locale: 'en' | 'fr';
}

/**
 * The Share web part's root.
 * @param props loader, actions and locale
 * @returns the element
 * @example <ShareApp load={load} actions={actions} locale="en" />
 */
export function ShareApp(props: ShareAppProps): React.ReactElement {
  const [data, setData] = React.useState<ShareData | undefined>();
  const [error, setError] = React.useState<Error | undefined>();
  const { load } = props;
  React.useEffect(() => {
    let live = true;
    load().then((loaded) => live && setData(loaded), (failure: Error) => live && setError(failure));
    return () => { live = false; };
  }, [load]);

  if (error !== undefined) return <p className={`${styles.bar} ${styles.block}`} role="alert">{errorMessage(error, strings)}</p>;
  if (data === undefined) return <p className={styles.small} role="status">{strings.Loading}</p>;
  if (data.item === undefined) return <p className={styles.bar}>{strings.NoItem}</p>;
  if (!data.item.success) {
    return (
      <p className={`${styles.bar} ${styles.warn}`}>
        {data.item.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join(' ')}
      </p>
    );
  }
  return <Share item={data.item.output} settings={data.settings} actions={props.actions} locale={props.locale} />;
}
