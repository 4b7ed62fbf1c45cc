<?php
/**
 * Wiring: every hook the plugin adds is added here, so what runs when is read in one place.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Loads the classes and connects them to WordPress.
 */
final class Shareworthy_Plugin {

	/**
	 * Requires every class file (small; no autoloader needed).
	 */
	public static function load(): void {
		foreach ( array( 'core-data', 'schema', 'capabilities', 'items', 'meta', 'shares', 'clicks', 'tracking', 'utm', 'visitor', 'redirect', 'rest-controller', 'rest-items-controller', 'rest-shares-controller', 'rest-reports-controller', 'cron', 'privacy', 'settings', 'uninstaller', 'tracker-client', 'tracker-clicks' ) as $name ) {
			require_once __DIR__ . "/class-shareworthy-{$name}.php";
		}
	}

	/**
	 * Adds the hooks.
	 */
	public static function boot(): void {
		if ( ! Shareworthy_Core_Data::available() ) {
			// An unbuilt checkout: say so instead of failing on every request.
			add_action( 'admin_notices', array( __CLASS__, 'missing_build_notice' ) );
			return;
		}
		// Tables first (an autoloaded option read), so the redirect never meets an old schema.
		add_action( 'plugins_loaded', array( 'Shareworthy_Schema', 'maybe_upgrade' ), 0 );
		// The tracked-link redirect runs before themes, init and the REST server load:
		// a click must cost no more than the cheapest WordPress request.
		add_action( 'plugins_loaded', array( 'Shareworthy_Redirect', 'handle_early' ), 1 );
		add_action( 'init', array( __CLASS__, 'load_textdomain' ), 0 );
		add_action( 'init', array( 'Shareworthy_Meta', 'register' ), 20 );
		add_action( 'init', array( 'Shareworthy_Redirect', 'add_rewrite_rule' ) );
		add_filter( 'query_vars', array( 'Shareworthy_Redirect', 'query_vars' ) );
		add_action( 'parse_request', array( 'Shareworthy_Redirect', 'handle_parsed_request' ) );
		add_action( 'rest_api_init', array( __CLASS__, 'register_rest_routes' ) );
		add_action( 'rest_api_init', array( 'Shareworthy_Meta', 'add_rest_guards' ) );
		add_filter( 'update_post_metadata', array( 'Shareworthy_Meta', 'guard_status_update' ), 10, 4 );
		add_filter( 'add_post_metadata', array( 'Shareworthy_Meta', 'guard_status_update' ), 10, 4 );
		add_action( Shareworthy_Cron::HOOK, array( 'Shareworthy_Cron', 'run_daily' ) );
		add_filter( 'wp_privacy_personal_data_exporters', array( 'Shareworthy_Privacy', 'register_exporter' ) );
		add_filter( 'wp_privacy_personal_data_erasers', array( 'Shareworthy_Privacy', 'register_eraser' ) );
		add_action( 'deleted_post', array( 'Shareworthy_Shares', 'delete_for_item' ) );
		add_action( 'deleted_user', array( 'Shareworthy_Shares', 'delete_for_user' ) );
		add_action( 'wp_initialize_site', array( __CLASS__, 'initialize_site' ), 200 );
		Shareworthy_Tracker_Client::boot(); // Short links from the click tracker (packages/tracker) when it is set up.
		Shareworthy_Tracker_Clicks::boot(); // Its clicks imported into the clicks table (reports, points, per-post figures).
	}

	/**
	 * Admin notice shown when includes/generated/core-data.php was not built.
	 */
	public static function missing_build_notice(): void {
		printf(
			'<div class="notice notice-error"><p>%s</p></div>',
			esc_html__( 'Shareworthy is not built: run "npm run build" in the repository (it generates includes/generated/core-data.php from @shareworthy/core).', 'shareworthy' )
		);
	}

	/**
	 * Activation: tables, capabilities, the daily event, the /go/ rewrite rule.
	 *
	 * @param bool $network_wide Whether the plugin is activated for the whole network.
	 */
	public static function activate( bool $network_wide = false ): void {
		if ( is_multisite() && $network_wide ) {
			foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $site_id ) {
				switch_to_blog( (int) $site_id );
				self::activate_site();
				restore_current_blog();
			}
			return;
		}
		self::activate_site();
	}

	/**
	 * Deactivation: stops the daily event (data stays until uninstall).
	 */
	public static function deactivate(): void {
		Shareworthy_Cron::unschedule();
		wp_clear_scheduled_hook( Shareworthy_Tracker_Clicks::HOOK );
		flush_rewrite_rules();
	}

	/**
	 * Sets up a site created after a network-wide activation.
	 *
	 * @param WP_Site $site The new site.
	 */
	public static function initialize_site( WP_Site $site ): void {
		if ( ! function_exists( 'is_plugin_active_for_network' ) ) {
			require_once ABSPATH . 'wp-admin/includes/plugin.php';
		}
		if ( is_plugin_active_for_network( plugin_basename( SHAREWORTHY_FILE ) ) ) {
			switch_to_blog( (int) $site->blog_id );
			self::activate_site();
			restore_current_blog();
		}
	}

	/**
	 * Loads translations from the plugin's languages folder.
	 */
	public static function load_textdomain(): void {
		load_plugin_textdomain( 'shareworthy', false, dirname( plugin_basename( SHAREWORTHY_FILE ) ) . '/languages' );
	}

	/**
	 * Registers the REST controllers under shareworthy/v1.
	 */
	public static function register_rest_routes(): void {
		( new Shareworthy_REST_Items_Controller() )->register_routes();
		( new Shareworthy_REST_Shares_Controller() )->register_routes();
		( new Shareworthy_REST_Reports_Controller() )->register_routes();
	}

	/**
	 * Per-site part of the activation.
	 */
	private static function activate_site(): void {
		Shareworthy_Schema::install();
		Shareworthy_Tracker_Client::install();
		Shareworthy_Capabilities::add();
		Shareworthy_Cron::schedule();
		Shareworthy_Redirect::add_rewrite_rule();
		flush_rewrite_rules();
	}
}
