<?php
/**
 * Plugin Name: Shareworthy local site: offline
 * Description: Stops update checks on the local demo/test site (it has no network).
 */
defined( 'ABSPATH' ) || exit;

add_action(
	'plugins_loaded',
	static function (): void {
		remove_action( 'admin_init', '_maybe_update_core' );
		remove_action( 'admin_init', '_maybe_update_plugins' );
		remove_action( 'admin_init', '_maybe_update_themes' );
		foreach ( array( 'load-plugins.php', 'load-update.php', 'load-update-core.php' ) as $hook ) {
			remove_action( $hook, 'wp_update_plugins' );
		}
		foreach ( array( 'load-themes.php', 'load-update.php', 'load-update-core.php' ) as $hook ) {
			remove_action( $hook, 'wp_update_themes' );
		}
		remove_action( 'init', 'wp_schedule_update_checks' );
	}
);
add_filter( 'pre_wp_mail', '__return_false' ); // No sendmail here.
