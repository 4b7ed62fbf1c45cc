<?php
/**
 * Removal of everything the plugin stored.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Per-site uninstall, used by uninstall.php (and by the tests).
 */
final class Shareworthy_Uninstaller {

	/**
	 * Removes the plugin's tables, options, meta, terms, capabilities and event from the
	 * current site.
	 */
	public static function uninstall_site(): void {
		global $wpdb;
		Shareworthy_Cron::unschedule();
		Shareworthy_Schema::drop();
		Shareworthy_Tracker_Client::drop();
		Shareworthy_Capabilities::remove();
		$like = $wpdb->esc_like( 'shareworthy_' ) . '%';
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $like ) );
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->postmeta} WHERE meta_key LIKE %s", $like ) );
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->usermeta} WHERE meta_key LIKE %s", $like ) );
		// Taxonomies are not registered during uninstall: remove their terms with SQL.
		foreach ( array( Shareworthy_Meta::CAMPAIGN_TAXONOMY, Shareworthy_Meta::GROUP_TAXONOMY ) as $taxonomy ) {
			$rows = $wpdb->get_results( $wpdb->prepare( "SELECT term_taxonomy_id, term_id FROM {$wpdb->term_taxonomy} WHERE taxonomy = %s", $taxonomy ), ARRAY_A );
			foreach ( (array) $rows as $row ) {
				$wpdb->delete( $wpdb->term_relationships, array( 'term_taxonomy_id' => (int) $row['term_taxonomy_id'] ), array( '%d' ) );
				$wpdb->delete( $wpdb->term_taxonomy, array( 'term_taxonomy_id' => (int) $row['term_taxonomy_id'] ), array( '%d' ) );
				$wpdb->delete( $wpdb->termmeta, array( 'term_id' => (int) $row['term_id'] ), array( '%d' ) );
				$wpdb->delete( $wpdb->terms, array( 'term_id' => (int) $row['term_id'] ), array( '%d' ) );
			}
		}
		wp_cache_flush();
	}
}
