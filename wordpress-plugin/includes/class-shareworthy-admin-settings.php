<?php
/**
 * Shareworthy → Settings: every site-wide option on one React page, saved through the REST
 * settings API (/wp/v2/settings) with schemas, so bad values come back as 400s with messages.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Puts the plugin's options in the REST settings API, validates the policy like core's
 * compilePolicy() does, and renders the page root.
 */
final class Shareworthy_Admin_Settings {

	/** Slug of the Settings page under the Shareworthy menu. */
	public const PAGE = 'shareworthy-settings';

	/** Core's MAX_TERM_WORDS (core/src/policy/policy.ts): longest blocked phrase, in words. */
	private const MAX_TERM_WORDS = 16;

	/**
	 * The options this page edits that Shareworthy_Settings registers for its form only
	 * (admin_init): option => REST schema. Their sanitize callbacks are reused as they are.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function rest_schemas(): array {
		$networks = array_keys( Shareworthy_Core_Data::networks() );
		return array(
			'shareworthy_networks'               => array(
				'type'  => 'array',
				'items' => array(
					'type' => 'string',
					'enum' => $networks,
				),
			),
			'shareworthy_utm_medium'             => array(
				'type'      => 'string',
				'maxLength' => 100,
				'pattern'   => '^[a-z0-9_.-]*$',
			),
			'shareworthy_click_retention_months' => array(
				'type'    => 'integer',
				'minimum' => 1,
				'maximum' => 120,
			),
			'shareworthy_allowed_hosts'          => array(
				'type'  => 'array',
				'items' => array(
					'type'    => 'string',
					'pattern' => '^[a-z0-9_-]+(\.[a-z0-9_-]+)*$',
				),
			),
			'shareworthy_post_types'             => array(
				'type'  => 'array',
				'items' => array(
					'type'    => 'string',
					'pattern' => '^[a-z0-9_-]{1,20}$',
				),
			),
		);
	}

	/**
	 * Registers the settings for REST (rest_api_init, after the front end registered the policy).
	 */
	public static function register(): void {
		$existing = get_registered_settings();
		foreach ( Shareworthy_Settings::options() as $name => $args ) {
			$schema = self::rest_schemas()[ $name ] ?? null;
			if ( null === $schema || ! empty( $existing[ $name ]['show_in_rest'] ) ) {
				continue;
			}
			register_setting(
				Shareworthy_Settings::PAGE,
				$name,
				array(
					'type'              => $args['type'],
					'description'       => $args['label'],
					'default'           => $args['default'],
					'sanitize_callback' => $args['sanitize_callback'],
					'show_in_rest'      => array( 'schema' => $schema ),
				)
			);
		}
		register_setting(
			Shareworthy_Settings::PAGE,
			Shareworthy_Report::COST_PER_CLICK_OPTION,
			array(
				'type'              => 'number',
				'description'       => __( 'What one click is worth to you (earned media value = clicks × this).', 'shareworthy' ),
				'default'           => 0,
				'sanitize_callback' => static fn( $value ): float => max( 0.0, min( 1000.0, round( (float) $value, 2 ) ) ),
				'show_in_rest'      => array(
					'schema' => array(
						'type'    => 'number',
						'minimum' => 0,
						'maximum' => 1000,
					),
				),
			)
		);
	}

	/**
	 * Runs core's compile checks on a policy sent to the settings API (the settings controller
	 * replaces any arg_options of a setting's schema, so the check cannot live there).
	 *
	 * @param WP_REST_Response|WP_HTTP_Response|WP_Error|mixed $response Result so far.
	 * @param array<string, mixed>                              $handler  Route handler.
	 * @param WP_REST_Request                                   $request  Request.
	 * @return WP_REST_Response|WP_HTTP_Response|WP_Error|mixed
	 */
	public static function check_policy_request( $response, $handler, $request ) {
		unset( $handler );
		if ( is_wp_error( $response ) || '/wp/v2/settings' !== $request->get_route() || 'GET' === $request->get_method() ) {
			return $response;
		}
		$policy = $request->get_param( Shareworthy_Blocks::POLICY_OPTION );
		if ( null === $policy ) {
			return $response;
		}
		$valid = self::validate_policy( $policy );
		return true === $valid ? $response : $valid;
	}

	/**
	 * What core's compilePolicy() rejects: a blocked term or marker without a letter or digit
	 * or of more than 16 words, a disclosure tag without a letter or digit, a link domain that
	 * is not a host name. Core splits words on what is not a letter, mark or digit; so does this.
	 *
	 * @param mixed $value Policy object.
	 * @return true|WP_Error
	 */
	public static function validate_policy( $value ) {
		$errors = new WP_Error();
		$value  = (array) $value;
		foreach ( array( 'blockedTerms', 'confidentialMarkers', 'requiredDisclosure' ) as $field ) {
			foreach ( (array) ( $value[ $field ] ?? array() ) as $i => $term ) {
				$words = preg_split( '/[^\p{L}\p{M}\p{N}]+/u', (string) $term, -1, PREG_SPLIT_NO_EMPTY );
				if ( false === $words || array() === $words ) {
					/* translators: 1: entry, 2: list name */
					$errors->add( 'shareworthy_policy_empty_term', sprintf( __( '“%1$s” in %2$s has no letters or digits to match.', 'shareworthy' ), (string) $term, self::field_label( $field ) ), array( 'status' => 400 ) );
				} elseif ( 'requiredDisclosure' !== $field && count( $words ) > self::MAX_TERM_WORDS ) {
					/* translators: 1: entry, 2: list name, 3: number of words */
					$errors->add( 'shareworthy_policy_term_too_long', sprintf( __( '“%1$s” in %2$s has more than %3$d words.', 'shareworthy' ), (string) $term, self::field_label( $field ), self::MAX_TERM_WORDS ), array( 'status' => 400 ) );
				}
			}
		}
		foreach ( (array) ( $value['allowedLinkDomains'] ?? array() ) as $domain ) {
			if ( array() === Shareworthy_Settings::sanitize_hosts( array( (string) $domain ) ) || str_contains( (string) $domain, '/' ) ) {
				/* translators: %s: entry */
				$errors->add( 'shareworthy_policy_invalid_domain', sprintf( __( '“%s” is not a domain name.', 'shareworthy' ), (string) $domain ), array( 'status' => 400 ) );
			}
		}
		if ( $errors->has_errors() ) {
			return new WP_Error( 'shareworthy_invalid_policy', implode( ' ', $errors->get_error_messages() ), array( 'status' => 400 ) );
		}
		return true;
	}

	/**
	 * Display name of a policy list.
	 *
	 * @param string $field Key.
	 */
	private static function field_label( string $field ): string {
		$labels = array(
			'blockedTerms'        => __( 'Blocked terms', 'shareworthy' ),
			'confidentialMarkers' => __( 'Confidential markers', 'shareworthy' ),
			'requiredDisclosure'  => __( 'Required disclosure tags', 'shareworthy' ),
		);
		return $labels[ $field ] ?? $field;
	}

	/**
	 * Shareworthy → Settings.
	 */
	public static function add_page(): void {
		$hook = add_submenu_page( Shareworthy_Admin::REPORTS_PAGE, __( 'Shareworthy settings', 'shareworthy' ), __( 'Settings', 'shareworthy' ), Shareworthy_Capabilities::MANAGE, self::PAGE, array( __CLASS__, 'render' ) );
		if ( false !== $hook ) {
			add_action( "admin_print_scripts-{$hook}", array( __CLASS__, 'enqueue' ) );
		}
	}

	/**
	 * The page root.
	 */
	public static function render(): void {
		if ( ! current_user_can( Shareworthy_Capabilities::MANAGE ) ) {
			return;
		}
		printf(
			'<div class="wrap"><h1>%1$s</h1><div id="shareworthy-settings"><noscript>%2$s</noscript></div></div>',
			esc_html__( 'Shareworthy settings', 'shareworthy' ),
			esc_html__( 'This page needs JavaScript.', 'shareworthy' )
		);
	}

	/**
	 * The settings script, on this page only.
	 */
	public static function enqueue(): void {
		$asset_file = SHAREWORTHY_DIR . '/build/admin/settings/index.asset.php';
		if ( ! is_readable( $asset_file ) ) {
			return;
		}
		$asset = require $asset_file;
		wp_enqueue_script( 'shareworthy-admin-settings', plugins_url( 'build/admin/settings/index.js', SHAREWORTHY_FILE ), $asset['dependencies'], $asset['version'], true );
		wp_set_script_translations( 'shareworthy-admin-settings', 'shareworthy', SHAREWORTHY_DIR . '/languages' );
		wp_enqueue_style( 'shareworthy-admin-settings', plugins_url( 'build/admin/settings/index.css', SHAREWORTHY_FILE ), array( 'wp-components' ), $asset['version'] );
		$post_types = array();
		foreach ( get_post_types( array( 'show_ui' => true ), 'objects' ) as $type ) {
			// WordPress' own types (wp_block, wp_navigation, …) are not articles to share.
			if ( ! str_starts_with( $type->name, 'wp_' ) && ! in_array( $type->name, array( 'post', 'page', 'attachment', Shareworthy_Blocks::CONCERN_TYPE ), true ) ) {
				$post_types[] = array(
					'value' => $type->name,
					'label' => $type->labels->name,
				);
			}
		}
		wp_add_inline_script(
			'shareworthy-admin-settings',
			'window.shareworthySettings = ' . wp_json_encode(
				array(
					'networks'      => Shareworthy_Blocks::network_labels( array_keys( Shareworthy_Core_Data::networks() ) ),
					'postTypes'     => $post_types,
					'policyVersion' => (int) get_option( Shareworthy_Blocks::POLICY_VERSION_OPTION, 0 ),
					'utmMedium'     => Shareworthy_Core_Data::utm_medium(),
					'locale'        => str_starts_with( determine_locale(), 'fr' ) ? 'fr' : 'en',
				)
			) . ';',
			'before'
		);
	}
}
