<?php
/**
 * Report rollups of the clicks table, kept exact so reports need not read every click.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Three tables beside the clicks, written in the same requests as the clicks they summarise:
 *
 * - click_days: per share and UTC day, the counted clicks and the distinct visitor keys.
 * - click_totals: per share, the sums of its click_days rows.
 * - click_repeats: every share-day of a visitor key seen on more than one share-day.
 *
 * A report's distinct visitors over any set of share-days is then exact without reading the
 * clicks: the sum of the share-days' visitors counts a key once per share-day it is in, and
 * only keys of click_repeats are in more than one, so the sum minus (their rows in the set
 * minus their distinct keys in the set) is the distinct count. Keys are salted per UTC day
 * (Shareworthy_Visitor), so repeats are visitors who clicked two shares on one day: few rows.
 * Nothing assumes that, though; keys found on several days are repeats like any other.
 *
 * Measured on SQLite, 100,000 clicks over a year (tests/bench/wp-reports.bench.mjs): the two
 * COUNT(DISTINCT visitor_key) passes over the clicks cost ~95 ms each; the rollups answer the
 * same report with SUM over the share-days of the period (~85,000 for a year: ~19 ms), or, when
 * the days outside the period are fewer, over the share totals less those days.
 */
final class Shareworthy_Click_Days {

	/** Shares columns whose rows may be forgotten together (erasure by user, deleted item). */
	private const SHARE_COLUMNS = array( 'user_id', 'item_id' );

	/**
	 * Counts a counted click just inserted into the clicks table.
	 *
	 * @param int    $share_id    Share.
	 * @param string $visitor_key Visitor key.
	 * @param string $created_at  UTC datetime of the click.
	 */
	public static function add( int $share_id, string $visitor_key, string $created_at ): void {
		global $wpdb;
		$day    = substr( $created_at, 0, 10 );
		$clicks = Shareworthy_Schema::clicks_table();
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names from $wpdb.
		$cells = (array) $wpdb->get_results( $wpdb->prepare( "SELECT share_id, DATE(created_at) AS day, COUNT(*) AS n FROM {$clicks} WHERE visitor_key = %s AND counted = 1 GROUP BY share_id, DATE(created_at)", $visitor_key ), ARRAY_A );
		$new   = true;
		foreach ( $cells as $cell ) {
			if ( (int) $cell['share_id'] === $share_id && (string) $cell['day'] === $day ) {
				$new = 1 === (int) $cell['n'];
			}
		}
		$wpdb->query(
			$wpdb->prepare(
				'INSERT INTO ' . Shareworthy_Schema::click_days_table() . ' (share_id, day, clicks, visitors) VALUES (%d, %s, 1, %d) ON DUPLICATE KEY UPDATE clicks = clicks + 1, visitors = visitors + %d',
				$share_id,
				$day,
				$new ? 1 : 0,
				$new ? 1 : 0
			)
		);
		$wpdb->query(
			$wpdb->prepare(
				'INSERT INTO ' . Shareworthy_Schema::click_totals_table() . ' (share_id, clicks, visitors) VALUES (%d, 1, %d) ON DUPLICATE KEY UPDATE clicks = clicks + 1, visitors = visitors + %d',
				$share_id,
				$new ? 1 : 0,
				$new ? 1 : 0
			)
		);
		if ( $new && count( $cells ) > 1 ) {
			// The key's other share-days are stored already when it was a repeat before.
			$values = array();
			foreach ( $cells as $cell ) {
				$values[] = $wpdb->prepare( '(%s, %d, %s)', $visitor_key, (int) $cell['share_id'], (string) $cell['day'] );
			}
			$wpdb->query( 'INSERT IGNORE INTO ' . Shareworthy_Schema::click_repeats_table() . ' (visitor_key, share_id, day) VALUES ' . implode( ', ', $values ) );
		}
		// phpcs:enable
	}

	/**
	 * Forgets the share-days of the shares about to be deleted with their clicks.
	 *
	 * @param string $column 'user_id' or 'item_id' of the shares table.
	 * @param int    $value  Its value.
	 * @throws InvalidArgumentException On another column: a bug in the caller.
	 */
	public static function forget_shares( string $column, int $value ): void {
		global $wpdb;
		if ( ! in_array( $column, self::SHARE_COLUMNS, true ) ) {
			throw new InvalidArgumentException( 'Shareworthy_Click_Days::forget_shares: unknown column ' . $column ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- not output.
		}
		$shares = $wpdb->prepare( 'SELECT id FROM ' . Shareworthy_Schema::shares_table() . " WHERE {$column} = %d", $value ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		// phpcs:disable WordPress.DB.PreparedSQL.NotPrepared -- prepared above; table names from $wpdb.
		$wpdb->query( 'DELETE FROM ' . Shareworthy_Schema::click_days_table() . " WHERE share_id IN ({$shares})" );
		$wpdb->query( 'DELETE FROM ' . Shareworthy_Schema::click_totals_table() . " WHERE share_id IN ({$shares})" );
		$wpdb->query( 'DELETE FROM ' . Shareworthy_Schema::click_repeats_table() . " WHERE share_id IN ({$shares})" );
		// phpcs:enable
		self::prune_repeats();
	}

	/**
	 * Follows a retention purge: the clicks before $cutoff were deleted.
	 *
	 * @param string $cutoff UTC datetime; clicks before it are gone.
	 */
	public static function purge_before( string $cutoff ): void {
		global $wpdb;
		$day = substr( $cutoff, 0, 10 );
		$wpdb->query( $wpdb->prepare( 'DELETE FROM ' . Shareworthy_Schema::click_days_table() . ' WHERE day < %s', $day ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$wpdb->query( $wpdb->prepare( 'DELETE FROM ' . Shareworthy_Schema::click_repeats_table() . ' WHERE day < %s', $day ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		self::refresh_day( $day );
		self::prune_repeats();
		self::sum_totals();
	}

	/**
	 * Recomputes the rollups from the clicks table (schema upgrade; data inserted with SQL).
	 * Clicks on shares no longer stored are left out, as reports leave them out.
	 */
	public static function rebuild(): void {
		global $wpdb;
		$clicks  = Shareworthy_Schema::clicks_table() . ' c JOIN ' . Shareworthy_Schema::shares_table() . ' s ON s.id = c.share_id';
		$days    = Shareworthy_Schema::click_days_table();
		$totals  = Shareworthy_Schema::click_totals_table();
		$repeats = Shareworthy_Schema::click_repeats_table();
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names from $wpdb.
		$wpdb->query( "DELETE FROM {$days}" );
		$wpdb->query( "DELETE FROM {$totals}" );
		$wpdb->query( "DELETE FROM {$repeats}" );
		$wpdb->query( "INSERT INTO {$days} (share_id, day, clicks, visitors) SELECT c.share_id, DATE(c.created_at), COUNT(*), COUNT(DISTINCT c.visitor_key) FROM {$clicks} WHERE c.counted = 1 GROUP BY c.share_id, DATE(c.created_at)" );
		$wpdb->query( "INSERT INTO {$totals} (share_id, clicks, visitors) SELECT share_id, SUM(clicks), SUM(visitors) FROM {$days} GROUP BY share_id" );
		$wpdb->query(
			"INSERT INTO {$repeats} (visitor_key, share_id, day) SELECT c.visitor_key, c.share_id, DATE(c.created_at) FROM {$clicks}
			JOIN (SELECT c.visitor_key FROM {$clicks} WHERE c.counted = 1 GROUP BY c.visitor_key HAVING MIN(c.share_id) <> MAX(c.share_id) OR MIN(DATE(c.created_at)) <> MAX(DATE(c.created_at))) m ON m.visitor_key = c.visitor_key
			WHERE c.counted = 1 GROUP BY c.visitor_key, c.share_id, DATE(c.created_at)"
		);
		// phpcs:enable
	}

	/**
	 * The share-days of a period as SQL derived tables: `units` (share_id, day, clicks, visitors)
	 * and `repeats` (visitor_key, share_id, day). Whole UTC days come from the rollups; the
	 * parts of days a period in another time zone cuts come from the clicks (a part of a
	 * share-day is a unit of its own, and its repeat rows are those of its keys found there).
	 * Without $days, units are summed per share first and have no day column: a report that
	 * does not group by day then joins each share once (SQLite: 13 ms instead of 26 ms for
	 * ~85,000 share-days over a year); and when fewer stored days lie outside the whole days
	 * than inside, the units are the share totals less the share-days outside, so a long
	 * period reads about as little as a short one.
	 *
	 * @param string|null $from First UTC datetime, or null.
	 * @param string|null $to   First UTC datetime after the period, or null.
	 * @param bool        $days Whether units keep their day.
	 * @return array{units: string, repeats: string}
	 */
	public static function sources( ?string $from, ?string $to, bool $days ): array {
		global $wpdb;
		$utc     = new DateTimeZone( 'UTC' );
		$first   = null === $from ? null : new DateTimeImmutable( $from, $utc );
		$after   = null === $to ? null : new DateTimeImmutable( $to, $utc );
		$whole   = array(
			null === $first ? null : $first->modify( '00:00:00' === $first->format( 'H:i:s' ) ? '+0 days' : 'tomorrow' ),
			null === $after ? null : $after->modify( 'today' ),
		);
		$windows = array();
		if ( null !== $whole[0] && null !== $whole[1] && $whole[0] >= $whole[1] ) {
			$whole     = null;
			$windows[] = array( $from, $to );
		} else {
			if ( null !== $first && $whole[0] > $first ) {
				$windows[] = array( $from, $whole[0]->format( 'Y-m-d H:i:s' ) );
			}
			if ( null !== $after && $whole[1] < $after ) {
				$windows[] = array( $whole[1]->format( 'Y-m-d H:i:s' ), $to );
			}
		}
		$clicks  = Shareworthy_Schema::clicks_table();
		$units   = array();
		$repeats = array();
		if ( null !== $whole ) {
			$first_day = $whole[0]?->format( 'Y-m-d' );
			$day_after = $whole[1]?->format( 'Y-m-d' );
			$units[]   = $days || ! self::fewer_outside( $first_day, $day_after )
				? self::inside_sql( $first_day, $day_after, $days )
				: self::outside_sql( $first_day, $day_after );
			$repeats[] = 'SELECT visitor_key, share_id, day FROM ' . Shareworthy_Schema::click_repeats_table() . ' WHERE 1 = 1' . self::days_sql( 'day', $first_day, $day_after );
		}
		if ( array() !== $windows ) {
			$in        = implode( ' OR ', array_map( static fn( array $w ): string => $wpdb->prepare( '(created_at >= %s AND created_at < %s)', $w[0], $w[1] ), $windows ) );
			$units[]   = 'SELECT share_id' . ( $days ? ', DATE(created_at) AS day' : '' ) . ", COUNT(*) AS clicks, COUNT(DISTINCT visitor_key) AS visitors FROM {$clicks} WHERE counted = 1 AND ({$in}) GROUP BY share_id, DATE(created_at)";
			$repeats[] = "SELECT DISTINCT visitor_key, share_id, DATE(created_at) AS day FROM {$clicks} WHERE counted = 1 AND ({$in}) AND visitor_key IN (SELECT visitor_key FROM " . Shareworthy_Schema::click_repeats_table() . ')';
		}
		return array(
			'units'   => implode( ' UNION ALL ', $units ),
			'repeats' => implode( ' UNION ALL ', $repeats ),
		);
	}

	/**
	 * Whether every share with share-days is still in the shares table (rows of a share
	 * deleted around Shareworthy_Shares, with SQL, stay until a rebuild). Day rows without
	 * filters then need no join to the shares.
	 */
	public static function shares_all_known(): bool {
		global $wpdb;
		return null === $wpdb->get_var( 'SELECT t.share_id FROM ' . Shareworthy_Schema::click_totals_table() . ' t LEFT JOIN ' . Shareworthy_Schema::shares_table() . ' s ON s.id = t.share_id WHERE s.id IS NULL LIMIT 1' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * `AND column >= first AND column < after`, prepared, each bound only when given.
	 *
	 * @param string      $column Day column (with a unary plus to keep SQLite off its index).
	 * @param string|null $first  First day (Y-m-d), or null.
	 * @param string|null $after  First day after, or null.
	 */
	private static function days_sql( string $column, ?string $first, ?string $after ): string {
		global $wpdb;
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the column is the caller's constant.
		return ( null === $first ? '' : $wpdb->prepare( " AND {$column} >= %s", $first ) )
			. ( null === $after ? '' : $wpdb->prepare( " AND {$column} < %s", $after ) );
		// phpcs:enable
	}

	/**
	 * Units of the whole days summed from their share-days (per day, or per share).
	 *
	 * @param string|null $first First day (Y-m-d), or null.
	 * @param string|null $after First day after, or null.
	 * @param bool        $days  Whether units keep their day.
	 */
	private static function inside_sql( ?string $first, ?string $after, bool $days ): string {
		$table  = Shareworthy_Schema::click_days_table();
		$column = self::scans( $table, 'day', $first ) ? '+day' : 'day';
		$where  = self::days_sql( $column, $first, $after );
		return $days
			? "SELECT share_id, day, clicks, visitors FROM {$table} WHERE 1 = 1{$where}"
			: "SELECT share_id, SUM(clicks) AS clicks, SUM(visitors) AS visitors FROM {$table} WHERE 1 = 1{$where} GROUP BY share_id";
	}

	/**
	 * Units of the whole days per share as the share totals less the share-days outside them.
	 * SUM() is DECIMAL in MySQL, so the subtraction never meets the UNSIGNED columns' range.
	 *
	 * @param string|null $first First day (Y-m-d), or null.
	 * @param string|null $after First day after, or null.
	 */
	private static function outside_sql( ?string $first, ?string $after ): string {
		$days    = Shareworthy_Schema::click_days_table();
		$totals  = Shareworthy_Schema::click_totals_table();
		$outside = array();
		if ( null !== $first ) {
			$outside[] = "SELECT share_id, clicks, visitors FROM {$days} WHERE 1 = 1" . self::days_sql( 'day', null, $first );
		}
		if ( null !== $after ) {
			$outside[] = "SELECT share_id, clicks, visitors FROM {$days} WHERE 1 = 1" . self::days_sql( 'day', $after, null );
		}
		if ( array() === $outside ) {
			return "SELECT share_id, clicks, visitors FROM {$totals}";
		}
		return "SELECT t.share_id, t.clicks - COALESCE(o.clicks, 0) AS clicks, t.visitors - COALESCE(o.visitors, 0) AS visitors FROM {$totals} t
			LEFT JOIN (SELECT share_id, SUM(clicks) AS clicks, SUM(visitors) AS visitors FROM (" . implode( ' UNION ALL ', $outside ) . ') x GROUP BY share_id) o ON o.share_id = t.share_id';
	}

	/**
	 * Whether fewer stored days lie outside [first, after) than inside it (days as the measure
	 * of rows: the share-days of a day are about as many from one day to the next).
	 *
	 * @param string|null $first First day (Y-m-d), or null.
	 * @param string|null $after First day after, or null.
	 */
	private static function fewer_outside( ?string $first, ?string $after ): bool {
		global $wpdb;
		$table = Shareworthy_Schema::click_days_table();
		// Two subqueries: SQLite reads MIN or MAX from the index only when each stands alone.
		$range = $wpdb->get_row( "SELECT (SELECT MIN(day) FROM {$table}) AS lo, (SELECT MAX(day) FROM {$table}) AS hi", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( null === ( $range['lo'] ?? null ) ) {
			return false;
		}
		$lo    = (int) strtotime( $range['lo'] . ' UTC' );
		$end   = (int) strtotime( $range['hi'] . ' UTC' ) + DAY_IN_SECONDS;
		$start = max( $lo, null === $first ? $lo : (int) strtotime( $first . ' UTC' ) );
		$stop  = min( $end, null === $after ? $end : (int) strtotime( $after . ' UTC' ) );
		return ( $start - $lo ) + ( $end - $stop ) < $stop - $start;
	}

	/**
	 * Whether the rows of a table from $from on are better read by scanning it than through the
	 * index on $column: when $from is in the older half of what is stored, the period covers
	 * most rows, and one row lookup per index entry costs more than a sequential scan (SQLite,
	 * a year of data: 100,000 clicks 113 ms through the index against 15 ms scanning; ~85,000
	 * share-days 72 ms against 25 ms). Callers then write `+column`: the unary plus hides the
	 * column from the index in SQLite and is a no-op in MySQL.
	 *
	 * @param string      $table  Table (from $wpdb).
	 * @param string      $column Its indexed UTC date or datetime column.
	 * @param string|null $from   First UTC date or datetime of the period, or null.
	 */
	public static function scans( string $table, string $column, ?string $from ): bool {
		global $wpdb;
		if ( null === $from ) {
			return true;
		}
		$oldest = $wpdb->get_var( "SELECT MIN({$column}) FROM {$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- names from the callers' constants.
		if ( null === $oldest ) {
			return false;
		}
		$oldest = (int) strtotime( $oldest . ' UTC' );
		return (int) strtotime( $from . ' UTC' ) - $oldest <= ( time() - $oldest ) / 2;
	}

	/**
	 * Recomputes one UTC day's share-days, and drops its repeat rows whose clicks are gone.
	 *
	 * @param string $day Y-m-d.
	 */
	private static function refresh_day( string $day ): void {
		global $wpdb;
		$clicks  = Shareworthy_Schema::clicks_table();
		$shares  = Shareworthy_Schema::shares_table();
		$days    = Shareworthy_Schema::click_days_table();
		$repeats = Shareworthy_Schema::click_repeats_table();
		$start   = $day . ' 00:00:00';
		$end     = gmdate( 'Y-m-d 00:00:00', (int) strtotime( $start . ' UTC +1 day' ) );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names from $wpdb.
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$days} WHERE day = %s", $day ) );
		$wpdb->query( $wpdb->prepare( "INSERT INTO {$days} (share_id, day, clicks, visitors) SELECT c.share_id, %s, COUNT(*), COUNT(DISTINCT c.visitor_key) FROM {$clicks} c JOIN {$shares} s ON s.id = c.share_id WHERE c.counted = 1 AND c.created_at >= %s AND c.created_at < %s GROUP BY c.share_id", $day, $start, $end ) );
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$repeats} WHERE day = %s AND NOT EXISTS (SELECT 1 FROM {$clicks} c WHERE c.visitor_key = {$repeats}.visitor_key AND c.share_id = {$repeats}.share_id AND c.counted = 1 AND c.created_at >= %s AND c.created_at < %s)", $day, $start, $end ) );
		// phpcs:enable
	}

	/**
	 * Sets each share total to the sum of its share-days, and drops totals left without any.
	 * One UPDATE, so a report running meanwhile sees the old totals or the new ones.
	 */
	private static function sum_totals(): void {
		global $wpdb;
		$days   = Shareworthy_Schema::click_days_table();
		$totals = Shareworthy_Schema::click_totals_table();
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names from $wpdb.
		$wpdb->query( "UPDATE {$totals} SET clicks = COALESCE((SELECT SUM(d.clicks) FROM {$days} d WHERE d.share_id = {$totals}.share_id), 0), visitors = COALESCE((SELECT SUM(d.visitors) FROM {$days} d WHERE d.share_id = {$totals}.share_id), 0)" );
		$wpdb->query( "DELETE FROM {$totals} WHERE clicks = 0" );
		// phpcs:enable
	}

	/**
	 * Drops the repeat rows of keys left with one share-day (no longer repeats).
	 */
	private static function prune_repeats(): void {
		global $wpdb;
		$repeats = Shareworthy_Schema::click_repeats_table();
		// The derived table lets MySQL read the table it deletes from (else error 1093).
		$wpdb->query( "DELETE FROM {$repeats} WHERE visitor_key IN (SELECT visitor_key FROM (SELECT visitor_key FROM {$repeats} GROUP BY visitor_key HAVING COUNT(*) = 1) lone)" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}
}
