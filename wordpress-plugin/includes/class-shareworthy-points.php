<?php
/**
 * Gamification points: the rules from settings and the leaderboard computed in SQL.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Points = pointsPerShare × shares + pointsPerClick × counted clicks on one's shares, over a
 * period, for the employees who opted in to the leaderboard (user meta
 * Shareworthy_Report::OPT_IN_META). Shares count by their own date and clicks by theirs, as
 * in the reports, so a period's points include clicks on earlier shares. Computed with
 * GROUP BY user in SQL: no share or click row is loaded into PHP.
 */
final class Shareworthy_Points {

	/** Option holding the rules (owned by the settings page): { enabled, pointsPerShare, pointsPerClick }. */
	public const OPTION = Shareworthy_Settings::GAMIFICATION_OPTION;

	/** How long computed standings are reused. */
	private const CACHE_SECONDS = 60;

	/** Option raised at every opt-in change: part of the cache key. */
	public const CACHE_VERSION_OPTION = 'shareworthy_points_cache_version';

	/** Most rows one leaderboard answers. */
	public const MAX_LIMIT = 100;

	/**
	 * The rules, read through the settings' one accessor (defaults when absent: off, 10 points
	 * a share, 1 a click; points clamped to the range the settings page accepts).
	 *
	 * @return array{enabled: bool, pointsPerShare: int, pointsPerClick: int}
	 */
	public static function rules(): array {
		return Shareworthy_Settings::gamification();
	}

	/**
	 * Whether gamification is on.
	 */
	public static function enabled(): bool {
		return self::rules()['enabled'];
	}

	/**
	 * Whether the user agreed to appear by name on the leaderboard.
	 *
	 * @param int $user_id User.
	 */
	public static function opted_in( int $user_id ): bool {
		return $user_id > 0 && '1' === (string) get_user_meta( $user_id, Shareworthy_Report::OPT_IN_META, true );
	}

	/**
	 * The leaderboard of a period: opted-in employees of this site by points (then user id),
	 * with competition ranks (equal points, equal rank), and the viewer's own row when they
	 * opted in, wherever they stand. Opted-in employees without activity are on it with 0.
	 *
	 * @param array<string, mixed> $options from, to (Y-m-d, inclusive, in time_zone; absent: open),
	 *                                      time_zone (DateTimeZone, default UTC), limit (1–MAX_LIMIT,
	 *                                      default 10), viewer (user id, default 0).
	 * @return array{rows: list<array{rank: int, userId: int, name: string, shares: int, clicks: int, points: int}>, me: array{rank: int, userId: int, name: string, shares: int, clicks: int, points: int}|null}
	 */
	public static function leaderboard( array $options = array() ): array {
		$limit     = max( 1, min( self::MAX_LIMIT, (int) ( $options['limit'] ?? 10 ) ) );
		$viewer    = (int) ( $options['viewer'] ?? 0 );
		$standings = self::standings( $options );
		$me        = null;
		foreach ( $standings as $row ) {
			if ( $row['userId'] === $viewer ) {
				$me = $row;
				break;
			}
		}
		return array(
			'rows' => array_slice( $standings, 0, $limit ),
			'me'   => $me,
		);
	}

	/**
	 * Forgets cached standings: called when an employee opts in or out, so that shows at once.
	 *
	 * @param int|int[] $meta_id  Meta row, or rows when deleted (unused).
	 * @param int       $user_id  User (unused).
	 * @param string    $meta_key Meta key.
	 */
	public static function forget( $meta_id, $user_id, $meta_key ): void {
		unset( $meta_id, $user_id );
		if ( Shareworthy_Report::OPT_IN_META === $meta_key ) {
			// Per site: on a network, other sites see the change when their standings expire.
			update_option( self::CACHE_VERSION_OPTION, (int) get_option( self::CACHE_VERSION_OPTION, 0 ) + 1, false );
		}
	}

	/**
	 * Every opted-in employee of the period, ranked: one aggregation in SQL, one row per
	 * employee back, kept CACHE_SECONDS in a transient (a leaderboard block on a busy intranet
	 * page would otherwise aggregate every click of the period on each view). New shares and
	 * clicks show within CACHE_SECONDS; rules and opt-ins change the key, so they show at once.
	 *
	 * @param array<string, mixed> $options See leaderboard().
	 * @return list<array{rank: int, userId: int, name: string, shares: int, clicks: int, points: int}>
	 */
	private static function standings( array $options ): array {
		global $wpdb;
		$rules = self::rules();
		$tz    = $options['time_zone'] ?? new DateTimeZone( 'UTC' );
		$from  = isset( $options['from'] ) ? self::utc_midnight( (string) $options['from'], $tz, 0 ) : null;
		$to    = isset( $options['to'] ) ? self::utc_midnight( (string) $options['to'], $tz, 1 ) : null;
		$key   = 'shareworthy_points_' . md5( (string) wp_json_encode( array( $from, $to, $rules['pointsPerShare'], $rules['pointsPerClick'], (int) get_option( self::CACHE_VERSION_OPTION, 0 ) ) ) );
		$rows  = get_transient( $key );
		if ( is_array( $rows ) ) {
			return $rows;
		}
		$board = self::board_sql( $rules, $from, $to );
		$found = (array) $wpdb->get_results( "{$board} ORDER BY points DESC, user_id ASC", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared in board_sql().
		$rows  = array();
		$rank  = 0;
		$last  = null;
		foreach ( $found as $index => $row ) {
			$row = self::row( $row, 0 );
			if ( $row['points'] !== $last ) {
				$rank = (int) $index + 1;
				$last = $row['points'];
			}
			$row['rank'] = $rank;
			$rows[]      = $row;
		}
		set_transient( $key, $rows, self::CACHE_SECONDS );
		return $rows;
	}

	/**
	 * The SELECT of every opted-in employee's shares, clicks and points in the period, prepared.
	 *
	 * @param array{pointsPerShare: int, pointsPerClick: int} $rules Points.
	 * @param string|null                                     $from  First UTC datetime, or null.
	 * @param string|null                                     $to    First UTC datetime after the period, or null.
	 */
	private static function board_sql( array $rules, ?string $from, ?string $to ): string {
		global $wpdb;
		$shares = Shareworthy_Schema::shares_table();
		$clicks = Shareworthy_Schema::clicks_table();
		$when   = static fn( string $column ): string => ( null === $from ? '' : $wpdb->prepare( " AND {$column} >= %s", $from ) ) // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			. ( null === $to ? '' : $wpdb->prepare( " AND {$column} < %s", $to ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		// Clicks are read by scanning the table, never through the created_at index: one row
		// lookup per index entry cost more than the scan for every period the block offers
		// (SQLite, 100,000 clicks over a year: 7 days 85 ms against 48 ms, 30 days 192 against
		// 64, 90 days 294 against 73, on a loaded machine). The unary plus hides the column from
		// SQLite's planner and is a no-op in MySQL.
		$s_when = $when( 's.created_at' );
		$c_when = $when( '+c.created_at' );
		// Employees of this site: on a network the users table is shared, capabilities are per site.
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names from $wpdb, periods prepared above.
		return $wpdb->prepare(
			"SELECT u.ID AS user_id, u.display_name AS name, COALESCE(a.shares, 0) AS shares, COALESCE(a.clicks, 0) AS clicks,
				COALESCE(a.shares, 0) * %d + COALESCE(a.clicks, 0) * %d AS points
			FROM {$wpdb->users} u
			LEFT JOIN (
				SELECT t.user_id, SUM(t.shares) AS shares, SUM(t.clicks) AS clicks FROM (
					SELECT s.user_id, COUNT(*) AS shares, 0 AS clicks FROM {$shares} s WHERE 1 = 1{$s_when} GROUP BY s.user_id
					UNION ALL
					SELECT s.user_id, 0 AS shares, COUNT(*) AS clicks FROM {$clicks} c JOIN {$shares} s ON s.id = c.share_id
						WHERE c.counted = 1{$c_when} GROUP BY s.user_id
				) t GROUP BY t.user_id
			) a ON a.user_id = u.ID
			WHERE u.ID IN (SELECT om.user_id FROM {$wpdb->usermeta} om WHERE om.meta_key = %s AND om.meta_value = '1')
				AND u.ID IN (SELECT cm.user_id FROM {$wpdb->usermeta} cm WHERE cm.meta_key = %s)",
			$rules['pointsPerShare'],
			$rules['pointsPerClick'],
			Shareworthy_Report::OPT_IN_META,
			$wpdb->get_blog_prefix() . 'capabilities'
		);
		// phpcs:enable
	}

	/**
	 * A row as the API answers it.
	 *
	 * @param array<string, mixed> $row  SQL row.
	 * @param int                  $rank Rank.
	 * @return array{rank: int, userId: int, name: string, shares: int, clicks: int, points: int}
	 */
	private static function row( array $row, int $rank ): array {
		return array(
			'rank'   => $rank,
			'userId' => (int) $row['user_id'],
			'name'   => (string) $row['name'],
			'shares' => (int) $row['shares'],
			'clicks' => (int) $row['clicks'],
			'points' => (int) $row['points'],
		);
	}

	/**
	 * UTC datetime of local midnight of a day, plus $days days.
	 *
	 * @param string       $day  Y-m-d.
	 * @param DateTimeZone $tz   Zone of the day.
	 * @param int          $days Days to add.
	 */
	private static function utc_midnight( string $day, DateTimeZone $tz, int $days ): string {
		return ( new DateTimeImmutable( $day . ' 00:00:00', $tz ) )->modify( "+{$days} days" )->setTimezone( new DateTimeZone( 'UTC' ) )->format( 'Y-m-d H:i:s' );
	}
}
