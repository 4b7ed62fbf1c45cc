<?php
/**
 * Clicks counted by the click tracker, brought into the site's own clicks table so reports,
 * points and per-post figures include the shares whose link is the tracker's.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Pulls the tracker's click feed (GET /api/clicks) every five minutes (wp-cron) and before a
 * report is answered when the last pull is over a minute old, within a time budget, and
 * records each click through Shareworthy_Clicks::record(), so rollups, points and per-post
 * figures count it like a /go/ click.
 *
 * Exactly once: a page's clicks and the cursor after them are written in one database
 * transaction, and the cursor is moved first with a compare-and-set, so two pulls running at
 * once cannot both import a page (the second finds the cursor moved and rolls back), and a
 * pull that dies half-way leaves neither the clicks nor the cursor.
 */
final class Shareworthy_Tracker_Clicks {

	/** The wp-cron event. */
	public const HOOK = 'shareworthy_tracker_pull';

	/** Its wp-cron interval. */
	public const SCHEDULE = 'shareworthy_five_minutes';

	/** Option: `{"tracker": URL, "after": cursor}`, written only in the import transaction. */
	public const CURSOR_OPTION = 'shareworthy_tracker_cursor';

	/** Option: what the last pulls did (see status()). */
	public const STATUS_OPTION = 'shareworthy_tracker_pull_status';

	/** Clicks asked for per request by the cron event (the tracker allows up to 5,000). */
	private const PAGE = 1000;

	/**
	 * Clicks per request before a report: each is recorded with a few queries, so a smaller page
	 * keeps the import inside the report's budget too (the budget is checked between pages).
	 */
	private const REQUEST_PAGE = 200;

	/** A report request pulls first when the last pull is older than this (seconds). */
	private const STALE = 60;

	/** Longest a report request waits for the tracker (seconds); a slow tracker never blocks a page longer. */
	private const REQUEST_BUDGET = 2.0;

	/** Longest a cron pull runs (seconds); what is left waits for the next event. */
	private const CRON_BUDGET = 20.0;

	/** REST routes whose answers count clicks: reports, their events, the leaderboard, per-post summaries. */
	private const REPORT_ROUTES = '#^/shareworthy/v1/(reports(/events)?|leaderboard|summaries/)#';

	/**
	 * Adds the hooks (called once from Shareworthy_Plugin::boot()).
	 */
	public static function boot(): void {
		add_filter( 'cron_schedules', array( __CLASS__, 'cron_schedules' ) ); // phpcs:ignore WordPress.WP.CronInterval.ChangeDetected -- five minutes on purpose.
		add_action( 'init', array( __CLASS__, 'schedule' ) );
		add_action( self::HOOK, array( __CLASS__, 'run_cron' ) );
		add_filter( 'rest_dispatch_request', array( __CLASS__, 'before_report' ), 10, 3 );
	}

	/**
	 * Registers the five-minute interval.
	 *
	 * @param array<string, array{interval: int, display: string}> $schedules Schedules.
	 * @return array<string, array{interval: int, display: string}>
	 */
	public static function cron_schedules( array $schedules ): array {
		$schedules[ self::SCHEDULE ] = array(
			'interval' => 5 * MINUTE_IN_SECONDS,
			'display'  => __( 'Every five minutes (Shareworthy click tracker)', 'shareworthy' ),
		);
		return $schedules;
	}

	/**
	 * Keeps the event scheduled while the tracker is set up, and removes it otherwise.
	 */
	public static function schedule(): void {
		$next = wp_next_scheduled( self::HOOK );
		if ( Shareworthy_Tracker_Client::enabled() && false === $next ) {
			wp_schedule_event( time() + MINUTE_IN_SECONDS, self::SCHEDULE, self::HOOK );
		} elseif ( ! Shareworthy_Tracker_Client::enabled() && false !== $next ) {
			wp_clear_scheduled_hook( self::HOOK );
		}
	}

	/**
	 * The cron event: a pull with the longer budget.
	 */
	public static function run_cron(): void {
		self::pull( self::CRON_BUDGET );
	}

	/**
	 * rest_dispatch_request, after the permission check: a report route pulls first when the
	 * last pull is stale. A failed pull only shows in the status; the report is answered from
	 * what is stored.
	 *
	 * @param mixed           $result  Null, or a response another filter gave.
	 * @param WP_REST_Request $request Request.
	 * @param string          $route   Matched route.
	 * @return mixed $result unchanged.
	 */
	public static function before_report( $result, $request, $route ) {
		unset( $request );
		if ( null === $result && 1 === preg_match( self::REPORT_ROUTES, (string) $route ) && Shareworthy_Tracker_Client::enabled() ) {
			$last = (int) ( self::status_option()['attempt'] ?? 0 );
			if ( time() - $last >= self::STALE ) {
				self::pull( self::REQUEST_BUDGET, self::REQUEST_PAGE );
			}
		}
		return $result;
	}

	/**
	 * Imports the clicks stored on the tracker since the cursor, a page at a time, until the
	 * feed is caught up, the budget is spent, or a request fails.
	 *
	 * @param float $budget Seconds; no request starts once they are spent, and each is given
	 *                      only what is left.
	 * @param int   $limit  Clicks per request.
	 * @return array{imported: int, skipped: int, error: ?string} This pull's figures.
	 */
	public static function pull( float $budget, int $limit = self::PAGE ): array {
		$deadline = microtime( true ) + $budget;
		$pulled   = array(
			'imported' => 0,
			'skipped'  => 0,
			'error'    => null,
		);
		if ( ! Shareworthy_Tracker_Client::enabled() ) {
			return $pulled;
		}
		// Noted first, so requests arriving meanwhile do not start a pull of their own.
		self::update_status( array( 'attempt' => time() ) );
		$tracker = (string) get_option( Shareworthy_Tracker_Client::URL_OPTION, '' );
		add_option( self::CURSOR_OPTION, '', '', false );
		while ( true ) {
			$left = $deadline - microtime( true );
			if ( $left < 0.1 ) {
				break;
			}
			$stored = self::stored_cursor();
			$state  = json_decode( $stored, true );
			$after  = is_array( $state ) && ( $state['tracker'] ?? null ) === $tracker && is_string( $state['after'] ?? null ) ? $state['after'] : null;
			$page   = Shareworthy_Tracker_Client::click_feed( $after, $limit, $left );
			if ( ! is_wp_error( $page ) ) {
				$page = self::checked_page( $page );
			}
			if ( is_wp_error( $page ) ) {
				$pulled['error'] = $page->get_error_message();
				break;
			}
			if ( null === $page['next'] ) {
				break;
			}
			$next = (string) wp_json_encode(
				array(
					'tracker' => $tracker,
					'after'   => $page['next'],
				)
			);
			$done = self::import_page( $page['clicks'], $stored, $next );
			if ( is_wp_error( $done ) ) {
				$pulled['error'] = $done->get_error_message();
				break;
			}
			$pulled['imported'] += $done['imported'];
			$pulled['skipped']  += $done['skipped'];
			if ( count( $page['clicks'] ) < $limit ) {
				break;
			}
		}
		$status = self::status_option();
		self::update_status(
			array(
				'last_pull'  => time(),
				'last_error' => $pulled['error'],
				'imported'   => (int) ( $status['imported'] ?? 0 ) + $pulled['imported'],
				'skipped'    => (int) ( $status['skipped'] ?? 0 ) + $pulled['skipped'],
			)
		);
		if ( null !== $pulled['error'] ) {
			error_log( 'Shareworthy click tracker: importing clicks failed: ' . $pulled['error'] ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- an operator needs this line.
		}
		return $pulled;
	}

	/**
	 * Records one page's clicks and moves the cursor, in one transaction (a savepoint when the
	 * caller already holds one). The cursor moves first, compared with the value the page was
	 * asked with: when another pull moved it meanwhile, nothing is written.
	 *
	 * @param list<array{shareId: string, at: int, visitorKey: string}> $clicks   The page.
	 * @param string                                                     $expected Cursor option value the page was asked with.
	 * @param string                                                     $next     Cursor option value after the page.
	 * @return array{imported: int, skipped: int}|WP_Error
	 */
	public static function import_page( array $clicks, string $expected, string $next ) {
		global $wpdb;
		$nested = self::in_transaction();
		$wpdb->query( $nested ? 'SAVEPOINT shareworthy_tracker_clicks' : 'START TRANSACTION' );
		try {
			$moved = $wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value = %s", $next, self::CURSOR_OPTION, $expected ) );
			if ( 1 !== $moved ) {
				throw new RuntimeException( __( 'Another import moved the click feed cursor meanwhile; its clicks were left to it.', 'shareworthy' ) );
			}
			$shares   = self::share_ids( array_unique( array_column( $clicks, 'shareId' ) ) );
			$imported = 0;
			foreach ( $clicks as $click ) {
				if ( isset( $shares[ $click['shareId'] ] ) ) {
					Shareworthy_Clicks::record( $shares[ $click['shareId'] ], $click['visitorKey'], intdiv( $click['at'], 1000 ) );
					++$imported;
				}
			}
			/**
			 * Fires when a page of tracker clicks is recorded, before its transaction commits.
			 *
			 * @since 0.1.0
			 *
			 * @param int $imported Clicks recorded from this page.
			 */
			do_action( 'shareworthy_tracker_clicks_recorded', $imported );
			$wpdb->query( $nested ? 'RELEASE SAVEPOINT shareworthy_tracker_clicks' : 'COMMIT' );
		} catch ( Throwable $error ) {
			$wpdb->query( $nested ? 'ROLLBACK TO SAVEPOINT shareworthy_tracker_clicks' : 'ROLLBACK' );
			return new WP_Error( 'shareworthy_tracker_import', $error->getMessage() );
		} finally {
			wp_cache_delete( self::CURSOR_OPTION, 'options' );
		}
		return array(
			'imported' => $imported,
			'skipped'  => count( $clicks ) - $imported,
		);
	}

	/**
	 * What the pulls did, for the tracker check: when the last one ended, its error if it
	 * failed, and how many clicks were imported and skipped (share unknown or erased here).
	 *
	 * @return array{lastPull: ?string, lastError: ?string, imported: int, skipped: int, message: string}
	 */
	public static function status(): array {
		$status = self::status_option();
		$last   = isset( $status['last_pull'] ) ? (int) $status['last_pull'] : null;
		$error  = isset( $status['last_error'] ) ? (string) $status['last_error'] : null;
		$counts = array( (int) ( $status['imported'] ?? 0 ), (int) ( $status['skipped'] ?? 0 ) );
		if ( null === $last ) {
			$message = __( 'No clicks have been imported from the click tracker yet.', 'shareworthy' );
		} else {
			$when    = wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $last );
			$message = null === $error
				/* translators: 1: date and time, 2: clicks imported, 3: clicks skipped */
				? sprintf( __( 'Clicks last imported from the click tracker on %1$s: %2$d imported in all, %3$d skipped (their share is unknown or erased here).', 'shareworthy' ), $when, $counts[0], $counts[1] )
				/* translators: 1: date and time, 2: the error message */
				: sprintf( __( 'The last import of clicks from the click tracker, on %1$s, failed: %2$s Reports show the clicks imported before.', 'shareworthy' ), $when, $error );
		}
		return array(
			'lastPull'  => null === $last ? null : gmdate( 'Y-m-d\TH:i:s\Z', $last ),
			'lastError' => $error,
			'imported'  => $counts[0],
			'skipped'   => $counts[1],
			'message'   => $message,
		);
	}

	/**
	 * The feed's answer checked: a list of well-formed clicks and a cursor (string or null).
	 *
	 * @param array<string, mixed> $answer Decoded JSON.
	 * @return array{clicks: list<array{shareId: string, at: int, visitorKey: string}>, next: ?string}|WP_Error
	 */
	private static function checked_page( array $answer ) {
		$next   = $answer['next'] ?? null;
		$clicks = array();
		$valid  = is_array( $answer['clicks'] ?? null ) && ( null === $next || ( is_string( $next ) && '' !== $next && strlen( $next ) <= 64 ) );
		foreach ( $valid ? $answer['clicks'] : array() as $click ) {
			if ( ! is_array( $click ) || ! is_string( $click['shareId'] ?? null ) || ! is_int( $click['at'] ?? null ) || $click['at'] < 0 || ! is_string( $click['visitorKey'] ?? null ) || 1 !== preg_match( '/^[0-9a-f]{64}$/D', $click['visitorKey'] ) ) {
				$valid = false;
				break;
			}
			$clicks[] = array(
				'shareId'    => $click['shareId'],
				'at'         => $click['at'],
				'visitorKey' => $click['visitorKey'],
			);
		}
		if ( ! $valid ) {
			return new WP_Error( 'shareworthy_tracker_bad_answer', __( 'The click tracker answered the click feed in a form Shareworthy does not expect; nothing was imported.', 'shareworthy' ) );
		}
		return array(
			'clicks' => $clicks,
			'next'   => $next,
		);
	}

	/**
	 * WordPress share IDs by share code (the tracker's shareId); codes unknown here are absent.
	 *
	 * @param array<int, string> $codes Codes.
	 * @return array<string, int>
	 */
	private static function share_ids( array $codes ): array {
		global $wpdb;
		if ( array() === $codes ) {
			return array();
		}
		$table = Shareworthy_Schema::shares_table();
		$in    = implode( ', ', array_fill( 0, count( $codes ), '%s' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- table name from $wpdb, one %s per code.
		$rows = (array) $wpdb->get_results( $wpdb->prepare( "SELECT id, code FROM {$table} WHERE code IN ({$in})", ...array_values( $codes ) ), ARRAY_A );
		$ids  = array();
		foreach ( $rows as $row ) {
			// Compared here too: the SQLite integration makes text columns case-insensitive.
			if ( in_array( $row['code'], $codes, true ) ) {
				$ids[ (string) $row['code'] ] = (int) $row['id'];
			}
		}
		return $ids;
	}

	/**
	 * The cursor option as stored now, past every cache (another process may have moved it).
	 */
	private static function stored_cursor(): string {
		global $wpdb;
		return (string) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", self::CURSOR_OPTION ) );
	}

	/**
	 * Whether a transaction is open on the connection: MySQL, MariaDB and the SQLite integration
	 * all drop a SAVEPOINT taken outside one, so releasing it then fails.
	 */
	private static function in_transaction(): bool {
		global $wpdb;
		$suppressed = $wpdb->suppress_errors( true );
		$wpdb->query( 'SAVEPOINT shareworthy_probe' );
		$open = false !== $wpdb->query( 'RELEASE SAVEPOINT shareworthy_probe' );
		$wpdb->suppress_errors( $suppressed );
		return $open;
	}

	/**
	 * The status option as stored.
	 *
	 * @return array<string, mixed>
	 */
	private static function status_option(): array {
		$status = get_option( self::STATUS_OPTION, array() );
		return is_array( $status ) ? $status : array();
	}

	/**
	 * Merges fields into the status option.
	 *
	 * @param array<string, mixed> $fields Fields.
	 */
	private static function update_status( array $fields ): void {
		update_option( self::STATUS_OPTION, $fields + self::status_option(), false );
	}
}
