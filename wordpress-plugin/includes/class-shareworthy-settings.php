<?php
/**
 * The site-wide settings: which option holds each one, its default, its REST schema, and the
 * one-time migration of options older versions stored differently.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * One place that knows every setting Shareworthy → Settings edits (REST field => option).
 * The options keep the names earlier versions used, so existing sites keep their values.
 */
final class Shareworthy_Settings {

	/** Settings API group of the options other classes register there (the tracker client's). */
	public const PAGE = 'shareworthy';

	/** Option: networks employees may share to (empty: none; absent: all). */
	public const NETWORKS_OPTION = 'shareworthy_networks';

	/** Option: utm_medium of shared links ('' = core's default). */
	public const UTM_MEDIUM_OPTION = 'shareworthy_utm_medium';

	/** Option: campaign of items without one. */
	public const DEFAULT_CAMPAIGN_OPTION = 'shareworthy_default_campaign';

	/** Option: how many days clicks are kept. */
	public const RETENTION_DAYS_OPTION = 'shareworthy_click_retention_days';

	/** Option of versions before 0.2: retention in months (migrated to days once). */
	public const RETENTION_MONTHS_OPTION = 'shareworthy_click_retention_months';

	/**
	 * Default retention: 395 days, about 13 months, the CNIL's ceiling for audience
	 * measurement; 13 × 365 / 12 rounded down so it never exceeds 13 calendar months.
	 */
	public const DEFAULT_RETENTION_DAYS = 395;

	/** Longest retention the page accepts (ten years). */
	public const MAX_RETENTION_DAYS = 3650;

	/** Option: whether logged-out visitors see plain (untracked) share buttons. */
	public const PUBLIC_BUTTONS_OPTION = 'shareworthy_public_buttons';

	/** Option: gamification rules { enabled, pointsPerShare, pointsPerClick }. */
	public const GAMIFICATION_OPTION = 'shareworthy_gamification';

	/** Option: which of the one-time migrations below already ran. */
	public const MIGRATION_OPTION = 'shareworthy_settings_version';

	/** Current migration level. */
	private const MIGRATION = 1;

	/** Most points one share or click may give. */
	private const MAX_POINTS = 10000;

	/**
	 * Gamification defaults (the leaderboard reads the option with the same fallbacks).
	 *
	 * @return array{enabled: bool, pointsPerShare: int, pointsPerClick: int}
	 */
	public static function gamification_defaults(): array {
		return array(
			'enabled'        => false,
			'pointsPerShare' => 10,
			'pointsPerClick' => 1,
		);
	}

	/**
	 * Every setting of the page: REST field => its option, default and JSON schema.
	 * Read-only fields have no option.
	 *
	 * @return array<string, array{option: string, default: mixed, schema: array<string, mixed>}>
	 */
	public static function fields(): array {
		$list = static fn( int $max_length, array $extra = array() ): array => array(
			'type'     => 'array',
			'maxItems' => 1000,
			'items'    => array(
				'type'      => 'string',
				'maxLength' => $max_length,
			) + $extra,
		);
		$networks = array_keys( Shareworthy_Core_Data::networks() );
		$points   = array(
			'type'    => 'integer',
			'minimum' => 0,
			'maximum' => self::MAX_POINTS,
		);
		$policy   = $list( 200 );
		return self::tracker_fields() + array(
			'policyText'      => array(
				'option'  => Shareworthy_Blocks::POLICY_TEXT_OPTION,
				'default' => '',
				'schema'  => array(
					'description' => __( 'Social media policy employees accept before their first share; changing it asks them to accept again.', 'shareworthy' ),
					'type'        => 'string',
					'maxLength'   => 20000,
				),
			),
			'policy'          => array(
				'option'  => Shareworthy_Blocks::POLICY_OPTION,
				'default' => array(),
				'schema'  => array(
					'description'          => __( 'Policy checks run on every message before it is shared (core\'s PolicyConfig).', 'shareworthy' ),
					'type'                 => 'object',
					'properties'           => array(
						'blockedTerms'        => $policy,
						'confidentialMarkers' => $policy,
						'allowedLinkDomains'  => $policy,
						'requiredDisclosure'  => $policy,
						'detectPersonalData'  => array( 'type' => 'boolean' ),
					),
					'additionalProperties' => false,
				),
			),
			'networks'        => array(
				'option'  => self::NETWORKS_OPTION,
				'default' => $networks,
				'schema'  => array(
					'description' => __( 'Networks employees may share to.', 'shareworthy' ),
					'type'        => 'array',
					'uniqueItems' => true,
					'items'       => array(
						'type' => 'string',
						'enum' => $networks,
					),
				),
			),
			'utmMedium'       => array(
				'option'  => self::UTM_MEDIUM_OPTION,
				'default' => '',
				'schema'  => array(
					'description' => __( 'utm_medium of shared links (empty: core\'s default).', 'shareworthy' ),
					'type'        => 'string',
					'maxLength'   => 100,
					'pattern'     => '^[a-z0-9_.-]*$',
				),
			),
			'defaultCampaign' => array(
				'option'  => self::DEFAULT_CAMPAIGN_OPTION,
				'default' => 'shareworthy',
				'schema'  => array(
					'description' => __( 'Campaign of items without one.', 'shareworthy' ),
					'type'        => 'string',
					'minLength'   => 1,
					'maxLength'   => 100,
				),
			),
			'costPerClick'    => array(
				'option'  => Shareworthy_Report::COST_PER_CLICK_OPTION,
				'default' => 0,
				'schema'  => array(
					'description' => __( 'What one click is worth (earned media value = clicks × this).', 'shareworthy' ),
					'type'        => 'number',
					'minimum'     => 0,
					'maximum'     => 1000,
				),
			),
			'retentionDays'   => array(
				'option'  => self::RETENTION_DAYS_OPTION,
				'default' => self::DEFAULT_RETENTION_DAYS,
				'schema'  => array(
					'description' => __( 'Days clicks are kept before the daily purge deletes them.', 'shareworthy' ),
					'type'        => 'integer',
					'minimum'     => 1,
					'maximum'     => self::MAX_RETENTION_DAYS,
				),
			),
			'postTypes'       => array(
				'option'  => Shareworthy_Items::POST_TYPES_OPTION,
				'default' => array(),
				'schema'  => array(
					'description' => __( 'Other post types that can be shared (posts and pages always can).', 'shareworthy' ),
					'type'        => 'array',
					'uniqueItems' => true,
					'items'       => array(
						'type'    => 'string',
						'pattern' => '^[a-z0-9_-]{1,20}$',
					),
				),
			),
			'allowedHosts'    => array(
				'option'  => Shareworthy_Utm::ALLOWED_HOSTS_OPTION,
				'default' => array(),
				'schema'  => array(
					'description' => __( 'Hosts public URLs may point to, subdomains included (empty: any).', 'shareworthy' ),
				) + $list( 253, array( 'pattern' => '^[a-z0-9_-]+(\.[a-z0-9_-]+)*$' ) ),
			),
			'publicButtons'   => array(
				'option'  => self::PUBLIC_BUTTONS_OPTION,
				'default' => false,
				'schema'  => array(
					'description' => __( 'Whether visitors who are not logged in see plain share buttons (no tracking).', 'shareworthy' ),
					'type'        => 'boolean',
				),
			),
			'gamification'    => array(
				'option'  => self::GAMIFICATION_OPTION,
				'default' => self::gamification_defaults(),
				'schema'  => array(
					'description'          => __( 'Points for shares and for counted clicks on them.', 'shareworthy' ),
					'type'                 => 'object',
					'properties'           => array(
						'enabled'        => array( 'type' => 'boolean' ),
						'pointsPerShare' => $points,
						'pointsPerClick' => $points,
					),
					'additionalProperties' => false,
				),
			),
		);
	}

	/**
	 * The click tracker's URL and API key, when the tracker client is part of the plugin.
	 *
	 * @return array<string, array{option: string, default: mixed, schema: array<string, mixed>}>
	 */
	private static function tracker_fields(): array {
		if ( ! class_exists( 'Shareworthy_Tracker_Client' ) ) {
			return array();
		}
		return array(
			'trackerUrl'    => array(
				'option'  => Shareworthy_Tracker_Client::URL_OPTION,
				'default' => '',
				'schema'  => array(
					'description' => __( 'Click tracker URL (empty: the site\'s own /go/ links).', 'shareworthy' ),
					'type'        => 'string',
					'maxLength'   => 2048,
					'pattern'     => Shareworthy_Tracker_Client::URL_PATTERN,
				),
			),
			'trackerApiKey' => array(
				'option'  => Shareworthy_Tracker_Client::KEY_OPTION,
				'default' => '',
				'schema'  => array(
					'description' => __( 'Click tracker API key; answered masked, and the masked value sent back keeps the key.', 'shareworthy' ),
					'type'        => 'string',
					'maxLength'   => 300,
				),
			),
		);
	}

	/**
	 * Every setting's current value, as the REST route answers it.
	 *
	 * @return array<string, mixed>
	 */
	public static function values(): array {
		$values = array();
		foreach ( self::fields() as $field => $args ) {
			$values[ $field ] = self::value( $field );
		}
		$values['policyVersion'] = Shareworthy_Blocks::policy_version();
		return $values;
	}

	/**
	 * One setting's current value, in its schema's type (whatever an old version stored).
	 *
	 * @param string $field REST field name.
	 * @return mixed
	 */
	public static function value( string $field ) {
		$args  = self::fields()[ $field ];
		$value = get_option( $args['option'], $args['default'] );
		switch ( $field ) {
			case 'policy':
				return (object) array_intersect_key( is_array( $value ) ? $value : array(), $args['schema']['properties'] );
			case 'gamification':
				return self::gamification();
			case 'costPerClick':
				return (float) $value;
			case 'retentionDays':
				return self::retention_days();
			case 'publicButtons':
				return (bool) $value;
			case 'networks':
				return Shareworthy_Items::networks();
			case 'trackerApiKey':
				return Shareworthy_Tracker_Client::mask( (string) $value );
			default:
				return 'array' === $args['schema']['type'] ? array_values( array_map( 'strval', (array) $value ) ) : (string) $value;
		}
	}

	/**
	 * Stores validated settings (only the fields given); the values are normalized first.
	 *
	 * @param array<string, mixed> $values REST field => value, already schema-validated.
	 */
	public static function save( array $values ): void {
		foreach ( self::fields() as $field => $args ) {
			if ( array_key_exists( $field, $values ) ) {
				update_option( $args['option'], self::normalize( $field, $values[ $field ] ) );
			}
		}
	}

	/**
	 * A schema-valid value as stored: trimmed strings, no empty or repeated list entries.
	 *
	 * @param string $field REST field name.
	 * @param mixed  $value Value.
	 * @return mixed
	 */
	private static function normalize( string $field, $value ) {
		switch ( $field ) {
			case 'policyText':
				return sanitize_textarea_field( (string) $value );
			case 'policy':
				$out = array();
				foreach ( (array) $value as $key => $entry ) {
					$out[ $key ] = 'detectPersonalData' === $key ? (bool) $entry : Shareworthy_Meta::sanitize_list( $entry );
				}
				return $out;
			case 'defaultCampaign':
				return sanitize_text_field( (string) $value );
			case 'costPerClick':
				return round( (float) $value, 2 );
			case 'retentionDays':
				return (int) $value;
			case 'publicButtons':
				return (bool) $value;
			case 'gamification':
				return array_merge( self::gamification(), (array) $value );
			case 'allowedHosts':
				return self::sanitize_hosts( $value );
			case 'trackerUrl':
				return Shareworthy_Tracker_Client::sanitize_url( $value );
			case 'trackerApiKey':
				return Shareworthy_Tracker_Client::sanitize_key( $value );
			case 'networks':
			case 'postTypes':
				return array_values( array_unique( array_map( 'strval', (array) $value ) ) );
			default:
				return (string) $value;
		}
	}

	/**
	 * Days clicks are kept (the daily purge reads this).
	 */
	public static function retention_days(): int {
		$days = (int) get_option( self::RETENTION_DAYS_OPTION, 0 );
		if ( $days < 1 ) {
			// Before the migration ran (or on a site that never saved): the months option, else the default.
			$months = (int) get_option( self::RETENTION_MONTHS_OPTION, 0 );
			$days   = $months > 0 ? self::months_to_days( $months ) : self::DEFAULT_RETENTION_DAYS;
		}
		return min( self::MAX_RETENTION_DAYS, $days );
	}

	/**
	 * Whether logged-out visitors see the public share buttons.
	 */
	public static function public_buttons(): bool {
		return (bool) get_option( self::PUBLIC_BUTTONS_OPTION, false );
	}

	/**
	 * The gamification rules, defaults filled in.
	 *
	 * @return array{enabled: bool, pointsPerShare: int, pointsPerClick: int}
	 */
	public static function gamification(): array {
		$stored   = get_option( self::GAMIFICATION_OPTION, array() );
		$stored   = is_array( $stored ) ? $stored : array();
		$defaults = self::gamification_defaults();
		return array(
			'enabled'        => (bool) ( $stored['enabled'] ?? $defaults['enabled'] ),
			'pointsPerShare' => max( 0, min( self::MAX_POINTS, (int) ( $stored['pointsPerShare'] ?? $defaults['pointsPerShare'] ) ) ),
			'pointsPerClick' => max( 0, min( self::MAX_POINTS, (int) ( $stored['pointsPerClick'] ?? $defaults['pointsPerClick'] ) ) ),
		);
	}

	/**
	 * Months as days, never more than that many calendar months (13 → 395).
	 *
	 * @param int $months Months.
	 */
	public static function months_to_days( int $months ): int {
		return max( 1, intdiv( $months * 365, 12 ) );
	}

	/**
	 * Runs the one-time migrations (init): one autoloaded option read on every other request.
	 *
	 * - retention in months → days;
	 * - the policy's own network list (an older page edited it apart from the site's) → the
	 *   site's networks, so one list says where employees may share;
	 * - the share block's per-block "public links" attribute → the site-wide setting, on when
	 *   any block had it on.
	 */
	public static function maybe_migrate(): void {
		global $wpdb;
		if ( (int) get_option( self::MIGRATION_OPTION, 0 ) >= self::MIGRATION ) {
			return;
		}
		$months = get_option( self::RETENTION_MONTHS_OPTION, null );
		if ( null !== $months ) {
			if ( false === get_option( self::RETENTION_DAYS_OPTION ) ) {
				update_option( self::RETENTION_DAYS_OPTION, min( self::MAX_RETENTION_DAYS, self::months_to_days( max( 1, (int) $months ) ) ) );
			}
			delete_option( self::RETENTION_MONTHS_OPTION );
		}
		$policy = get_option( Shareworthy_Blocks::POLICY_OPTION, array() );
		if ( is_array( $policy ) && array_key_exists( 'allowedNetworks', $policy ) ) {
			$narrowed = array_values( array_intersect( Shareworthy_Items::networks(), (array) $policy['allowedNetworks'] ) );
			if ( array() !== (array) $policy['allowedNetworks'] ) {
				update_option( self::NETWORKS_OPTION, $narrowed );
			}
			unset( $policy['allowedNetworks'] );
			update_option( Shareworthy_Blocks::POLICY_OPTION, $policy );
		}
		if ( false === get_option( self::PUBLIC_BUTTONS_OPTION ) ) {
			$like = '%' . $wpdb->esc_like( '<!-- wp:shareworthy/share {' ) . '%' . $wpdb->esc_like( '"publicLinks":true' ) . '%';
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- once per site, at migration.
			$used = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_status <> %s AND post_content LIKE %s", 'inherit', $like ) );
			update_option( self::PUBLIC_BUTTONS_OPTION, $used > 0 );
		}
		update_option( self::MIGRATION_OPTION, self::MIGRATION );
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
}
