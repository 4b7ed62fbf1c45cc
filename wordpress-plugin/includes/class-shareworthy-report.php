<?php
/**
 * Reports computed in SQL: the same figures as core's aggregate() (core/src/reports/aggregate.ts).
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Aggregates the shares and clicks tables with GROUP BY (never loading the rows into PHP),
 * with core's semantics: shares count by their own date and clicks by theirs (so a period's
 * clicks include clicks on earlier shares), only counted clicks on known shares, unique
 * clicks as distinct visitor keys per row and once overall, rows by clicks, shares, then key
 * (byte order), day rows filled from the first to the last day. Clicks are read from the
 * rollups of Shareworthy_Click_Days (exact, one pass over share-days instead of two
 * COUNT(DISTINCT) passes over every click), except the rows, not the totals, of days in a
 * zone away from UTC. The SQL is plain MySQL that the SQLite integration translates (DATE,
 * DATE_ADD/DATE_SUB, COUNT(DISTINCT), EXISTS, UNION ALL).
 */
final class Shareworthy_Report {

	/** Groupings, as core's GroupBy. */
	public const GROUPS = array( 'item', 'campaign', 'network', 'day', 'employee' );

	/** User meta: the employee agreed to appear by name in reports ('1'). */
	public const OPT_IN_META = 'shareworthy_leaderboard_opt_in';

	/** Option: price of one click for the earned media value (core's costPerClick). */
	public const COST_PER_CLICK_OPTION = 'shareworthy_cost_per_click';

	/** Key of the row of employees who did not opt in (core's OTHERS_KEY). */
	public const OTHERS_KEY = 'others';

	/**
	 * The report, as core's Report without `excluded`.
	 *
	 * @param string               $by      One of GROUPS.
	 * @param array<string, mixed> $options from, to (Y-m-d, inclusive, in time_zone), time_zone (DateTimeZone, default UTC),
	 *                                      cost_per_click (float), reach_per_share (null: core's defaults, or one number),
	 *                                      eligible (int: employees who may share), campaign and network (filters).
	 * @return array{totals: array<string, int|float>, rows: list<array<string, int|float|string>>}
	 */
	public static function run( string $by, array $options = array() ): array {
		global $wpdb;
		$tz      = $options['time_zone'] ?? new DateTimeZone( 'UTC' );
		$from    = isset( $options['from'] ) ? self::utc_midnight( (string) $options['from'], $tz ) : null;
		$to      = isset( $options['to'] ) ? self::utc_midnight( (string) $options['to'], $tz, 1 ) : null;
		$filters = self::share_filters( $options );

		$shares_where = self::period( 's.created_at', $from, $to ) . $filters['where'];
		$join         = 'campaign' === $by || isset( $options['campaign'] ) ? $filters['join'] : '';
		$shares_from  = Shareworthy_Schema::shares_table() . ' s' . $join;
		$share_key    = self::key_sql( $by, 's', $options, $from, $to );

		// phpcs:disable WordPress.DB.PreparedSQL -- table names come from $wpdb; values are prepared in period()/share_filters().
		$share_totals = $wpdb->get_row( "SELECT COUNT(*) AS shares, COUNT(DISTINCT s.user_id) AS sharers FROM {$shares_from} WHERE 1 = 1{$shares_where}", ARRAY_A );
		$per_network  = $wpdb->get_results( "SELECT s.network AS k, COUNT(*) AS n FROM {$shares_from} WHERE 1 = 1{$shares_where} GROUP BY s.network", ARRAY_A );
		$share_rows   = $wpdb->get_results( "SELECT {$share_key} AS k, COUNT(*) AS n FROM {$shares_from} WHERE 1 = 1{$shares_where} GROUP BY k", ARRAY_A );
		// phpcs:enable
		$utc_days = self::in_utc_days( $by, $options, $from, $to );
		$tally    = self::clicks_from_rollups( $utc_days ? $by : null, $options, $from, $to, $join . ' WHERE 1 = 1' . $filters['where'] );
		if ( ! $utc_days ) {
			$created       = Shareworthy_Click_Days::scans( Shareworthy_Schema::clicks_table(), 'created_at', $from ) ? '+c.created_at' : 'c.created_at';
			$tally['rows'] = self::click_rows_from_table( $by, $options, $from, $to, $join . ' WHERE c.counted = 1' . self::period( $created, $from, $to ) . $filters['where'] );
		}

		$reach = 0.0;
		foreach ( (array) $per_network as $row ) {
			$reach += (int) $row['n'] * self::reach_of( (string) $row['k'], $options['reach_per_share'] ?? null );
		}
		$shares   = (int) ( $share_totals['shares'] ?? 0 );
		$clicks   = $tally['clicks'];
		$eligible = (int) ( $options['eligible'] ?? self::eligible_employees() );
		$cost     = (float) ( $options['cost_per_click'] ?? 0 );
		$totals   = array(
			'shares'            => $shares,
			'clicks'            => $clicks,
			'uniqueClicks'      => $tally['visitors'],
			'ctr'               => self::ratio( $clicks, $shares ),
			'participationRate' => self::ratio( (int) ( $share_totals['sharers'] ?? 0 ), max( 0, $eligible ) ),
			'reach'             => (int) round( $reach ),
			'emv'               => round( $clicks * ( is_finite( $cost ) && $cost > 0 ? $cost : 0.0 ) * 100 ) / 100,
		);

		$rows = array();
		foreach ( (array) $share_rows as $row ) {
			$key          = self::key_text( $by, $row['k'] );
			$rows[ $key ] = array( $key, (int) $row['n'], 0, 0 );
		}
		foreach ( $tally['rows'] as $raw => $row ) {
			$key          = self::key_text( $by, $raw );
			$rows[ $key ] = array( $key, $rows[ $key ][1] ?? 0, $row[0], $row[1] );
		}
		if ( 'day' === $by ) {
			$rows = self::fill_days( $rows, $options['from'] ?? null, $options['to'] ?? null );
		} else {
			uasort( $rows, static fn( array $a, array $b ): int => $b[2] <=> $a[2] ?: $b[1] <=> $a[1] ?: strcmp( $a[0], $b[0] ) );
		}
		$labels = self::labels( $by, array_keys( $rows ) );
		$out    = array();
		foreach ( $rows as $row ) {
			$out[] = array(
				'key'          => (string) $row[0],
				'label'        => $labels[ $row[0] ] ?? (string) $row[0],
				'shares'       => $row[1],
				'clicks'       => $row[2],
				'uniqueClicks' => $row[3],
				'ctr'          => self::ratio( $row[2], $row[1] ),
			);
		}
		return array(
			'totals' => $totals,
			'rows'   => $out,
		);
	}

	/**
	 * Whether every row of the report is a set of whole UTC share-days, so the rollups of
	 * Shareworthy_Click_Days can answer: true but for day rows in a zone away from UTC, whose
	 * local days cut UTC days in two (their totals still come from the rollups).
	 *
	 * @param string               $by      Grouping.
	 * @param array<string, mixed> $options Options.
	 * @param string|null          $from    First UTC datetime.
	 * @param string|null          $to      First UTC datetime after the period.
	 */
	private static function in_utc_days( string $by, array $options, ?string $from, ?string $to ): bool {
		return 'day' !== $by || 'DATE(c.created_at)' === self::key_sql( $by, 'c', $options, $from, $to );
	}

	/**
	 * Counted clicks and distinct visitors, per row key and in total, from the rollups: sums of
	 * share-days less the repeat visitors' extra share-days (see Shareworthy_Click_Days).
	 *
	 * @param string|null          $by      Grouping, or null for the totals only (one row, key '').
	 * @param array<string, mixed> $options Options.
	 * @param string|null          $from    First UTC datetime.
	 * @param string|null          $to      First UTC datetime after the period.
	 * @param string               $tail    Campaign join and WHERE on the shares `s`.
	 * @return array{clicks: int, visitors: int, rows: array<int|string, array{0: int, 1: int}>}
	 */
	private static function clicks_from_rollups( ?string $by, array $options, ?string $from, ?string $to, string $tail ): array {
		global $wpdb;
		$day     = 'day' === $by;
		$sources = Shareworthy_Click_Days::sources( $from, $to, $day );
		$shares  = Shareworthy_Schema::shares_table();
		$key     = null === $by ? "''" : ( $day ? 'u.day' : self::key_sql( $by, 's', $options, $from, $to ) );
		// Day rows without filters need nothing of the shares but that they exist: when every
		// share-day's share does, the pass reads one index in day order (SQLite, a year by day:
		// 13 ms instead of 25 ms).
		$units = $day && ' WHERE 1 = 1' === $tail && Shareworthy_Click_Days::shares_all_known()
			? "({$sources['units']}) u"
			: "({$sources['units']}) u JOIN {$shares} s ON s.id = u.share_id{$tail}";
		// phpcs:disable WordPress.DB.PreparedSQL -- table names come from $wpdb; values are prepared by the callers.
		$sums   = (array) $wpdb->get_results( "SELECT {$key} AS k, SUM(u.clicks) AS n, SUM(u.visitors) AS v FROM {$units} GROUP BY k", ARRAY_A );
		$repeat = "FROM ({$sources['repeats']}) u JOIN {$shares} s ON s.id = u.share_id{$tail}";
		$extras = (array) $wpdb->get_results( "SELECT {$key} AS k, COUNT(*) - COUNT(DISTINCT u.visitor_key) AS x {$repeat} GROUP BY k", ARRAY_A );
		$extra  = (int) $wpdb->get_var( "SELECT COUNT(*) - COUNT(DISTINCT u.visitor_key) {$repeat}" );
		// phpcs:enable
		$extras = array_column( $extras, 'x', 'k' );
		$out    = array(
			'clicks'   => 0,
			'visitors' => -$extra,
			'rows'     => array(),
		);
		foreach ( $sums as $row ) {
			$out['clicks']             += (int) $row['n'];
			$out['visitors']           += (int) $row['v'];
			$out['rows'][ $row['k'] ]   = array( (int) $row['n'], (int) $row['v'] - (int) ( $extras[ $row['k'] ] ?? 0 ) );
		}
		return $out;
	}

	/**
	 * Counted clicks and distinct visitors per row key, read from the clicks.
	 *
	 * @param string               $by      Grouping.
	 * @param array<string, mixed> $options Options.
	 * @param string|null          $from    First UTC datetime.
	 * @param string|null          $to      First UTC datetime after the period.
	 * @param string               $tail    Campaign join and WHERE on the clicks `c` and shares `s`.
	 * @return array<int|string, array{0: int, 1: int}>
	 */
	private static function click_rows_from_table( string $by, array $options, ?string $from, ?string $to, string $tail ): array {
		global $wpdb;
		$key    = self::key_sql( $by, 'c', $options, $from, $to );
		$clicks = Shareworthy_Schema::clicks_table() . ' c JOIN ' . Shareworthy_Schema::shares_table() . ' s ON s.id = c.share_id' . $tail;
		$rows   = (array) $wpdb->get_results( "SELECT {$key} AS k, COUNT(*) AS n, COUNT(DISTINCT c.visitor_key) AS v FROM {$clicks} GROUP BY k", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL -- table names come from $wpdb; values are prepared by the callers.
		$out    = array();
		foreach ( $rows as $row ) {
			$out[ $row['k'] ] = array( (int) $row['n'], (int) $row['v'] );
		}
		return $out;
	}

	/**
	 * Users who may share: the denominator of participation.
	 */
	public static function eligible_employees(): int {
		$roles = array();
		foreach ( wp_roles()->role_objects as $name => $role ) {
			if ( $role->has_cap( Shareworthy_Capabilities::SHARE ) ) {
				$roles[] = $name;
			}
		}
		return array() === $roles ? 0 : (int) ( new WP_User_Query(
			array(
				'role__in'    => $roles,
				'fields'      => 'ID',
				'count_total' => true,
				'number'      => 1,
			)
		) )->get_total();
	}

	/**
	 * Core's toCsv(): RFC 4180, CRLF after every record, fields with , " CR LF quoted and quotes
	 * doubled; text cells (headers too) starting with = + - @ TAB or CR written as "'…"
	 * (OWASP CSV injection); numbers as numbers; null empty; booleans true/false.
	 *
	 * @param list<array<string, mixed>>                    $rows    Records.
	 * @param list<array{key: string, header?: string}>|null $columns Columns; default: the keys of the first row.
	 * @param bool                                          $bom     Start with U+FEFF (Excel reads UTF-8 then).
	 */
	public static function to_csv( array $rows, ?array $columns = null, bool $bom = false ): string {
		$columns ??= array() === $rows ? array() : array_map( static fn( $key ): array => array( 'key' => (string) $key ), array_keys( (array) reset( $rows ) ) );
		$prefix    = $bom ? "\u{FEFF}" : '';
		if ( array() === $columns ) {
			return $prefix;
		}
		$lines = array( implode( ',', array_map( static fn( array $c ): string => self::csv_field( $c['header'] ?? $c['key'] ), $columns ) ) );
		foreach ( $rows as $row ) {
			$lines[] = implode( ',', array_map( static fn( array $c ): string => self::csv_field( $row[ $c['key'] ] ?? null ), $columns ) );
		}
		return $prefix . implode( "\r\n", $lines ) . "\r\n";
	}

	/**
	 * One CSV field.
	 *
	 * @param mixed $value Cell.
	 */
	private static function csv_field( $value ): string {
		if ( is_int( $value ) ) {
			return (string) $value;
		}
		if ( is_float( $value ) ) {
			return is_finite( $value ) ? self::js_number( $value ) : '';
		}
		if ( is_bool( $value ) ) {
			return $value ? 'true' : 'false';
		}
		$text = null === $value ? '' : ( is_string( $value ) ? $value : (string) wp_json_encode( $value ) );
		if ( 1 === preg_match( '/^[=+\-@\t\r]/', $text ) ) {
			return '"' . str_replace( '"', '""', "'" . $text ) . '"';
		}
		return 1 === preg_match( '/[",\r\n]/', $text ) ? '"' . str_replace( '"', '""', $text ) . '"' : $text;
	}

	/**
	 * A float as JavaScript's String(number) writes it: shortest round-trip digits, no ".0".
	 *
	 * @param float $value Finite number.
	 */
	private static function js_number( float $value ): string {
		$text = (string) json_encode( $value, JSON_PRESERVE_ZERO_FRACTION ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- a number, not data.
		return str_ends_with( $text, '.0' ) ? substr( $text, 0, -2 ) : $text;
	}

	/**
	 * UTC datetime of local midnight of a day (plus $days days).
	 *
	 * @param string       $day  Y-m-d.
	 * @param DateTimeZone $tz   Time zone of the day.
	 * @param int          $days Days to add.
	 */
	private static function utc_midnight( string $day, DateTimeZone $tz, int $days = 0 ): string {
		$date = new DateTimeImmutable( $day . ' 00:00:00', $tz );
		return $date->modify( "+{$days} days" )->setTimezone( new DateTimeZone( 'UTC' ) )->format( 'Y-m-d H:i:s' );
	}

	/**
	 * `AND column >= from AND column < to`, prepared.
	 *
	 * @param string      $column Column.
	 * @param string|null $from   First UTC datetime.
	 * @param string|null $to     First UTC datetime after the period.
	 */
	private static function period( string $column, ?string $from, ?string $to ): string {
		global $wpdb;
		$sql = '';
		if ( null !== $from ) {
			$sql .= $wpdb->prepare( " AND {$column} >= %s", $from ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		if ( null !== $to ) {
			$sql .= $wpdb->prepare( " AND {$column} < %s", $to ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		return $sql;
	}

	/**
	 * The campaign join (always: campaign grouping and filter need it) and the filter conditions.
	 * A share's campaign is its item's campaign term of lowest id, as Shareworthy_Items::campaign().
	 *
	 * @param array<string, mixed> $options Options.
	 * @return array{join: string, where: string}
	 */
	private static function share_filters( array $options ): array {
		global $wpdb;
		$join  = $wpdb->prepare(
			" LEFT JOIN (SELECT tr.object_id AS item_id, MIN(tt.term_id) AS term_id FROM {$wpdb->term_relationships} tr JOIN {$wpdb->term_taxonomy} tt ON tt.term_taxonomy_id = tr.term_taxonomy_id WHERE tt.taxonomy = %s GROUP BY tr.object_id) ct ON ct.item_id = s.item_id LEFT JOIN {$wpdb->terms} cterm ON cterm.term_id = ct.term_id",
			Shareworthy_Meta::CAMPAIGN_TAXONOMY
		);
		$where = '';
		if ( isset( $options['network'] ) && '' !== $options['network'] ) {
			$where .= $wpdb->prepare( ' AND s.network = %s', (string) $options['network'] );
		}
		if ( isset( $options['campaign'] ) ) {
			$where .= $wpdb->prepare( " AND COALESCE(cterm.name, '') = %s", esc_html( (string) $options['campaign'] ) );
		}
		return array(
			'join'  => $join,
			'where' => $where,
		);
	}

	/**
	 * The SQL expression of a row key.
	 *
	 * @param string               $by      Grouping.
	 * @param string               $alias   's' (shares) or 'c' (clicks joined to s).
	 * @param array<string, mixed> $options Options.
	 * @param string|null          $from    First UTC datetime.
	 * @param string|null          $to      First UTC datetime after the period.
	 */
	private static function key_sql( string $by, string $alias, array $options, ?string $from, ?string $to ): string {
		global $wpdb;
		switch ( $by ) {
			case 'item':
				return 's.item_id';
			case 'campaign':
				return "COALESCE(cterm.name, '')";
			case 'network':
				return 's.network';
			case 'employee':
				return $wpdb->prepare( "CASE WHEN EXISTS (SELECT 1 FROM {$wpdb->usermeta} om WHERE om.user_id = s.user_id AND om.meta_key = %s AND om.meta_value = '1') THEN s.user_id ELSE 0 END", self::OPT_IN_META );
			default:
				return self::day_sql( "{$alias}.created_at", $options['time_zone'] ?? new DateTimeZone( 'UTC' ), $from, $to );
		}
	}

	/**
	 * Local day of a UTC datetime column: one offset per stretch between the zone's transitions
	 * in the period (portable: no CONVERT_TZ, which needs MySQL's zone tables and SQLite lacks).
	 *
	 * @param string       $column UTC datetime column.
	 * @param DateTimeZone $tz     Zone of the days.
	 * @param string|null  $from   First UTC datetime, or null (then the data's own range).
	 * @param string|null  $to     First UTC datetime after, or null.
	 */
	private static function day_sql( string $column, DateTimeZone $tz, ?string $from, ?string $to ): string {
		global $wpdb;
		if ( null === $from || null === $to ) {
			$range = $wpdb->get_row( 'SELECT MIN(m) AS lo, MAX(x) AS hi FROM (SELECT MIN(created_at) AS m, MAX(created_at) AS x FROM ' . Shareworthy_Schema::shares_table() . ' UNION ALL SELECT MIN(created_at), MAX(created_at) FROM ' . Shareworthy_Schema::clicks_table() . ') r', ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			$from ??= (string) ( $range['lo'] ?? '1970-01-01 00:00:00' );
			$to   ??= (string) ( $range['hi'] ?? '1970-01-01 00:00:00' );
		}
		$utc         = new DateTimeZone( 'UTC' );
		$start       = ( new DateTimeImmutable( $from, $utc ) )->getTimestamp();
		$end         = ( new DateTimeImmutable( $to, $utc ) )->getTimestamp() + 1;
		$transitions = $tz->getTransitions( $start, $end );
		$shift       = static function ( int $offset ) use ( $column ): string {
			if ( 0 === $offset ) {
				return "DATE({$column})";
			}
			return sprintf( 'DATE(%s(%s, INTERVAL %d SECOND))', $offset > 0 ? 'DATE_ADD' : 'DATE_SUB', $column, abs( $offset ) );
		};
		if ( false === $transitions || count( $transitions ) <= 1 ) {
			return $shift( false === $transitions ? 0 : (int) $transitions[0]['offset'] );
		}
		$sql = 'CASE';
		for ( $i = 0, $n = count( $transitions ) - 1; $i < $n; $i++ ) {
			$until = gmdate( 'Y-m-d H:i:s', (int) $transitions[ $i + 1 ]['ts'] );
			$sql  .= $wpdb->prepare( " WHEN {$column} < %s THEN ", $until ) . $shift( (int) $transitions[ $i ]['offset'] ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		return $sql . ' ELSE ' . $shift( (int) $transitions[ $n ]['offset'] ) . ' END';
	}

	/**
	 * A key as core writes it.
	 *
	 * @param string $by  Grouping.
	 * @param mixed  $raw Value from SQL.
	 */
	private static function key_text( string $by, $raw ): string {
		if ( 'employee' === $by ) {
			return 0 === (int) $raw ? self::OTHERS_KEY : (string) (int) $raw;
		}
		if ( 'campaign' === $by ) {
			return html_entity_decode( (string) $raw, ENT_QUOTES, 'UTF-8' );
		}
		return (string) $raw;
	}

	/**
	 * Display labels of the keys (English, like core's).
	 *
	 * @param string       $by   Grouping.
	 * @param list<string> $keys Row keys.
	 * @return array<string, string>
	 */
	private static function labels( string $by, array $keys ): array {
		$labels = array();
		if ( 'item' === $by ) {
			_prime_post_caches( array_map( 'intval', $keys ), false, false ); // One query, not one per row.
		}
		foreach ( $keys as $key ) {
			$key = (string) $key;
			switch ( $by ) {
				case 'item':
					$title          = trim( html_entity_decode( (string) get_post_field( 'post_title', (int) $key, 'raw' ), ENT_QUOTES, 'UTF-8' ) );
					$labels[ $key ] = '' === $title ? $key : $title;
					break;
				case 'campaign':
					$labels[ $key ] = '' === $key ? '(no campaign)' : $key;
					break;
				case 'network':
					// English like core's labels; screens translate by key.
					$labels[ $key ] = Shareworthy_Core_Data::network_names()[ $key ] ?? $key;
					break;
				case 'employee':
					$user           = self::OTHERS_KEY === $key ? false : get_userdata( (int) $key );
					$labels[ $key ] = self::OTHERS_KEY === $key ? 'Others' : ( false === $user ? $key : $user->display_name );
					break;
				default:
					$labels[ $key ] = $key;
			}
		}
		return $labels;
	}

	/**
	 * Day rows from the first to the last day, with zeros where nothing happened.
	 *
	 * @param array<string, array{0: string, 1: int, 2: int, 3: int}> $rows Rows by day.
	 * @param string|null                                             $from First day.
	 * @param string|null                                             $to   Last day.
	 * @return array<string, array{0: string, 1: int, 2: int, 3: int}>
	 */
	private static function fill_days( array $rows, ?string $from, ?string $to ): array {
		$days = array_keys( $rows );
		sort( $days, SORT_STRING );
		$first = $from ?? $days[0] ?? $to;
		$last  = $to ?? ( array() === $days ? null : end( $days ) ) ?? $from;
		if ( null === $first || null === $last ) {
			return array();
		}
		$filled = array();
		$utc    = new DateTimeZone( 'UTC' );
		for ( $day = new DateTimeImmutable( $first, $utc ); $day->format( 'Y-m-d' ) <= $last; $day = $day->modify( '+1 day' ) ) {
			$key            = $day->format( 'Y-m-d' );
			$filled[ $key ] = $rows[ $key ] ?? array( $key, 0, 0, 0 );
		}
		return $filled;
	}

	/**
	 * Audience of one share on a network.
	 *
	 * @param string     $network Network.
	 * @param float|null $per     One figure for every network, or null for core's defaults.
	 */
	private static function reach_of( string $network, $per ): float {
		$value = null === $per ? ( Shareworthy_Core_Data::reach_per_share()[ $network ] ?? 0 ) : (float) $per;
		return is_finite( (float) $value ) && $value > 0 ? (float) $value : 0.0;
	}

	/**
	 * part / whole, 0 without a whole.
	 *
	 * @param int $part  Part.
	 * @param int $whole Whole.
	 */
	private static function ratio( int $part, int $whole ): float {
		return $whole > 0 ? $part / $whole : 0.0;
	}
}
