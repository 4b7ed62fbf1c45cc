/**
 * The raw facts reports are computed from. Hosts map their rows (WordPress tables, the
 * tracker's `links` and `clicks`) to these shapes at the edge.
 */

/** An instant: ISO 8601 with an offset (or a bare date), or epoch milliseconds. */
export type EventTime = string | number;

/** One share of an item by an employee on a network. */
export interface ShareEvent {
  /** Unique per share; clicks point to it. */
  readonly id: string;
  readonly itemId: string;
  /** Shown as the row label when grouping by item. */
  readonly itemTitle?: string;
  readonly campaign?: string;
  /** Normally one of `NETWORKS`; another name still gets its own row (and no default reach). */
  readonly network: string;
  /**
   * Who shared. Empty, whitespace-only or invisible-only (`''` when the host knows no
   * employee) names nobody: the share and its clicks count, participation does not, and
   * grouped by employee it falls in the `'others'` row.
   */
  readonly employeeId: string;
  readonly createdAt: EventTime;
}

/** One visit through a shared link. */
export interface ClickEvent {
  /** The {@link ShareEvent.id} the visit came through. */
  readonly shareId: string;
  /**
   * Pseudonymous visitor: the tracker's daily-salted hash, so one person on two days counts as
   * two unique visitors. Never an IP address.
   */
  readonly visitorKey: string;
  readonly createdAt: EventTime;
  /** `false` for visits the host decided not to count (bots, link previews, repeats); absent = counted. */
  readonly counted?: boolean;
}

/** Everything one report is computed from. */
export interface ReportEvents {
  readonly shares: readonly ShareEvent[];
  readonly clicks: readonly ClickEvent[];
  /** Employees who could have shared (the participation rate's denominator). */
  readonly eligibleEmployees: number;
}
