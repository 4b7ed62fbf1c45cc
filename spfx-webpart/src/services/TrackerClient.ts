/**
 * Tracked links. With a click tracker configured, `POST /api/links` gives a short link whose
 * clicks the tracker counts; without one, core's `trackedShareUrl` adds UTM parameters and
 * the site's own analytics see the visits.
 */
import { trackedShareUrl, type Network, type ReportRow, type ReportTotals } from '@shareworthy/core';
import { ServiceError, toServiceError } from './errors';

/** Where the tracker is and the key it expects. */
export interface TrackerConfig {
  readonly url: string;
  readonly key: string;
}

/** What a tracked link is made from. */
export interface LinkRequest {
  readonly publicUrl: string;
  readonly itemId: string;
  readonly campaign: string;
  readonly network: Network;
  readonly shareId: string;
}

/** The tracker's `/api/reports` answer (core's Report without `excluded`). */
export interface TrackerReport {
  readonly totals: ReportTotals;
  readonly rows: readonly ReportRow[];
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Makes tracked links and reads the tracker's reports. */
export class TrackerClient {
  /**
   * @param config the tracker, or undefined for UTM-only links
   * @param fetcher `fetch` (injected for tests)
   */
  public constructor(
    private readonly config: TrackerConfig | undefined,
    private readonly fetcher: Fetch = (input, init) => fetch(input, init),
  ) {}

  /** Whether clicks are counted (a tracker is configured). */
  public get countsClicks(): boolean {
    return this.config !== undefined;
  }

  /**
   * The link to share: the tracker's short link, or the UTM-tagged public URL.
   * @param request the share
   * @returns the URL
   * @example await tracker.link({ publicUrl, itemId: '7', campaign: 'Launch', network: 'x', shareId })
   */
  public async link(request: LinkRequest): Promise<string> {
    const tagged = trackedShareUrl(request.publicUrl, { network: request.network, campaign: request.campaign, shareId: request.shareId });
    if (!tagged.success) throw new ServiceError('invalid-data', tagged.issues.map((issue) => issue.message).join(' '));
    if (this.config === undefined) return tagged.output;
    const { itemId, campaign, network, shareId } = request;
    const response = await this.call('/api/links', {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.config.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ targetUrl: tagged.output, itemId, campaign, network, shareId }),
    }, 'creating a tracked link');
    const body = (await response.json()) as { shortUrl?: unknown };
    if (typeof body.shortUrl !== 'string') throw new ServiceError('invalid-data', 'The tracker answered without a shortUrl.');
    return body.shortUrl;
  }

  /**
   * The tracker's report for a period.
   * @param from first day, `YYYY-MM-DD`
   * @param to last day, `YYYY-MM-DD`
   * @param groupBy rows grouping
   * @returns totals and rows
   * @example await tracker.report('2026-11-01', '2026-11-30', 'network')
   */
  public async report(from: string, to: string, groupBy: string): Promise<TrackerReport> {
    if (this.config === undefined) throw new ServiceError('not-set-up', 'No tracker is configured.');
    const query = new URLSearchParams({ from, to, groupBy });
    const response = await this.call(`/api/reports?${query.toString()}`, {
      headers: { Authorization: `Bearer ${this.config.key}`, Accept: 'application/json' },
    }, 'reading the tracker report');
    return (await response.json()) as TrackerReport;
  }

  private async call(path: string, init: RequestInit, doing: string): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetcher(`${(this.config as TrackerConfig).url}${path}`, init);
    } catch (error) {
      throw toServiceError(error, doing);
    }
    if (!response.ok) throw toServiceError({ status: response.status, message: response.statusText }, doing);
    return response;
  }
}
