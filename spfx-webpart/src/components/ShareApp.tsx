/**
 * Root of the Share web part: loads the item and settings, then shows the composer, or a
 * loading, "choose an item" or error state.
 */
import * as React from 'react';
import { MessageBar, MessageBarType, Spinner } from '@fluentui/react';
import type { Result, ShareableItem } from '@shareworthy/core';
import * as strings from 'ShareWebPartStrings';
import type { Settings } from '../services/SettingsService';
import { errorMessage } from './messages';
import { Share, type ShareActions } from './Share';

/** What the Share web part loads. */
export interface ShareData {
  /** undefined when no item is chosen in the property pane. */
  readonly item: Result<ShareableItem> | undefined;
  readonly settings: Pick<Settings, 'policy'>;
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

  if (error !== undefined) return <MessageBar messageBarType={MessageBarType.error} role="alert">{errorMessage(error, strings)}</MessageBar>;
  if (data === undefined) return <Spinner label={strings.Loading} />;
  if (data.item === undefined) return <MessageBar>{strings.NoItem}</MessageBar>;
  if (!data.item.success) {
    return (
      <MessageBar messageBarType={MessageBarType.warning}>
        {data.item.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join(' ')}
      </MessageBar>
    );
  }
  return <Share item={data.item.output} settings={data.settings} actions={props.actions} locale={props.locale} />;
}
