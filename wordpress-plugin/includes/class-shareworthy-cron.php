<?php
/**
 * Daily housekeeping: forget old clicks, throw away the visitor salt.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * The daily event.
 */
final class Shareworthy_Cron {

	/** Event hook. */
	public const HOOK = 'shareworthy_daily';

	/**
	 * Schedules the event at the next UTC midnight, when the salt's day ends.
	 */
	public static function schedule(): void {
		if ( false === wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_event( (int) strtotime( 'tomorrow', time() ), 'daily', self::HOOK );
		}
	}

	/**
	 * Removes the event.
	 */
	public static function unschedule(): void {
		wp_clear_scheduled_hook( self::HOOK );
	}

	/**
	 * Purges clicks past the retention period and rotates the visitor salt.
	 *
	 * @param int|null $now Unix time (tests pass one).
	 * @return int Click rows deleted.
	 */
	public static function run_daily( ?int $now = null ): int {
		$now     = $now ?? time();
		$deleted = Shareworthy_Clicks::purge( $now );
		Shareworthy_Visitor::rotate( $now );
		return $deleted;
	}
}
