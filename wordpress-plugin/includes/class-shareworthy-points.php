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

	/** Option holding the rules: { enabled: bool, pointsPerShare: int, pointsPerClick: int }. */
	public const OPTION = 'shareworthy_gamification';

	/** Rules when the option is absent: off, 10 points a share, 1 a click. */
	public const DEFAULTS = array(
		'enabled'        => false,
		'pointsPerShare' => 10,
		'pointsPerClick' => 1,
	);

	/** Highest points per share or click taken from the option: sums stay far inside 64 bits. */
	private const MAX_POINTS = 1000000;

	/** Most rows one leaderboard answers. */
	public const MAX_LIMIT = 100;

	/**
	 * The rules, with the defaults for anything absent or malformed (the settings page
	 * validates; this only refuses to compute with what it cannot use).
	 *
	 * @return array{enabled: bool, pointsPerShare: int, pointsPerClick: int}
	 */
	public static function rules(): array {
		$stored = get_option( self::OPTION, array() );
		$stored = is_array( $stored ) ? $stored : array();
		$points = static function ( string $key ) use ( $stored ): int {
			$value = $stored[ $key ] ?? null;
			return is_numeric( $value ) && (float) $value >= 0 ? min( self::MAX_POINTS, (int) $value ) : self::DEFAULTS[ $key ];
		};
		return array(
			'enabled'        => in_array( $stored['enabled'] ?? false, array( true, 1, '1' ), true ),
			'pointsPerShare' => $points( 'pointsPerShare' ),
			'pointsPerClick' => $points( 'pointsPerClick' ),
		);
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
		global $wpdb;
		$limit  = max( 1, min( self::MAX_LIMIT, (int) ( $options['limit'] ?? 10 ) ) );
		$viewer = (int) ( $options['viewer'] ?? 0 );
		$board  = self::board_sql( $options );
		// phpcs:disable WordPress.DB.PreparedSQL -- prepared in board_sql(); the rest are integers.
		$found = (array) $wpdb->get_results( "SELECT * FROM ({$board}) b ORDER BY b.points DESC, b.user_id ASC LIMIT {$limit}", ARRAY_A );
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
		$me = null;
		if ( self::opted_in( $viewer ) ) {
			$mine = $wpdb->get_row( "SELECT * FROM ({$board}) b WHERE b.user_id = {$viewer}", ARRAY_A );
			if ( is_array( $mine ) ) {
				$points = (int) $mine['points'];
				$me     = self::row( $mine, 1 + (int) $wpdb->get_var( "SELECT COUNT(*) FROM ({$board}) b WHERE b.points > {$points}" ) );
			}
		}
		// phpcs:enable
		return array(
			'rows' => $rows,
			'me'   => $me,
		);
	}

	/**
	 * The SELECT of every opted-in employee's shares, clicks and points in the period, prepared.
	 *
	 * @param array<string, mixed> $options See leaderboard().
	 */
	private static function board_sql( array $options ): string {
		global $wpdb;
		$rules  = self::rules();
		$tz     = $options['time_zone'] ?? new DateTimeZone( 'UTC' );
		$shares = Shareworthy_Schema::shares_table();
		$clicks = Shareworthy_Schema::clicks_table();
		// An open end is a date no row reaches, so one statement serves every period.
		$from = isset( $options['from'] ) ? self::utc_midnight( (string) $options['from'], $tz, 0 ) : '1000-01-01 00:00:00';
		$to   = isset( $options['to'] ) ? self::utc_midnight( (string) $options['to'], $tz, 1 ) : '9999-12-31 23:59:59';
		// Employees of this site: on a network the users table is shared, capabilities are per site.
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names from $wpdb.
		return $wpdb->prepare(
			"SELECT u.ID AS user_id, u.display_name AS name, COALESCE(a.shares, 0) AS shares, COALESCE(a.clicks, 0) AS clicks,
				COALESCE(a.shares, 0) * %d + COALESCE(a.clicks, 0) * %d AS points
			FROM {$wpdb->users} u
			LEFT JOIN (
				SELECT t.user_id, SUM(t.shares) AS shares, SUM(t.clicks) AS clicks FROM (
					SELECT s.user_id, COUNT(*) AS shares, 0 AS clicks FROM {$shares} s
						WHERE s.created_at >= %s AND s.created_at < %s GROUP BY s.user_id
					UNION ALL
					SELECT s.user_id, 0 AS shares, COUNT(*) AS clicks FROM {$clicks} c JOIN {$shares} s ON s.id = c.share_id
						WHERE c.counted = 1 AND c.created_at >= %s AND c.created_at < %s GROUP BY s.user_id
				) t GROUP BY t.user_id
			) a ON a.user_id = u.ID
			WHERE u.ID IN (SELECT om.user_id FROM {$wpdb->usermeta} om WHERE om.meta_key = %s AND om.meta_value = '1')
				AND u.ID IN (SELECT cm.user_id FROM {$wpdb->usermeta} cm WHERE cm.meta_key = %s)",
			$rules['pointsPerShare'],
			$rules['pointsPerClick'],
			$from,
			$to,
			$from,
			$to,
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
