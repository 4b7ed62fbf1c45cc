<?php
/**
 * Daily housekeeping.
 *
 * @package Shareworthy
 */

/**
 * Retention purge and salt rotation.
 */
final class CronTest extends Shareworthy_TestCase {

	/**
	 * Inserts a click at a date.
	 *
	 * @param int    $share_id Share.
	 * @param string $at       UTC datetime.
	 */
	private function click_at( int $share_id, string $at ): void {
		global $wpdb;
		$wpdb->insert( Shareworthy_Schema::clicks_table(), array( 'share_id' => $share_id, 'visitor_key' => str_repeat( 'f', 64 ), 'created_at' => $at, 'counted' => 1 ), array( '%d', '%s', '%s', '%d' ) );
	}

	public function test_the_daily_run_purges_clicks_older_than_395_days(): void {
		$this->as_role( 'subscriber' );
		delete_option( Shareworthy_Settings::RETENTION_DAYS_OPTION );
		$share = $this->share( $this->item() );
		$now   = strtotime( '2026-11-29 03:00:00 UTC' );
		$this->click_at( $share['id'], '2025-10-30 02:59:59' ); // 395 days (about 13 months) and a second: gone.
		$this->click_at( $share['id'], '2025-10-30 03:00:01' ); // Just inside.
		$this->click_at( $share['id'], '2026-11-28 12:00:00' );

		Shareworthy_Cron::run_daily( $now );
		$this->assertSame( 2, Shareworthy_Clicks::count_for_share( $share['id'] ) );
	}

	public function test_the_retention_option_is_honoured(): void {
		$this->as_role( 'subscriber' );
		$share = $this->share( $this->item() );
		update_option( Shareworthy_Settings::RETENTION_DAYS_OPTION, 30 );
		$this->click_at( $share['id'], '2026-10-01 00:00:00' );
		$this->click_at( $share['id'], '2026-11-15 00:00:00' );
		$this->assertSame( 1, Shareworthy_Cron::run_daily( strtotime( '2026-11-29 03:00:00 UTC' ) ) );
		$this->assertSame( 1, Shareworthy_Clicks::count_for_share( $share['id'] ) );
	}

	public function test_the_daily_run_replaces_the_salt(): void {
		$now = strtotime( '2026-11-29 00:00:05 UTC' );
		Shareworthy_Visitor::salt( $now - 10 );
		$before = get_option( Shareworthy_Visitor::SALT_OPTION );
		Shareworthy_Cron::run_daily( $now );
		$after = get_option( Shareworthy_Visitor::SALT_OPTION );
		$this->assertSame( '2026-11-28', $before['day'] );
		$this->assertSame( '2026-11-29', $after['day'] );
		$this->assertNotSame( $before['salt'], $after['salt'] );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $after['salt'] );
	}

	public function test_the_event_runs_daily(): void {
		$event = wp_get_scheduled_event( Shareworthy_Cron::HOOK );
		$this->assertNotFalse( $event );
		$this->assertSame( 'daily', $event->schedule );
		$this->assertSame( 10, has_action( Shareworthy_Cron::HOOK, array( 'Shareworthy_Cron', 'run_daily' ) ) );
	}
}
