/**
 * The site owners' report: headline figures, a chart with the same data as a table, and a CSV
 * export (core's `toCsv`). Hidden from anyone who is not a site owner.
 */
import * as React from 'react';
import { DefaultButton, Dropdown, getTheme, MessageBar, MessageBarType, Spinner, Stack, Text, TextField } from '@fluentui/react';
import { toCsv, type GroupBy, type ReportRow } from '@shareworthy/core';
import * as strings from 'ReportWebPartStrings';
import type { ReportQuery, ReportView } from '../services/ReportService';
import { errorMessage } from './messages';

/** Props of {@link Report}. */
export interface ReportProps {
  readonly service: { readonly canView: () => Promise<boolean>; readonly load: (query: ReportQuery) => Promise<ReportView> };
  readonly initial: ReportQuery;
  readonly locale: 'en' | 'fr';
  /** Saves the CSV (a download in the browser). */
  readonly download: (fileName: string, csv: string) => void;
}

const GROUPS: readonly GroupBy[] = ['item', 'campaign', 'network', 'day'];

/**
 * Bars of shares and clicks per row; an image with a text alternative, the table below has the figures.
 * @param props rows and whether clicks are known
 * @returns an SVG
 */
function Bars(props: { readonly rows: readonly ReportRow[]; readonly clicksKnown: boolean }): React.ReactElement {
  const { palette } = getTheme();
  const rows = props.rows.slice(0, 12);
  const max = Math.max(1, ...rows.map((row) => Math.max(row.shares, props.clicksKnown ? row.clicks : 0)));
  const height = rows.length * 28 + 8;
  return (
    <svg role="img" aria-label={strings.ChartLabel} width="100%" height={height} viewBox={`0 0 400 ${height}`} preserveAspectRatio="xMinYMin meet">
      {rows.map((row, index) => (
        <g key={row.key} transform={`translate(0 ${index * 28 + 4})`}>
          <text x="0" y="14" fontSize="11" fill={palette.neutralPrimary}>{row.label.slice(0, 18)}</text>
          <rect x="120" y="2" height="10" width={(row.shares / max) * 270} fill={palette.themePrimary} />
          {props.clicksKnown && <rect x="120" y="14" height="10" width={(row.clicks / max) * 270} fill={palette.themeTertiary} />}
        </g>
      ))}
    </svg>
  );
}

/**
 * The report.
 * @param props service, initial query, locale, download
 * @returns the element, or nothing for users who are not site owners
 * @example <Report service={reports} initial={{ from, to, by: 'item' }} locale="en" download={save} />
 */
// eslint-disable-next-line @rushstack/no-new-null -- null is how a React component renders nothing.
export function Report(props: ReportProps): React.ReactElement | null {
  const { service } = props;
  const [allowed, setAllowed] = React.useState<boolean | undefined>();
  const [query, setQuery] = React.useState<ReportQuery>(props.initial);
  const [view, setView] = React.useState<ReportView | undefined>();
  const [error, setError] = React.useState<Error | undefined>();

  React.useEffect(() => {
    let live = true;
    service.canView().then((can) => live && setAllowed(can), (failure: Error) => live && setError(failure));
    return () => { live = false; };
  }, [service]);
  React.useEffect(() => {
    if (allowed !== true) return undefined;
    let live = true;
    setView(undefined);
    service.load(query).then((loaded) => live && setView(loaded), (failure: Error) => live && setError(failure));
    return () => { live = false; };
  }, [service, allowed, query]);

  if (error !== undefined) return <MessageBar messageBarType={MessageBarType.error} role="alert">{errorMessage(error, strings)}</MessageBar>;
  if (allowed === false) return null;
  const number = new Intl.NumberFormat(props.locale);
  const percent = new Intl.NumberFormat(props.locale, { style: 'percent', maximumFractionDigits: 1 });
  // Core's CTR is clicks per share (a share has no impression count to divide by), so it is shown as a ratio.
  const ratio = new Intl.NumberFormat(props.locale, { maximumFractionDigits: 2 });
  const money = new Intl.NumberFormat(props.locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const unknown = strings.Unknown;

  const headline = view === undefined ? [] : [
    [strings.Shares, number.format(view.totals.shares)],
    [strings.Clicks, view.clicksKnown ? number.format(view.totals.clicks) : unknown],
    [strings.UniqueClicks, view.clicksKnown ? number.format(view.totals.uniqueClicks) : unknown],
    [strings.Ctr, view.clicksKnown ? ratio.format(view.totals.ctr) : unknown],
    [strings.Participation, percent.format(view.totals.participationRate)],
    [strings.Reach, number.format(view.totals.reach)],
    [strings.Emv, view.clicksKnown ? money.format(view.totals.emv) : unknown],
  ] as const;

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Text variant="xLarge" as="h2">{strings.Title}</Text>
      {/* A wrapping flex row, not Stack's wrap: its negative margins spilled over the section edges at 375 px. */}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end' }}>
        <TextField label={strings.From} type="date" value={query.from} onChange={(_e, value) => value && setQuery({ ...query, from: value })} />
        <TextField label={strings.To} type="date" value={query.to} onChange={(_e, value) => value && setQuery({ ...query, to: value })} />
        <Dropdown
          label={strings.GroupBy}
          selectedKey={query.by}
          options={GROUPS.map((group) => ({ key: group, text: strings[`By_${group}` as const] }))}
          onChange={(_e, option) => option && setQuery({ ...query, by: option.key as GroupBy })}
          styles={{ root: { minWidth: 160 } }}
        />
        {view !== undefined && (
          <DefaultButton
            text={strings.ExportCsv}
            onClick={() => props.download(`shareworthy-${query.by}-${query.from}-${query.to}.csv`, toCsv(view.rows))}
          />
        )}
      </div>
      {view === undefined ? <Spinner label={strings.Loading} /> : (
        <>
          {!view.clicksKnown && <MessageBar>{strings.SharesOnly}</MessageBar>}
          <dl style={{ display: 'flex', flexWrap: 'wrap', gap: 16, margin: 0 }}>
            {headline.map(([label, value]) => (
              <div key={label} style={{ minWidth: 110 }}>
                <dt><Text variant="small">{label}</Text></dt>
                <dd style={{ margin: 0 }}><Text variant="xLarge">{value}</Text></dd>
              </div>
            ))}
          </dl>
          {view.rows.length === 0 ? <MessageBar>{strings.NoData}</MessageBar> : (
            <>
              <Bars rows={view.rows} clicksKnown={view.clicksKnown} />
              <div style={{ overflowX: 'auto' }}>
              <table style={{ borderCollapse: 'collapse', width: '100%' }}>
                <caption style={{ textAlign: 'left' }}><Text variant="small">{strings.TableCaption}</Text></caption>
                <thead>
                  <tr>
                    <th scope="col" style={{ textAlign: 'left' }}>{strings[`By_${query.by}` as const]}</th>
                    <th scope="col" style={{ textAlign: 'right' }}>{strings.Shares}</th>
                    <th scope="col" style={{ textAlign: 'right' }}>{strings.Clicks}</th>
                    <th scope="col" style={{ textAlign: 'right' }}>{strings.UniqueClicks}</th>
                    <th scope="col" style={{ textAlign: 'right' }}>{strings.Ctr}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.rows.map((row) => (
                    <tr key={row.key}>
                      <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal' }}>{row.label}</th>
                      <td style={{ textAlign: 'right' }}>{number.format(row.shares)}</td>
                      <td style={{ textAlign: 'right' }}>{view.clicksKnown ? number.format(row.clicks) : unknown}</td>
                      <td style={{ textAlign: 'right' }}>{view.clicksKnown ? number.format(row.uniqueClicks) : unknown}</td>
                      <td style={{ textAlign: 'right' }}>{view.clicksKnown ? ratio.format(row.ctr) : unknown}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </div>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
