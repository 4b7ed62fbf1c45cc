<?php
/**
 * The sharing fields editors fill in (post meta) and the two taxonomies.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers post meta (with REST schema, auth and sanitizing), taxonomies, and validates
 * what the REST API writes: only editors approve, dates in order, public URL well formed.
 */
final class Shareworthy_Meta {

	public const SHAREABLE  = 'shareworthy_shareable';
	public const PUBLIC_URL = 'shareworthy_public_url';
	public const MESSAGES   = 'shareworthy_messages';
	public const HASHTAGS   = 'shareworthy_hashtags';
	public const TOPICS     = 'shareworthy_topics';
	public const AUDIENCE   = 'shareworthy_audience';
	public const STARTS_AT  = 'shareworthy_starts_at';
	public const EXPIRES_AT = 'shareworthy_expires_at';
	public const PRIORITY   = 'shareworthy_priority';
	public const STATUS     = 'shareworthy_status';
	public const KIND       = 'shareworthy_kind';

	public const CAMPAIGN_TAXONOMY = 'shareworthy_campaign';
	public const GROUP_TAXONOMY    = 'shareworthy_group';

	/** Core's HASHTAG_PATTERN: letters, marks, digits, "_" and ZWNJ (U+200C). */
	private const HASHTAG_PATTERN = '/^[\p{L}\p{M}\p{N}_\x{200C}]+$/uD';

	/** JavaScript's white space (\s, String.prototype.trim): Zs, tab, line breaks, BOM; not NEL. */
	private const JS_SPACE = '\t\n\x0B\f\r\p{Zs}\x{2028}\x{2029}\x{FEFF}';

	/**
	 * Review states, from core (draft, pending, approved, archived); only users with
	 * publish_shareworthy_items set approved or archived.
	 *
	 * @return list<string>
	 */
	public static function statuses(): array {
		return Shareworthy_Core_Data::curation( 'itemStatuses' );
	}

	/**
	 * Stored date format: UTC ISO 8601 with an explicit +00:00 offset. Not "Z": the SQLite
	 * integration rewrites any 'YYYY-MM-DDTHH:MM:SSZ' literal to MySQL's 'YYYY-MM-DD HH:MM:SS'
	 * (class-wp-mysql-on-sqlite.php), MariaDB keeps it; the offset form reads back alike on both.
	 */
	private const DATE_FORMAT = 'Y-m-d\TH:i:sP';

	/**
	 * Registers taxonomies and meta on every shareable post type (init, late enough for
	 * other plugins' post types to exist).
	 */
	public static function register(): void {
		$types = Shareworthy_Items::post_types();
		self::register_taxonomies( $types );
		foreach ( $types as $type ) {
			foreach ( self::definitions() as $key => $args ) {
				register_post_meta(
					$type,
					$key,
					array_merge(
						$args,
						array(
							'single'        => true,
							'auth_callback' => array( __CLASS__, 'can_edit' ),
						)
					)
				);
			}
		}
	}

	/**
	 * Meta auth callback: editing sharing fields needs edit_shareworthy_items and the post.
	 *
	 * @param bool   $allowed  Previous decision.
	 * @param string $meta_key Meta key.
	 * @param int    $post_id  Post ID.
	 * @param int    $user_id  User ID.
	 */
	public static function can_edit( bool $allowed, string $meta_key, int $post_id, int $user_id ): bool {
		unset( $allowed, $meta_key );
		return user_can( $user_id, Shareworthy_Capabilities::EDIT ) && user_can( $user_id, 'edit_post', $post_id );
	}

	/**
	 * Hooks the REST validation onto each shareable post type (rest_api_init).
	 */
	public static function add_rest_guards(): void {
		foreach ( Shareworthy_Items::post_types() as $type ) {
			add_filter( "rest_pre_insert_{$type}", array( __CLASS__, 'validate_rest_request' ), 10, 2 );
		}
	}

	/**
	 * Checks the sharing fields of a REST write: approval rights, URL, date order.
	 *
	 * @param stdClass|WP_Error $prepared Post about to be saved.
	 * @param WP_REST_Request   $request  The request.
	 * @return stdClass|WP_Error
	 */
	public static function validate_rest_request( $prepared, WP_REST_Request $request ) {
		$meta = $request['meta'];
		if ( is_wp_error( $prepared ) || ! is_array( $meta ) ) {
			return $prepared;
		}
		$post_id = isset( $prepared->ID ) ? (int) $prepared->ID : 0;
		$error   = self::validate( $meta, $post_id );
		return null === $error ? $prepared : $error;
	}

	/**
	 * Validates sharing fields against each other and the current user's rights.
	 *
	 * @param array<string, mixed> $meta    Submitted meta (only keys present are checked).
	 * @param int                  $post_id Existing post, 0 for a new one.
	 * @return WP_Error|null Error with status 400/403, or null when valid.
	 */
	public static function validate( array $meta, int $post_id ): ?WP_Error {
		// An unchanged status passes: the editor may send every field back with an author's edit.
		if ( isset( $meta[ self::STATUS ] ) && in_array( $meta[ self::STATUS ], array( 'approved', 'archived' ), true )
			&& ! current_user_can( Shareworthy_Capabilities::PUBLISH )
			&& ( 0 === $post_id || get_post_meta( $post_id, self::STATUS, true ) !== $meta[ self::STATUS ] ) ) {
			return new WP_Error(
				'shareworthy_cannot_approve',
				__( 'Only editors can approve or archive a shareable item; submit it for review instead.', 'shareworthy' ),
				array( 'status' => rest_authorization_required_code() )
			);
		}
		if ( isset( $meta[ self::PUBLIC_URL ] ) && '' !== $meta[ self::PUBLIC_URL ] ) {
			$checked = Shareworthy_Utm::validate_target_url( (string) $meta[ self::PUBLIC_URL ] );
			if ( is_wp_error( $checked ) ) {
				$checked->add_data( array( 'status' => 400 ) );
				return $checked;
			}
		}
		if ( array_key_exists( self::HASHTAGS, $meta ) ) {
			$issues = self::parse_hashtags( $meta[ self::HASHTAGS ] )['issues'];
			if ( array() !== $issues ) {
				return new WP_Error(
					'shareworthy_invalid_hashtags',
					/* translators: %d: longest hashtag, in characters */
					sprintf( __( 'A hashtag holds letters, digits and _ only (no spaces or punctuation), not only digits, and at most %d characters.', 'shareworthy' ), (int) Shareworthy_Core_Data::curation( 'itemLimits' )['hashtag'] ),
					array(
						'status' => 400,
						'issues' => $issues,
					)
				);
			}
		}
		$starts  = array_key_exists( self::STARTS_AT, $meta ) ? (string) $meta[ self::STARTS_AT ] : ( $post_id ? (string) get_post_meta( $post_id, self::STARTS_AT, true ) : '' );
		$expires = array_key_exists( self::EXPIRES_AT, $meta ) ? (string) $meta[ self::EXPIRES_AT ] : ( $post_id ? (string) get_post_meta( $post_id, self::EXPIRES_AT, true ) : '' );
		foreach ( array( self::STARTS_AT => $starts, self::EXPIRES_AT => $expires ) as $key => $value ) {
			if ( '' !== $value && null === Shareworthy_Items::timestamp( $value ) ) {
				/* translators: %s: meta key */
				return new WP_Error( 'shareworthy_invalid_date', sprintf( __( '%s is not a valid date.', 'shareworthy' ), $key ), array( 'status' => 400 ) );
			}
		}
		if ( '' !== $starts && '' !== $expires && Shareworthy_Items::timestamp( $expires ) <= Shareworthy_Items::timestamp( $starts ) ) {
			return new WP_Error( 'shareworthy_expires_before_start', __( 'The expiry date must come after the start date.', 'shareworthy' ), array( 'status' => 400 ) );
		}
		return null;
	}

	/**
	 * Outside REST too (admin, imports run as a user): a user without publish rights cannot
	 * store an approved/archived status. Code running without a user (cron, CLI) is trusted.
	 *
	 * @param mixed  $check    Null to let the write happen.
	 * @param int    $post_id  Post ID.
	 * @param string $meta_key Meta key.
	 * @param mixed  $value    New value.
	 * @return mixed False blocks the write.
	 */
	public static function guard_status_update( $check, $post_id, $meta_key, $value ) {
		unset( $post_id );
		if ( self::STATUS === $meta_key && in_array( $value, array( 'approved', 'archived' ), true )
			&& 0 !== get_current_user_id() && ! current_user_can( Shareworthy_Capabilities::PUBLISH ) ) {
			return false;
		}
		return $check;
	}

	/**
	 * Sanitizes a list of short strings: trimmed, deduplicated, empties dropped.
	 *
	 * @param mixed $value Raw value.
	 * @return list<string>
	 */
	public static function sanitize_list( $value ): array {
		$items = array();
		foreach ( (array) $value as $item ) {
			$item = trim( sanitize_text_field( (string) $item ) );
			if ( '' !== $item ) {
				$items[] = $item;
			}
		}
		return array_values( array_unique( $items ) );
	}

	/**
	 * Sanitizes hashtags the way core's validateItem reads them (see parse_hashtags()), keeping
	 * only the accepted ones: a sanitizer cannot refuse, so REST writes are checked first by
	 * validate(), and other writes (imports, admin code) lose the entries core would refuse.
	 *
	 * @param mixed $value Raw value.
	 * @return list<string>
	 */
	public static function sanitize_hashtags( $value ): array {
		return self::parse_hashtags( $value )['tags'];
	}

	/**
	 * Core's validateItem on hashtags (core/src/curation/validate.ts), answer for answer on
	 * tests/vectors/curation-hashtags.json: null or a blank string is no hashtags; anything
	 * else must be a list of strings; each entry is trimmed (JavaScript's white space), loses
	 * one leading # or ＃ (X links both), is dropped when nothing visible is left, and is
	 * refused when longer than core's limit in UTF-16 units, when it holds anything but
	 * letters, marks, digits, "_" and ZWNJ, or only digits; duplicates ignoring case
	 * (JavaScript's toLowerCase) keep the first spelling. A JSON object decodes to a PHP
	 * array: one with keys 0, 1, … cannot be told from a list and is read as one.
	 *
	 * @param mixed $value Hashtags as sent.
	 * @return array{tags: list<string>, issues: list<array{path: string, code: string}>} Accepted tags, and
	 *         core's issues (path "hashtags" or "hashtags.<index>", code invalid-type, too-long or invalid-hashtag) in order.
	 */
	public static function parse_hashtags( $value ): array {
		$tags   = array();
		$issues = array();
		if ( null === $value || ( is_string( $value ) && '' === self::visible( $value ) ) ) {
			return compact( 'tags', 'issues' );
		}
		if ( ! is_array( $value ) || ! array_is_list( $value ) ) {
			return array(
				'tags'   => $tags,
				'issues' => array( array( 'path' => 'hashtags', 'code' => 'invalid-type' ) ),
			);
		}
		$seen  = array();
		$limit = (int) Shareworthy_Core_Data::curation( 'itemLimits' )['hashtag'];
		foreach ( $value as $index => $entry ) {
			$code = null;
			if ( ! is_string( $entry ) ) {
				$code = 'invalid-type';
			} else {
				$tag = (string) preg_replace( '/^[#\x{FF03}]/u', '', self::visible( mb_scrub( $entry, 'UTF-8' ) ) );
				if ( '' === self::visible( $tag ) ) {
					continue;
				}
				if ( strlen( (string) mb_convert_encoding( $tag, 'UTF-16LE', 'UTF-8' ) ) / 2 > $limit ) {
					$code = 'too-long';
				} elseif ( 1 !== preg_match( self::HASHTAG_PATTERN, $tag ) || 1 === preg_match( '/^\p{N}+$/uD', $tag ) ) {
					$code = 'invalid-hashtag';
				}
			}
			if ( null !== $code ) {
				$issues[] = array(
					'path' => "hashtags.{$index}",
					'code' => $code,
				);
				continue;
			}
			$key = Shareworthy_Utm::lowercase( $tag );
			if ( ! isset( $seen[ $key ] ) ) {
				$seen[ $key ] = true;
				$tags[]       = $tag;
			}
		}
		return compact( 'tags', 'issues' );
	}

	/**
	 * Core's visible(): the text trimmed of JavaScript's white space, or '' when only white
	 * space and invisible format characters (Cf: zero-width spaces, bidi marks) are left.
	 *
	 * @param string $text Valid UTF-8.
	 */
	private static function visible( string $text ): string {
		if ( 1 === preg_match( '/^[' . self::JS_SPACE . '\p{Cf}]*$/uD', $text ) ) {
			return '';
		}
		return (string) preg_replace( '/^[' . self::JS_SPACE . ']+|[' . self::JS_SPACE . ']+$/uD', '', $text );
	}

	/**
	 * Sanitizes per-network messages: known networks only, plain text, bounded length.
	 *
	 * @param mixed $value Raw value.
	 * @return array<string, string>
	 */
	public static function sanitize_messages( $value ): array {
		$messages = array();
		$known    = array_merge( array_keys( Shareworthy_Core_Data::networks() ), array( 'default' ) );
		foreach ( (array) $value as $network => $text ) {
			if ( in_array( (string) $network, $known, true ) && is_scalar( $text ) ) {
				$messages[ (string) $network ] = mb_substr( sanitize_textarea_field( (string) $text ), 0, (int) Shareworthy_Core_Data::curation( 'itemLimits' )['message'] );
			}
		}
		return $messages;
	}

	/**
	 * Sanitizes a date to UTC ISO 8601, or '' when empty or unreadable.
	 *
	 * @param mixed $value Raw value.
	 */
	public static function sanitize_date( $value ): string {
		$time = Shareworthy_Items::timestamp( trim( (string) $value ) );
		return null === $time ? '' : gmdate( self::DATE_FORMAT, $time );
	}

	/**
	 * Sanitizes the public URL: kept only when it is a valid http(s) target.
	 *
	 * @param mixed $value Raw value.
	 */
	public static function sanitize_public_url( $value ): string {
		$url = trim( (string) $value );
		return '' === $url || is_wp_error( Shareworthy_Utm::validate_target_url( $url ) ) ? '' : Shareworthy_Utm::normalize_url( $url );
	}

	/**
	 * Meta key => register_post_meta arguments (without single/auth).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function definitions(): array {
		$limits   = Shareworthy_Core_Data::curation( 'itemLimits' );
		$priority = Shareworthy_Core_Data::curation( 'priority' );
		$networks = array();
		// "default": the message for networks without their own (core's ItemMessages).
		foreach ( array_merge( array_keys( Shareworthy_Core_Data::networks() ), array( 'default' ) ) as $network ) {
			$networks[ $network ] = array(
				'type'      => 'string',
				'maxLength' => $limits['message'],
			);
		}
		$date_pattern = '^$|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$';
		$string_list  = static fn( string $description, int $max_items, string $pattern = '', int $max_length = 200 ): array => array(
			'type'              => 'array',
			'description'       => $description,
			'default'           => array(),
			'sanitize_callback' => array( __CLASS__, 'sanitize_list' ),
			'show_in_rest'      => array(
				'schema' => array(
					'type'     => 'array',
					'maxItems' => $max_items,
					'items'    => array_filter(
						array(
							'type'      => 'string',
							'maxLength' => $max_length,
							'pattern'   => $pattern,
						)
					),
				),
			),
		);
		return array(
			self::SHAREABLE  => array(
				'type'              => 'boolean',
				'description'       => __( 'Whether employees may share this post.', 'shareworthy' ),
				'default'           => false,
				'sanitize_callback' => 'rest_sanitize_boolean',
				'show_in_rest'      => true,
			),
			self::PUBLIC_URL => array(
				'type'              => 'string',
				'description'       => __( 'Public address shared on social networks (the intranet address is not reachable from outside). Empty: the permalink.', 'shareworthy' ),
				'default'           => '',
				'sanitize_callback' => array( __CLASS__, 'sanitize_public_url' ),
				'show_in_rest'      => array(
					'schema' => array(
						'type'      => 'string',
						'maxLength' => 2048,
						'pattern'   => '^$|^[Hh][Tt][Tt][Pp][Ss]?://\S+$',
					),
				),
			),
			self::MESSAGES   => array(
				'type'              => 'object',
				'description'       => __( 'Suggested message per network.', 'shareworthy' ),
				'default'           => array(),
				'sanitize_callback' => array( __CLASS__, 'sanitize_messages' ),
				'show_in_rest'      => array(
					'schema' => array(
						'type'                 => 'object',
						'properties'           => $networks,
						'additionalProperties' => false,
					),
				),
			),
			self::HASHTAGS   => array_merge(
				// No pattern or maxLength: validate() applies core's rules (trimmed, UTF-16 length) instead.
				$string_list( __( 'Hashtags, without #.', 'shareworthy' ), 30, '', 0 ),
				array( 'sanitize_callback' => array( __CLASS__, 'sanitize_hashtags' ) )
			),
			self::TOPICS     => $string_list( __( 'Topics; the feed ranks items matching an employee\'s topics higher.', 'shareworthy' ), 20, '', $limits['tag'] ),
			self::AUDIENCE   => $string_list( __( 'Slugs of the employee groups the item targets; empty: everyone.', 'shareworthy' ), 50, '^[a-z0-9_-]+$', $limits['tag'] ),
			self::STARTS_AT  => array(
				'type'              => 'string',
				'description'       => __( 'When employees may start sharing (ISO 8601); empty: now.', 'shareworthy' ),
				'default'           => '',
				'sanitize_callback' => array( __CLASS__, 'sanitize_date' ),
				'show_in_rest'      => array( 'schema' => array( 'type' => 'string', 'pattern' => $date_pattern ) ),
			),
			self::EXPIRES_AT => array(
				'type'              => 'string',
				'description'       => __( 'When sharing stops (ISO 8601); empty: never.', 'shareworthy' ),
				'default'           => '',
				'sanitize_callback' => array( __CLASS__, 'sanitize_date' ),
				'show_in_rest'      => array( 'schema' => array( 'type' => 'string', 'pattern' => $date_pattern ) ),
			),
			self::PRIORITY   => array(
				'type'              => 'integer',
				'description'       => __( 'Feed weight, 0–100; 50 is normal.', 'shareworthy' ),
				'default'           => $priority['default'],
				'sanitize_callback' => static fn( $value ): int => max( $priority['min'], min( $priority['max'], (int) $value ) ),
				'show_in_rest'      => array(
					'schema' => array(
						'type'    => 'integer',
						'minimum' => $priority['min'],
						'maximum' => $priority['max'],
					),
				),
			),
			self::KIND       => array(
				'type'              => 'string',
				'description'       => __( 'What the item is (article, job, event, product); empty: from its category.', 'shareworthy' ),
				'default'           => '',
				'sanitize_callback' => static fn( $value ): string => in_array( $value, Shareworthy_Core_Data::curation( 'itemKinds' ), true ) ? $value : '',
				'show_in_rest'      => array(
					'schema' => array(
						'type' => 'string',
						'enum' => array_merge( array( '' ), Shareworthy_Core_Data::curation( 'itemKinds' ) ),
					),
				),
			),
			self::STATUS     => array(
				'type'              => 'string',
				'description'       => __( 'Review state: draft, pending, approved (shareable) or archived.', 'shareworthy' ),
				'default'           => 'draft',
				'sanitize_callback' => static fn( $value ): string => in_array( $value, self::statuses(), true ) ? $value : 'draft',
				'show_in_rest'      => array(
					'schema' => array(
						'type' => 'string',
						'enum' => self::statuses(),
					),
				),
			),
		);
	}

	/**
	 * Registers the campaign and group taxonomies on the shareable post types.
	 *
	 * @param list<string> $types Post types.
	 */
	private static function register_taxonomies( array $types ): void {
		$caps = array(
			'manage_terms' => Shareworthy_Capabilities::PUBLISH,
			'edit_terms'   => Shareworthy_Capabilities::PUBLISH,
			'delete_terms' => Shareworthy_Capabilities::PUBLISH,
			'assign_terms' => Shareworthy_Capabilities::EDIT,
		);
		register_taxonomy(
			self::CAMPAIGN_TAXONOMY,
			$types,
			array(
				'labels'            => array(
					'name'          => __( 'Campaigns', 'shareworthy' ),
					'singular_name' => __( 'Campaign', 'shareworthy' ),
				),
				'description'       => __( 'Sharing campaign; its slug becomes utm_campaign.', 'shareworthy' ),
				'public'            => false,
				'show_ui'           => true,
				'show_in_rest'      => true,
				'rest_base'         => 'shareworthy-campaigns',
				'show_admin_column' => true,
				// Hierarchical: the editor shows a pick list, and WordPress lets only
				// edit_terms (editors) create terms, where flat taxonomies let any assigner.
				'hierarchical'      => true,
				'capabilities'      => $caps,
			)
		);
		register_taxonomy(
			self::GROUP_TAXONOMY,
			$types,
			array(
				'labels'       => array(
					'name'          => __( 'Employee groups', 'shareworthy' ),
					'singular_name' => __( 'Employee group', 'shareworthy' ),
				),
				'description'  => __( 'Groups of employees an item can target (see the audience field).', 'shareworthy' ),
				'public'       => false,
				'show_ui'      => true,
				'show_in_rest' => true,
				'rest_base'    => 'shareworthy-groups',
				'hierarchical' => true,
				'capabilities' => $caps,
			)
		);
	}
}
