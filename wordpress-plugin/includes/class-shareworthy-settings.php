<?php
/**
 * Settings → Shareworthy: the site-wide options, for users with manage_shareworthy.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the options with the Settings API (sanitized, typed) and renders their page.
 */
final class Shareworthy_Settings {

	/** Settings group and page slug. */
	public const PAGE = 'shareworthy';

	/**
	 * Option name => register_setting arguments.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function options(): array {
		$networks = array_keys( Shareworthy_Core_Data::networks() );
		return array(
			'shareworthy_networks'               => array(
				'type'              => 'array',
				'label'             => __( 'Networks employees may share to', 'shareworthy' ),
				'default'           => $networks,
				'sanitize_callback' => static fn( $value ): array => array_values( array_intersect( $networks, array_map( 'strval', (array) $value ) ) ),
			),
			'shareworthy_utm_medium'             => array(
				'type'              => 'string',
				'label'             => __( 'utm_medium of shared links', 'shareworthy' ),
				'default'           => '',
				'sanitize_callback' => static fn( $value ): string => substr( (string) preg_replace( '/[^a-z0-9_.-]/', '', strtolower( trim( (string) $value ) ) ), 0, 100 ),
			),
			'shareworthy_default_campaign'       => array(
				'type'              => 'string',
				'label'             => __( 'Campaign of items without one', 'shareworthy' ),
				'default'           => 'shareworthy',
				'sanitize_callback' => static fn( $value ): string => '' !== Shareworthy_Utm::campaign_slug( (string) $value ) ? sanitize_text_field( (string) $value ) : 'shareworthy',
			),
			'shareworthy_click_retention_months' => array(
				'type'              => 'integer',
				'label'             => __( 'Keep clicks for (months)', 'shareworthy' ),
				'default'           => Shareworthy_Clicks::DEFAULT_RETENTION_MONTHS,
				'sanitize_callback' => static fn( $value ): int => max( 1, min( 120, (int) $value ) ),
			),
			'shareworthy_allowed_hosts'          => array(
				'type'              => 'array',
				'label'             => __( 'Hosts public URLs may point to (one per line, subdomains included; empty: any)', 'shareworthy' ),
				'default'           => array(),
				'sanitize_callback' => array( __CLASS__, 'sanitize_hosts' ),
			),
			'shareworthy_post_types'             => array(
				'type'              => 'array',
				'label'             => __( 'Other post types that can be shared (posts and pages always can)', 'shareworthy' ),
				'default'           => array(),
				'sanitize_callback' => static fn( $value ): array => array_values( array_filter( array_map( 'sanitize_key', (array) $value ), 'post_type_exists' ) ),
			),
		);
	}

	/**
	 * Registers the options (admin_init and rest_api_init).
	 */
	public static function register(): void {
		foreach ( self::options() as $name => $args ) {
			register_setting(
				self::PAGE,
				$name,
				array(
					'type'              => $args['type'],
					'description'       => $args['label'],
					'default'           => $args['default'],
					'sanitize_callback' => $args['sanitize_callback'],
				)
			);
		}
	}

	/**
	 * Saving the page needs manage_shareworthy, not manage_options.
	 *
	 * @return string
	 */
	public static function capability(): string {
		return Shareworthy_Capabilities::MANAGE;
	}

	/**
	 * Adds Settings → Shareworthy.
	 */
	public static function add_page(): void {
		add_options_page( __( 'Shareworthy', 'shareworthy' ), __( 'Shareworthy', 'shareworthy' ), Shareworthy_Capabilities::MANAGE, self::PAGE, array( __CLASS__, 'render' ) );
	}

	/**
	 * Host names, one per line or comma-separated: lower case, punycode, no scheme or path.
	 *
	 * @param mixed $value Textarea text or list.
	 * @return list<string>
	 */
	public static function sanitize_hosts( $value ): array {
		$entries = is_array( $value ) ? $value : preg_split( '/[\s,]+/', (string) $value );
		$hosts   = array();
		foreach ( (array) $entries as $entry ) {
			$host = rtrim( strtolower( trim( (string) $entry ) ), '.' );
			if ( 1 === preg_match( '/[^\x00-\x7f]/', $host ) && function_exists( 'idn_to_ascii' ) ) {
				$host = (string) idn_to_ascii( $host, IDNA_NONTRANSITIONAL_TO_ASCII, INTL_IDNA_VARIANT_UTS46 );
			}
			if ( 1 === preg_match( '/^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/D', $host ) ) {
				$hosts[] = $host;
			}
		}
		return array_values( array_unique( $hosts ) );
	}

	/**
	 * The settings page.
	 */
	public static function render(): void {
		if ( ! current_user_can( Shareworthy_Capabilities::MANAGE ) ) {
			return;
		}
		$networks = array_keys( Shareworthy_Core_Data::networks() );
		$enabled  = Shareworthy_Items::networks();
		echo '<div class="wrap"><h1>' . esc_html__( 'Shareworthy', 'shareworthy' ) . '</h1><form method="post" action="options.php">';
		settings_fields( self::PAGE );
		echo '<table class="form-table" role="presentation">';
		foreach ( self::options() as $name => $args ) {
			echo '<tr><th scope="row"><label for="' . esc_attr( $name ) . '">' . esc_html( $args['label'] ) . '</label></th><td>';
			$value = get_option( $name, $args['default'] );
			if ( 'shareworthy_networks' === $name ) {
				echo '<input type="hidden" name="shareworthy_networks[]" value="">';
				foreach ( $networks as $network ) {
					printf(
						'<label style="margin-right:1em"><input type="checkbox" name="shareworthy_networks[]" value="%1$s"%2$s> %1$s</label>',
						esc_attr( $network ),
						checked( in_array( $network, $enabled, true ), true, false )
					);
				}
			} elseif ( 'shareworthy_post_types' === $name ) {
				echo '<input type="hidden" name="shareworthy_post_types[]" value="">';
				foreach ( get_post_types( array( 'show_ui' => true ), 'objects' ) as $type ) {
					if ( in_array( $type->name, array( 'post', 'page', 'attachment' ), true ) ) {
						continue;
					}
					printf(
						'<label style="margin-right:1em"><input type="checkbox" name="shareworthy_post_types[]" value="%1$s"%2$s> %3$s</label>',
						esc_attr( $type->name ),
						checked( in_array( $type->name, (array) $value, true ), true, false ),
						esc_html( $type->labels->name )
					);
				}
			} elseif ( 'shareworthy_allowed_hosts' === $name ) {
				printf( '<textarea id="%1$s" name="%1$s" rows="3" cols="40" class="code">%2$s</textarea>', esc_attr( $name ), esc_textarea( implode( "\n", (array) $value ) ) );
			} else {
				printf(
					'<input id="%1$s" name="%1$s" type="%2$s" value="%3$s" class="regular-text"%4$s>',
					esc_attr( $name ),
					'integer' === $args['type'] ? 'number' : 'text',
					esc_attr( (string) $value ),
					'shareworthy_utm_medium' === $name ? ' placeholder="' . esc_attr( Shareworthy_Core_Data::utm_medium() ) . '"' : ''
				);
			}
			echo '</td></tr>';
		}
		echo '</table>';
		submit_button();
		echo '</form></div>';
	}
}
