/**
 * The employee's feed: approved items ranked by core's `rankFeed` (already-shared items last,
 * marked as such), filtered by topic and campaign, each with its own composer.
 */
import * as React from 'react';
import { DefaultButton, Dropdown, type IDropdownOption, MessageBar, MessageBarType, Spinner, Stack, Text } from '@fluentui/react';
import { rankFeed, type FeedEmployee, type ShareableItem } from '@shareworthy/core';
import * as strings from 'FeedWebPartStrings';
import type { Settings } from '../services/SettingsService';
import { errorMessage } from './messages';
import { Share, type ShareActions } from './Share';

/** What the feed loads. */
export interface FeedData {
  readonly items: readonly ShareableItem[];
  /** Item ids the employee shared before. */
  readonly sharedItemIds: readonly string[];
  /** The reader's groups, matched against items' `audience` (absent = none). */
  readonly groups?: readonly string[];
  readonly settings: Pick<Settings, 'policy'> & Partial<Pick<Settings, 'policyIssues'>>;
}

/** Props of {@link Feed}. */
export interface FeedProps {
  readonly load: () => Promise<FeedData>;
  readonly employee: Omit<FeedEmployee, 'sharedItemIds' | 'groups'>;
  readonly actions: ShareActions;
  readonly locale: 'en' | 'fr';
  readonly now?: () => Date;
}

const ALL = '';

/**
 * The feed.
 * @param props loader, employee, actions
 * @returns the element
 * @example <Feed load={load} employee={{ id: '7', topics: ['hr'] }} actions={actions} locale="en" />
 */
export function Feed(props: FeedProps): React.ReactElement {
  const { load, employee } = props;
  const [data, setData] = React.useState<FeedData | undefined>();
  const [error, setError] = React.useState<Error | undefined>();
  const [topic, setTopic] = React.useState(ALL);
  const [campaign, setCampaign] = React.useState(ALL);
  const [open, setOpen] = React.useState<string | undefined>();
  const [sharedNow, setSharedNow] = React.useState<readonly string[]>([]);

  React.useEffect(() => {
    let live = true;
    load().then((loaded) => live && setData(loaded), (failure: Error) => live && setError(failure));
    return () => { live = false; };
  }, [load]);

  if (error !== undefined) return <MessageBar messageBarType={MessageBarType.error} role="alert">{errorMessage(error, strings)}</MessageBar>;
  if (data === undefined) return <Spinner label={strings.Loading} />;

  const entries = rankFeed(data.items, { ...employee, groups: data.groups ?? [], sharedItemIds: new Set([...data.sharedItemIds, ...sharedNow]) }, (props.now ?? (() => new Date()))());
  const topics = [...new Set(data.items.flatMap((item) => item.topics))].sort();
  const campaigns = [...new Set(data.items.flatMap((item) => (item.campaign === undefined ? [] : [item.campaign])))].sort();
  const options = (values: readonly string[], all: string): IDropdownOption[] => [{ key: ALL, text: all }, ...values.map((value) => ({ key: value, text: value }))];
  const shown = entries.filter(
    (entry) =>
      (topic === ALL || entry.item.topics.some((t) => t.toLowerCase() === topic.toLowerCase())) &&
      (campaign === ALL || entry.item.campaign === campaign),
  );

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Text variant="xLarge" as="h2">{strings.Title}</Text>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        <Dropdown label={strings.TopicFilter} options={options(topics, strings.AllTopics)} selectedKey={topic} onChange={(_e, option) => setTopic(String(option?.key ?? ALL))} styles={{ root: { minWidth: 180 } }} />
        <Dropdown label={strings.CampaignFilter} options={options(campaigns, strings.AllCampaigns)} selectedKey={campaign} onChange={(_e, option) => setCampaign(String(option?.key ?? ALL))} styles={{ root: { minWidth: 180 } }} />
      </div>
      {shown.length === 0 ? (
        <MessageBar>{data.items.length === 0 ? strings.Empty : strings.NoMatch}</MessageBar>
      ) : (
        <ul aria-label={strings.Title} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {shown.map(({ item, alreadyShared }) => (
            <li key={item.id} style={{ borderBottom: '1px solid var(--sw-divider, #e1dfdd)', padding: '12px 0' }}>
              <Stack tokens={{ childrenGap: 6 }}>
                <Text variant="large" as="h3">{item.title}</Text>
                {item.summary !== undefined && <Text>{item.summary}</Text>}
                <Text variant="small">
                  {[item.campaign, ...item.topics].filter((part) => part !== undefined).join(' · ')}
                  {alreadyShared ? ` · ${strings.AlreadyShared}` : ''}
                </Text>
                <div>
                  <DefaultButton
                    text={open === item.id ? strings.Close : alreadyShared ? strings.ShareAgain : strings.Share}
                    aria-expanded={open === item.id}
                    onClick={() => setOpen(open === item.id ? undefined : item.id)}
                  />
                </div>
                {open === item.id && (
                  <Share item={item} settings={data.settings} actions={props.actions} locale={props.locale} onShared={() => setSharedNow((ids) => [...ids, item.id])} />
                )}
              </Stack>
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}
