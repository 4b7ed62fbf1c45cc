<?php
/**
 * Clicks on tracked links: no IP, no user agent, only a daily-salted visitor hash.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/class-shareworthy-click-days.php';

/**
 * Repository for the clicks table.
 */
final class Shareworthy_Clicks {

	/**
	 * Records a click, counted unless it repeats the visitor's last counted click on this share
	 * (core's isRepeatClick: less than DEDUPE_WINDOW_MS, 30 minutes, before it; exactly 30
	 * minutes later is a new click; a previous click stamped in the future is a repeat).
	 *
	 * @param int    $share_id    Share.
	 * @param string $visitor_key 64 hex characters.
	 * @param int    $now         Unix time.
	 * @return bool Whether the click was counted.
	 */
	public static function record( int $share_id, string $visitor_key, int $now ): bool {
		global $wpdb;
		$table  = Shareworthy_Schema::clicks_table();
		$since  = gmdate( 'Y-m-d H:i:s', $now - intdiv( (int) Shareworthy_Core_Data::all()['dedupeWindowMs'], 1000 ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$recent  = $wpdb->get_var( $wpdb->prepare( "SELECT id FROM {$table} WHERE share_id = %d AND created_at > %s AND visitor_key = %s AND counted = 1 LIMIT 1", $share_id, $since, $visitor_key ) );
		$counted = null === $recent;
		$at      = gmdate( 'Y-m-d H:i:s', $now );
		$wpdb->insert(
			$table,
			array(
				'share_id'    => $share_id,
				'visitor_key' => $visitor_key,
				'created_at'  => $at,
				'counted'     => $counted ? 1 : 0,
			),
			array( '%d', '%s', '%s', '%d' )
		);
		if ( $counted ) {
			Shareworthy_Click_Days::add( $share_id, $visitor_key, $at );
		}
		return $counted;
	}

	/**
	 * Counted clicks of a share.
	 *
	 * @param int $share_id Share.
	 */
	public static function count_for_share( int $share_id ): int {
		global $wpdb;
		$table = Shareworthy_Schema::clicks_table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$table} WHERE share_id = %d AND counted = %d", $share_id, 1 ) );
	}

	/**
	 * Deletes clicks older than the retention period, and their share-days from the rollups.
	 *
	 * @param int $now Unix time.
	 * @return int Rows deleted.
	 */
	public static function purge( int $now ): int {
		global $wpdb;
		$days   = Shareworthy_Settings::retention_days();
		$cutoff = ( new DateTimeImmutable( '@' . $now ) )->modify( "-{$days} days" )->format( 'Y-m-d H:i:s' );
		$table  = Shareworthy_Schema::clicks_table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$deleted = (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE created_at < %s", $cutoff ) );
		Shareworthy_Click_Days::purge_before( $cutoff );
		return $deleted;
	}
}
