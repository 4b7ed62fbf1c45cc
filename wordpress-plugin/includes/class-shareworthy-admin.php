<?php
/**
 * The Shareworthy admin menu: Reports and Settings (React, built from src/admin), Approval
 * queue and Reported concerns (plain PHP forms).
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/class-shareworthy-report.php';
require_once __DIR__ . '/class-shareworthy-rest-report-controller.php';
require_once __DIR__ . '/class-shareworthy-admin-settings.php';
require_once __DIR__ . '/class-shareworthy-admin-approvals.php';
require_once __DIR__ . '/class-shareworthy-admin-concerns.php';

/**
 * Adds the menu, the reports route and the leaderboard opt-in, and loads each page's script
 * only on that page.
 */
final class Shareworthy_Admin {

	/** Slug of the top-level menu and of its Reports page. */
	public const REPORTS_PAGE = 'shareworthy-reports';

	/** Hook suffix of the Reports page, known once the menu is added. */
	private static string $reports_hook = '';

	/**
	 * Adds the hooks (called once from the bootstrap).
	 */
	public static function boot(): void {
		add_action( 'init', array( __CLASS__, 'register_meta' ) );
		add_action( 'rest_api_init', array( __CLASS__, 'register_routes' ) );
		add_action( 'admin_menu', array( __CLASS__, 'add_menu' ) );
		add_action( 'admin_enqueue_scripts', array( __CLASS__, 'enqueue' ) );
		Shareworthy_Admin_Settings::boot();
		Shareworthy_Admin_Approvals::boot();
		Shareworthy_Admin_Concerns::boot();
	}

	/**
	 * The opt-in to appear by name in reports: each user sets their own (REST users/me).
	 */
	public static function register_meta(): void {
		register_meta(
			'user',
			Shareworthy_Report::OPT_IN_META,
			array(
				'type'          => 'boolean',
				'single'        => true,
				'default'       => false,
				'description'   => __( 'Show my name in Shareworthy reports.', 'shareworthy' ),
				'show_in_rest'  => true,
				'auth_callback' => static fn( $allowed, $key, $user_id ): bool => get_current_user_id() === (int) $user_id,
			)
		);
	}

	/**
	 * GET /shareworthy/v1/reports.
	 */
	public static function register_routes(): void {
		( new Shareworthy_REST_Report_Controller() )->register_routes();
	}

	/**
	 * Shareworthy → Reports.
	 */
	public static function add_menu(): void {
		$title = __( 'Shareworthy reports', 'shareworthy' );
		add_menu_page( $title, __( 'Shareworthy', 'shareworthy' ), Shareworthy_Capabilities::VIEW_REPORTS, self::REPORTS_PAGE, array( __CLASS__, 'render_reports' ), 'dashicons-share', 26 );
		self::$reports_hook = (string) add_submenu_page( self::REPORTS_PAGE, $title, __( 'Reports', 'shareworthy' ), Shareworthy_Capabilities::VIEW_REPORTS, self::REPORTS_PAGE, array( __CLASS__, 'render_reports' ) );
	}

	/**
	 * The Reports page: a root the script renders into, and a message without JavaScript.
	 */
	public static function render_reports(): void {
		if ( ! current_user_can( Shareworthy_Capabilities::VIEW_REPORTS ) ) {
			return;
		}
		printf(
			'<div class="wrap"><h1>%1$s</h1><div id="shareworthy-reports"><noscript>%2$s</noscript></div></div>',
			esc_html__( 'Shareworthy reports', 'shareworthy' ),
			esc_html__( 'Reports need JavaScript. The figures are also available from the REST API: GET /wp-json/shareworthy/v1/reports (add format=csv for a spreadsheet).', 'shareworthy' )
		);
	}

	/**
	 * Loads the reports script on the Reports page only.
	 *
	 * @param string $hook Admin page hook suffix.
	 */
	public static function enqueue( string $hook ): void {
		if ( '' === self::$reports_hook || $hook !== self::$reports_hook ) {
			return;
		}
		$asset_file = SHAREWORTHY_DIR . '/build/admin/reports/index.asset.php';
		if ( ! is_readable( $asset_file ) ) {
			return;
		}
		$asset = require $asset_file;
		wp_enqueue_script( 'shareworthy-admin-reports', plugins_url( 'build/admin/reports/index.js', SHAREWORTHY_FILE ), $asset['dependencies'], $asset['version'], true );
		wp_set_script_translations( 'shareworthy-admin-reports', 'shareworthy', SHAREWORTHY_DIR . '/languages' );
		wp_enqueue_style( 'wp-components' );
		if ( is_readable( SHAREWORTHY_DIR . '/build/admin/reports/index.css' ) ) {
			wp_enqueue_style( 'shareworthy-admin-reports', plugins_url( 'build/admin/reports/index.css', SHAREWORTHY_FILE ), array( 'wp-components' ), $asset['version'] );
		}
		wp_add_inline_script(
			'shareworthy-admin-reports',
			'window.shareworthyReports = ' . wp_json_encode(
				array(
					'today'     => wp_date( 'Y-m-d' ),
					'networks'  => array_values( Shareworthy_Items::networks() ),
					'campaigns' => self::campaign_names(),
				)
			) . ';',
			'before'
		);
	}

	/**
	 * Names of the campaigns, for the filter.
	 *
	 * @return list<string>
	 */
	private static function campaign_names(): array {
		$terms = get_terms(
			array(
				'taxonomy'   => Shareworthy_Meta::CAMPAIGN_TAXONOMY,
				'hide_empty' => false,
				'fields'     => 'names',
			)
		);
		return is_array( $terms ) ? array_values( array_map( static fn( $name ): string => html_entity_decode( (string) $name, ENT_QUOTES, 'UTF-8' ), $terms ) ) : array();
	}
}
