/**
 * Prometheus metrics in the text exposition format (version 0.0.4), kept by hand: the
 * tracker needs a few counters and one histogram, and a client library would sit on the
 * redirect path. Counters are per instance, as Prometheus expects; it sums across instances.
 */

const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024] as const;

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** The tracker's metrics. */
export class Metrics {
  readonly #redirects = new Map<string, number>();
  readonly #errors = new Map<string, number>();
  #linksCreated = 0;
  #clickWriteErrors = 0;
  #purged = 0;
  readonly #batchCounts: number[] = BATCH_BUCKETS.map(() => 0);
  #batchSum = 0;
  #batchCount = 0;

  /**
   * Counts one answered redirect.
   * @param counted whether a click was stored
   * @param reason why (core's classifyVisit reason, or `duplicate`)
   */
  redirect(counted: boolean, reason: string): void {
    const key = `${counted}\u0000${reason}`;
    this.#redirects.set(key, (this.#redirects.get(key) ?? 0) + 1);
  }

  /** Counts one link created. */
  linkCreated(): void {
    this.#linksCreated += 1;
  }

  /**
   * Counts one error response.
   * @param status HTTP status sent
   */
  error(status: number): void {
    const key = String(status);
    this.#errors.set(key, (this.#errors.get(key) ?? 0) + 1);
  }

  /** Counts a failed click batch write (the visitor was still redirected). */
  clickWriteError(): void {
    this.#clickWriteErrors += 1;
  }

  /**
   * Counts clicks deleted by retention.
   * @param count rows deleted
   */
  purged(count: number): void {
    this.#purged += count;
  }

  /**
   * Records the size of one group-commit batch.
   * @param size clicks in the batch
   */
  batch(size: number): void {
    this.#batchSum += size;
    this.#batchCount += 1;
    BATCH_BUCKETS.forEach((bound, index) => {
      if (size <= bound) this.#batchCounts[index] = (this.#batchCounts[index] ?? 0) + 1;
    });
  }

  /**
   * Renders every metric.
   * @returns Prometheus text format, served as `text/plain; version=0.0.4`
   */
  render(): string {
    const lines: string[] = [
      '# HELP tracker_redirects_total Redirects answered, by whether a click was stored and why.',
      '# TYPE tracker_redirects_total counter',
    ];
    for (const [key, value] of [...this.#redirects].sort()) {
      const [counted = '', reason = ''] = key.split('\u0000');
      lines.push(`tracker_redirects_total{counted="${counted}",reason="${escapeLabel(reason)}"} ${value}`);
    }
    lines.push(
      '# HELP tracker_links_created_total Short links created.',
      '# TYPE tracker_links_created_total counter',
      `tracker_links_created_total ${this.#linksCreated}`,
      '# HELP tracker_errors_total Error responses, by HTTP status.',
      '# TYPE tracker_errors_total counter',
    );
    for (const [status, value] of [...this.#errors].sort()) lines.push(`tracker_errors_total{status="${status}"} ${value}`);
    lines.push(
      '# HELP tracker_click_write_errors_total Click batches that failed to commit (visitors were still redirected).',
      '# TYPE tracker_click_write_errors_total counter',
      `tracker_click_write_errors_total ${this.#clickWriteErrors}`,
      '# HELP tracker_clicks_purged_total Clicks deleted by the retention purge.',
      '# TYPE tracker_clicks_purged_total counter',
      `tracker_clicks_purged_total ${this.#purged}`,
      '# HELP tracker_group_commit_batch_size Clicks written per transaction.',
      '# TYPE tracker_group_commit_batch_size histogram',
    );
    BATCH_BUCKETS.forEach((bound, index) => {
      lines.push(`tracker_group_commit_batch_size_bucket{le="${bound}"} ${this.#batchCounts[index] ?? 0}`);
    });
    lines.push(
      `tracker_group_commit_batch_size_bucket{le="+Inf"} ${this.#batchCount}`,
      `tracker_group_commit_batch_size_sum ${this.#batchSum}`,
      `tracker_group_commit_batch_size_count ${this.#batchCount}`,
    );
    return `${lines.join('\n')}\n`;
  }
}
