<?php
/**
 * Shareworthy → Settings: every site-wide setting on one React page, saved through the
 * plugin's own route (POST /shareworthy/v1/settings) for users with manage_shareworthy.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/class-shareworthy-rest-settings-controller.php';

/**
 * Adds the page and its route, and validates the policy as core's compilePolicy() does.
 */
final class Shareworthy_Admin_Settings {

	/** Slug of the Settings page under the Shareworthy menu. */
	public const PAGE = 'shareworthy-settings';

	/** Core's MAX_TERM_WORDS (core/src/policy/policy.ts): longest blocked phrase, in words. */
	private const MAX_TERM_WORDS = 16;

	/** Fields of a policy, in the order core reports their issues. */
	private const POLICY_LISTS = array( 'blockedTerms', 'confidentialMarkers', 'allowedLinkDomains', 'requiredDisclosure' );

	/**
	 * Adds the hooks (from Shareworthy_Admin::boot).
	 */
	public static function boot(): void {
		add_action( 'init', array( 'Shareworthy_Settings', 'maybe_migrate' ), 1 );
		add_action( 'rest_api_init', array( __CLASS__, 'register_routes' ) );
		add_action( 'admin_menu', array( __CLASS__, 'add_page' ), 20 );
	}

	/**
	 * GET/POST /shareworthy/v1/settings.
	 */
	public static function register_routes(): void {
		( new Shareworthy_REST_Settings_Controller() )->register_routes();
	}

	/**
	 * What core's compilePolicy() refuses, with the same paths and codes (checked on the
	 * shared cases of tests/vectors/policy-compile.json): lists that are not lists of strings,
	 * a blocked term or marker without a letter or digit or of more than 16 words, a
	 * disclosure without a letter or digit, a link domain that is not a host name, a
	 * detectPersonalData that is not a boolean, an unknown network or locale.
	 *
	 * @param mixed $value Policy object (decoded JSON).
	 * @return true|WP_Error 400 `shareworthy_invalid_policy`; data.issues lists { path, code, message }.
	 */
	public static function validate_policy( $value ) {
		$issues = self::policy_issues( $value );
		if ( array() === $issues ) {
			return true;
		}
		return new WP_Error(
			'shareworthy_invalid_policy',
			implode( ' ', array_column( $issues, 'message' ) ),
			array(
				'status' => 400,
				'issues' => $issues,
			)
		);
	}

	/**
	 * The issues of a policy, in core's order.
	 *
	 * @param mixed $value Policy object.
	 * @return list<array{path: list<string|int>, code: string, message: string}>
	 */
	public static function policy_issues( $value ): array {
		if ( ! is_array( $value ) || ( array() !== $value && array_is_list( $value ) ) ) {
			return array( self::issue( array(), 'invalid-type', __( 'The policy must be an object.', 'shareworthy' ) ) );
		}
		$issues = array();
		foreach ( self::POLICY_LISTS as $field ) {
			foreach ( self::string_list( $value[ $field ] ?? null, $field, $issues ) as $i => $entry ) {
				if ( 'allowedLinkDomains' === $field ) {
					if ( null === self::canonical_domain( $entry ) ) {
						/* translators: %s: entry */
						$issues[] = self::issue( array( $field, $i ), 'invalid-domain', sprintf( __( '“%s” is not a domain name.', 'shareworthy' ), $entry ) );
					}
					continue;
				}
				$words = self::count_words( $entry );
				if ( 0 === $words ) {
					/* translators: 1: entry, 2: list name */
					$issues[] = self::issue( array( $field, $i ), 'empty-term', sprintf( __( '“%1$s” in %2$s has no letters or digits to match.', 'shareworthy' ), $entry, self::field_label( $field ) ) );
				} elseif ( 'requiredDisclosure' !== $field && $words > self::MAX_TERM_WORDS ) {
					/* translators: 1: entry, 2: list name, 3: number of words */
					$issues[] = self::issue( array( $field, $i ), 'term-too-long', sprintf( __( '“%1$s” in %2$s has more than %3$d words.', 'shareworthy' ), $entry, self::field_label( $field ), self::MAX_TERM_WORDS ) );
				}
			}
		}
		if ( isset( $value['detectPersonalData'] ) && ! is_bool( $value['detectPersonalData'] ) ) {
			$issues[] = self::issue( array( 'detectPersonalData' ), 'invalid-type', __( 'Personal-data detection must be on or off.', 'shareworthy' ) );
		}
		$networks = array_keys( Shareworthy_Core_Data::networks() );
		foreach ( self::string_list( $value['allowedNetworks'] ?? null, 'allowedNetworks', $issues ) as $i => $network ) {
			if ( ! in_array( $network, $networks, true ) ) {
				/* translators: %s: entry */
				$issues[] = self::issue( array( 'allowedNetworks', $i ), 'unknown-network', sprintf( __( '“%s” is not a known network.', 'shareworthy' ), $network ) );
			}
		}
		if ( isset( $value['locale'] ) && ! in_array( $value['locale'], array( 'en', 'fr' ), true ) ) {
			$issues[] = self::issue( array( 'locale' ), 'invalid-locale', __( 'The policy language must be "en" or "fr".', 'shareworthy' ) );
		}
		return $issues;
	}

	/**
	 * One issue.
	 *
	 * @param list<string|int> $path    Path of the bad value.
	 * @param string           $code    Core's issue code.
	 * @param string           $message Sentence for the admin.
	 * @return array{path: list<string|int>, code: string, message: string}
	 */
	private static function issue( array $path, string $code, string $message ): array {
		return array(
			'path'    => $path,
			'code'    => $code,
			'message' => $message,
		);
	}

	/**
	 * The strings of a list, by index; core's stringList(): an absent or null list is empty,
	 * anything but a list is an issue, so is each entry that is not a string.
	 *
	 * @param mixed                                                                 $value  List.
	 * @param string                                                                $field  Field name.
	 * @param list<array{path: list<string|int>, code: string, message: string}> $issues Issues, appended to.
	 * @return array<int, string>
	 */
	private static function string_list( $value, string $field, array &$issues ): array {
		if ( null === $value ) {
			return array();
		}
		if ( ! is_array( $value ) || ! array_is_list( $value ) ) {
			/* translators: %s: list name */
			$issues[] = self::issue( array( $field ), 'invalid-type', sprintf( __( '%s must be a list of texts.', 'shareworthy' ), self::field_label( $field ) ) );
			return array();
		}
		$out = array();
		foreach ( $value as $i => $entry ) {
			if ( is_string( $entry ) ) {
				$out[ $i ] = $entry;
			} else {
				/* translators: 1: position in the list, 2: list name */
				$issues[] = self::issue( array( $field, $i ), 'invalid-type', sprintf( __( 'Entry %1$d of %2$s is not a text.', 'shareworthy' ), $i + 1, self::field_label( $field ) ) );
			}
		}
		return $out;
	}

	/**
	 * How many words core's tokenizer (core/src/policy/tokens.ts) reads in a term: a word
	 * starts at a letter or digit, goes on through letters, digits, combining marks and
	 * invisible format characters (`se\u200Bcret` is one word); `@` and `$` are letters when
	 * they sit in front of a letter or inside a word (`$ecret`, `p@ss`), except an `@` that
	 * starts a host name (`john@acme.com` is two words).
	 *
	 * @param string $text Term.
	 */
	public static function count_words( string $text ): int {
		$chars = preg_split( '//u', $text, -1, PREG_SPLIT_NO_EMPTY );
		if ( false === $chars ) {
			return 0; // Not UTF-8: nothing core could match either.
		}
		$n       = count( $chars );
		$class   = array_map( array( __CLASS__, 'char_class' ), $chars );
		$words   = 0;
		$in      = false;
		$letter  = false;
		for ( $i = 0; $i < $n; $i++ ) {
			$cls = $class[ $i ];
			if ( 'symbol' === $cls ) {
				$next = $class[ $i + 1 ] ?? 'sep';
				$joins = $in ? ( 'word' === $next || 'symbol' === $next || $letter ) : ( 'word' === $next && ! self::is_ascii_digit( $chars[ $i + 1 ] ) );
				$cls   = $joins && ! ( '@' === $chars[ $i ] && $in && self::host_after( $chars, $i ) ) ? 'word' : 'sep';
				if ( 'word' === $cls ) {
					$words += $in ? 0 : 1;
					$in     = true;
					$letter = false;
					continue;
				}
			}
			if ( 'word' === $cls ) {
				$words += $in ? 0 : 1;
				$in     = true;
				$letter = ! self::is_ascii_digit( $chars[ $i ] );
			} elseif ( 'mark' !== $cls && 'invisible' !== $cls ) {
				$in = false;
			}
		}
		return $words;
	}

	/**
	 * Tokenizer class of one character.
	 *
	 * @param string $char One UTF-8 character.
	 */
	private static function char_class( string $char ): string {
		if ( '@' === $char || '$' === $char ) {
			return 'symbol';
		}
		if ( 1 === preg_match( '/^[\p{L}\p{N}]$/u', $char ) ) {
			return 'word';
		}
		if ( 1 === preg_match( '/^\p{M}$/u', $char ) ) {
			return 'mark';
		}
		return 1 === preg_match( '/^\p{Cf}$/u', $char ) ? 'invisible' : 'sep';
	}

	/**
	 * Whether a character is an ASCII digit (never a letter in core's leetspeak joins).
	 *
	 * @param string|null $char Character.
	 */
	private static function is_ascii_digit( ?string $char ): bool {
		return null !== $char && 1 === strlen( $char ) && ctype_digit( $char );
	}

	/**
	 * Core's looksLikeHostAfter(): an `@` followed by a host label, a dot and a letter.
	 *
	 * @param list<string> $chars Characters.
	 * @param int          $at    Index of the `@`.
	 */
	private static function host_after( array $chars, int $at ): bool {
		$i    = $at + 1;
		$stop = min( count( $chars ), $at + 65 );
		while ( $i < $stop && 1 === preg_match( '/^[0-9A-Za-z-]$/', $chars[ $i ] ) ) {
			++$i;
		}
		$after = $chars[ $i + 1 ] ?? '';
		return $i > $at + 1 && '.' === ( $chars[ $i ] ?? '' ) && 'word' === self::char_class( $after ) && ! self::is_ascii_digit( $after );
	}

	/**
	 * Core's canonicalDomain() (core/src/policy/urls.ts), which reads the host as the WHATWG
	 * URL parser does: lower case, punycode, no scheme, path, port, `*.` or dots around.
	 *
	 * @param string $domain As the admin typed it.
	 * @return string|null The host, or null when it is not a host name.
	 */
	public static function canonical_domain( string $domain ): ?string {
		$ws = '[\s\x{0B}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]';
		$d  = (string) preg_replace( "/^{$ws}+|{$ws}+$/u", '', $domain );
		$d  = (string) preg_replace( array( '#^https?://#i', '/^\*\./', '/^\.+|\.+$/' ), '', $d );
		$d  = (string) preg_replace( '/[\/?#].*$/s', '', $d );
		if ( '' === $d || 1 === preg_match( "/{$ws}|@/u", $d ) ) {
			return null;
		}
		// The rest is what new URL( 'http://' + d ) does to it: backslash ends the host
		// like a slash, trailing C0 controls are dropped, the port is checked and removed.
		$d = (string) preg_replace( '/\\\\.*$/s', '', (string) preg_replace( '/[\x00-\x20]+$/', '', $d ) );
		if ( str_starts_with( $d, '[' ) ) {
			return null;
		}
		$colon = strpos( $d, ':' );
		if ( false !== $colon ) {
			$port = substr( $d, $colon + 1 );
			if ( 1 !== preg_match( '/^[0-9]*$/', $port ) || ( '' !== $port && (int) ltrim( $port, '0' ) > 65535 ) ) {
				return null;
			}
			$d = substr( $d, 0, $colon );
		}
		$host = self::url_host( $d );
		if ( null === $host || ! str_contains( $host, '.' ) ) {
			return null;
		}
		return (string) preg_replace( '/\.$/', '', $host );
	}

	/**
	 * The WHATWG host parser for a special URL's host: percent-decoding, domain to ASCII
	 * (UTS #46, non-transitional), forbidden code points, IPv4 numbers.
	 *
	 * @param string $input Host as written.
	 * @return string|null Serialized host, or null on failure.
	 */
	private static function url_host( string $input ): ?string {
		if ( '' === $input ) {
			return null;
		}
		$decoded = (string) preg_replace_callback( '/%([0-9A-Fa-f]{2})/', static fn( array $m ): string => chr( (int) hexdec( $m[1] ) ), $input );
		if ( ! mb_check_encoding( $decoded, 'UTF-8' ) ) {
			return null;
		}
		if ( 1 === preg_match( '/[^\x00-\x7f]/', $decoded ) ) {
			$ascii = idn_to_ascii( $decoded, IDNA_NONTRANSITIONAL_TO_ASCII | IDNA_CHECK_BIDI | IDNA_CHECK_CONTEXTJ, INTL_IDNA_VARIANT_UTS46 );
			if ( false === $ascii ) {
				return null;
			}
			$decoded = $ascii;
		} else {
			$decoded = strtolower( $decoded );
			// An ASCII label in punycode must decode (`xn--a` does not).
			if ( 1 === preg_match( '/(?:^|\.)xn--/', $decoded ) && false === idn_to_utf8( $decoded, IDNA_NONTRANSITIONAL_TO_UNICODE, INTL_IDNA_VARIANT_UTS46 ) ) {
				return null;
			}
		}
		if ( '' === $decoded || 1 === preg_match( '/[\x00-\x20#%\/:<>?@\[\\\\\]^|\x7f]/', $decoded ) ) {
			return null;
		}
		return self::ends_in_number( $decoded ) ? self::ipv4( $decoded ) : $decoded;
	}

	/**
	 * WHATWG "ends in a number": the last label (a trailing dot aside) is decimal or 0x hex.
	 *
	 * @param string $host ASCII host.
	 */
	private static function ends_in_number( string $host ): bool {
		$labels = explode( '.', $host );
		if ( '' === end( $labels ) && count( $labels ) > 1 ) {
			array_pop( $labels );
		}
		$last = (string) end( $labels );
		return 1 === preg_match( '/^[0-9]+$/D', $last ) || 1 === preg_match( '/^0x[0-9a-f]*$/Di', $last );
	}

	/**
	 * WHATWG IPv4 parser and serializer (decimal, octal and hex parts; 1 to 4 of them).
	 *
	 * @param string $host ASCII host ending in a number.
	 * @return string|null Dotted quad, or null when it is not an IPv4 address.
	 */
	private static function ipv4( string $host ): ?string {
		$parts = explode( '.', $host );
		if ( '' === end( $parts ) && count( $parts ) > 1 ) {
			array_pop( $parts );
		}
		if ( count( $parts ) > 4 ) {
			return null;
		}
		$numbers = array();
		foreach ( $parts as $part ) {
			if ( 1 === preg_match( '/^0x([0-9a-f]*)$/Di', $part, $m ) ) {
				$numbers[] = '' === $m[1] ? 0 : (float) hexdec( $m[1] );
			} elseif ( strlen( $part ) > 1 && '0' === $part[0] ) {
				if ( 1 !== preg_match( '/^0([0-7]+)$/D', $part, $m ) ) {
					return null;
				}
				$numbers[] = (float) octdec( $m[1] );
			} elseif ( 1 === preg_match( '/^[0-9]+$/D', $part ) ) {
				$numbers[] = (float) $part;
			} else {
				return null;
			}
		}
		$last = array_pop( $numbers );
		foreach ( $numbers as $number ) {
			if ( $number > 255 ) {
				return null;
			}
		}
		if ( $last >= 256 ** ( 5 - count( $parts ) ) ) {
			return null;
		}
		$ipv4 = $last;
		foreach ( $numbers as $i => $number ) {
			$ipv4 += $number * 256 ** ( 3 - $i );
		}
		$out = array();
		for ( $i = 3; $i >= 0; $i-- ) {
			$out[] = (string) ( intdiv( (int) $ipv4, 256 ** $i ) % 256 );
		}
		return implode( '.', $out );
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
			'allowedLinkDomains'  => __( 'Allowed link domains', 'shareworthy' ),
			'requiredDisclosure'  => __( 'Required disclosure tags', 'shareworthy' ),
			'allowedNetworks'     => __( 'Networks', 'shareworthy' ),
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
			esc_html__( 'This page needs JavaScript. The settings can also be read and changed through the REST API: /wp-json/shareworthy/v1/settings.', 'shareworthy' )
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
					'networks'  => Shareworthy_Blocks::network_labels( array_keys( Shareworthy_Core_Data::networks() ) ),
					'postTypes' => $post_types,
					'utmMedium' => Shareworthy_Core_Data::utm_medium(),
					'locale'    => str_starts_with( determine_locale(), 'fr' ) ? 'fr' : 'en',
				)
			) . ';',
			'before'
		);
	}
}
