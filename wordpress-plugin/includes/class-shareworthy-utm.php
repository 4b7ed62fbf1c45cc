<?php
/**
 * Tracked links and UTM tags: the PHP side of core's links rules.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Builds the URL a click lands on (public URL + UTM tags, per core's scheme), tracked links,
 * share intents, and validates target URLs.
 */
final class Shareworthy_Utm {

	/** Longest target URL accepted (the de facto limit browsers and proxies share). */
	private const MAX_URL_LENGTH = 2048;

	/** Core's PLAIN_HOST: a DNS name or an IP literal, nothing a parser could read two ways. */
	private const PLAIN_HOST = '/^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*|\[[0-9a-f:.]+\])$/D';

	/** Option: hosts public URLs may point to (each allows its subdomains); empty: any host. */
	public const ALLOWED_HOSTS_OPTION = 'shareworthy_allowed_hosts';

	/** UTM fields in output order: field => parameter name. */
	private const FIELDS = array(
		'source'   => 'utm_source',
		'medium'   => 'utm_medium',
		'campaign' => 'utm_campaign',
		'content'  => 'utm_content',
		'term'     => 'utm_term',
		'id'       => 'utm_id',
	);

	/**
	 * Core's appendUtm: appends UTM parameters to an absolute http(s) URL. The existing query
	 * keeps its order and exact bytes; a utm_* we set that is already there is removed from
	 * its old place (plain or percent-encoded name) and ours comes last, in the order source,
	 * medium, campaign, content, term, id, unless $keep_existing (then the URL's value wins).
	 * Values are percent-encoded keeping only RFC 3986 unreserved characters; blank optional
	 * fields are left out. The URL is expected in WHATWG form (sanitize_public_url stores it so).
	 *
	 * @param string                $url           Absolute http(s) URL.
	 * @param array<string, string> $utm           source, medium, campaign (required), content, term, id.
	 * @param bool                  $keep_existing Let the URL's own values win.
	 * @return string|WP_Error The tagged URL, or an error coded like core's issue
	 *                         (missing-utm-value, invalid-url, relative-url, unsupported-scheme, credentials-in-url).
	 */
	public static function append_utm( string $url, array $utm, bool $keep_existing = false ) {
		$parameters = array();
		foreach ( self::FIELDS as $field => $name ) {
			$value = isset( $utm[ $field ] ) ? (string) $utm[ $field ] : '';
			if ( ! self::is_blank( $value ) ) {
				$parameters[ $name ] = $value;
			} elseif ( in_array( $field, array( 'source', 'medium', 'campaign' ), true ) ) {
				return new WP_Error( 'missing-utm-value', "{$name} needs a non-blank value." );
			}
		}
		$problem = self::url_problem( $url );
		if ( null !== $problem ) {
			return new WP_Error( $problem, 'Not a usable absolute http(s) URL.' );
		}
		$hash_at  = strpos( $url, '#' );
		$end      = false === $hash_at ? strlen( $url ) : $hash_at;
		$query_at = strpos( substr( $url, 0, $end ), '?' );
		$query    = false === $query_at ? '' : substr( $url, $query_at + 1, $end - $query_at - 1 );
		if ( '' !== $query ) {
			$segments = explode( '&', $query );
			if ( $keep_existing ) {
				$present    = array_flip( array_map( array( __CLASS__, 'segment_name' ), $segments ) );
				$parameters = array_diff_key( $parameters, $present );
			} else {
				$query = implode( '&', array_filter( $segments, static fn( string $segment ): bool => ! isset( $parameters[ self::segment_name( $segment ) ] ) ) );
			}
		}
		if ( array() === $parameters ) {
			return $url;
		}
		$tail = '';
		foreach ( $parameters as $name => $value ) {
			$tail .= '&' . rawurlencode( $name ) . '=' . rawurlencode( mb_scrub( $value, 'UTF-8' ) );
		}
		// A query that is empty (`?`) or ends with `&` already has its separator.
		$glue = '' === $query || str_ends_with( $query, '&' ) ? substr( $tail, 1 ) : $tail;
		$head = substr( $url, 0, false === $query_at ? $end : $query_at );
		return $head . '?' . $query . $glue . substr( $url, $end );
	}

	/**
	 * Why a URL cannot be tagged or redirected to, as core's issue code, or null when it can.
	 *
	 * @param string $url Candidate.
	 */
	public static function url_problem( string $url ): ?string {
		if ( strlen( $url ) > self::MAX_URL_LENGTH || 1 !== preg_match( '/^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s', $url, $match ) ) {
			return 'invalid-url';
		}
		if ( ! in_array( strtolower( $match[1] ), array( 'http', 'https' ), true ) ) {
			return 'unsupported-scheme';
		}
		if ( ! str_starts_with( $match[2], '//' ) ) {
			return 'relative-url';
		}
		// Whitespace, controls and backslashes never appear in a WHATWG-serialized URL.
		if ( 1 === preg_match( '/[\x00-\x20\x7f\\\\]/', $url ) ) {
			return 'invalid-url';
		}
		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || '' === ( $parts['host'] ?? '' ) ) {
			return 'invalid-url';
		}
		return isset( $parts['user'] ) || isset( $parts['pass'] ) ? 'credentials-in-url' : null;
	}

	/**
	 * The name of one name=value segment as a form parser reads it (+ is a space, then ASCII
	 * %XX decoded), as far as it can equal an ASCII name.
	 *
	 * @param string $segment Query segment.
	 */
	private static function segment_name( string $segment ): string {
		$raw = str_replace( '+', ' ', explode( '=', $segment, 2 )[0] );
		return str_contains( $raw, '%' )
			? (string) preg_replace_callback( '/%([0-7][0-9a-fA-F])/', static fn( array $m ): string => chr( (int) hexdec( $m[1] ) ), $raw )
			: $raw;
	}

	/**
	 * JavaScript's notion of a blank string (String#trim removes Unicode spaces too).
	 *
	 * @param string $value Value.
	 */
	private static function is_blank( string $value ): bool {
		return 1 === preg_match( '/^[\s\x{A0}\x{FEFF}\x{2028}\x{2029}\p{Zs}]*$/u', $value ) || '' === trim( $value );
	}

	/**
	 * Core's shareUtm scheme: source = network, medium = the configured medium,
	 * campaign = campaign slug, content = share id.
	 *
	 * @param string $network  Network id.
	 * @param string $campaign Campaign slug ('' for none).
	 * @param int    $share_id Share ID.
	 * @return array<string, string> Fields for append_utm().
	 */
	public static function share_utm( string $network, string $campaign, int $share_id ): array {
		return array(
			'source'   => $network,
			'medium'   => self::medium(),
			'campaign' => self::campaign( $campaign ),
			'content'  => (string) $share_id,
		);
	}

	/**
	 * The utm_campaign of an item's campaign slug, or of the default campaign (option
	 * shareworthy_default_campaign, "shareworthy") for items without one: core's scheme
	 * requires a campaign.
	 *
	 * @param string $campaign Campaign term slug as WordPress stores it (non-ASCII letters
	 *                         percent-encoded, as sanitize_title writes them), '' for none.
	 */
	public static function campaign( string $campaign ): string {
		$slug = self::campaign_slug( rawurldecode( $campaign ) );
		return '' !== $slug ? $slug : self::campaign_slug( (string) get_option( 'shareworthy_default_campaign', 'shareworthy' ) );
	}

	/**
	 * The utm_medium: the option, else core's default (employee_advocacy).
	 */
	public static function medium(): string {
		$medium = (string) get_option( 'shareworthy_utm_medium', '' );
		return '' !== $medium ? $medium : Shareworthy_Core_Data::utm_medium();
	}

	/**
	 * Core's campaignSlug (its JSDoc has the rule and why): compatibility forms folded (NFKD),
	 * then lowercased the way JavaScript's toLowerCase does; accents stripped from Latin
	 * letters only; marks on no letter dropped; ß æ œ ø ł đ ð þ ı spelled out; invisible format
	 * characters dropped; other runs of non-letters and non-digits become one "-"; no "-" at
	 * the ends; a Greek sigma ending a word after a letter is "ς", any other "σ". The name is
	 * text: percent escapes are not decoded (see campaign()).
	 *
	 * @param string $name Campaign name.
	 */
	public static function campaign_slug( string $name ): string {
		$name = (string) Normalizer::normalize( mb_scrub( $name, 'UTF-8' ), Normalizer::FORM_KD );
		$name = self::lowercase( $name );
		$name = (string) preg_replace( array( '/(?<=\p{Latin})\p{M}+/u', '/(?<![\p{L}\p{M}])\p{M}+/u' ), '', $name );
		$name = strtr(
			$name,
			array(
				'ß' => 'ss',
				'æ' => 'ae',
				'œ' => 'oe',
				'ø' => 'o',
				'ł' => 'l',
				'đ' => 'd',
				'ð' => 'd',
				'þ' => 'th',
				'ı' => 'i',
			)
		);
		$name = (string) Normalizer::normalize( $name, Normalizer::FORM_C );
		$name = (string) preg_replace( array( '/\p{Cf}+/u', '/[^\p{L}\p{M}\p{N}]+/u' ), array( '', '-' ), $name );
		$name = str_replace( 'ς', 'σ', trim( $name, '-' ) );
		return (string) preg_replace( '/(\p{L}\p{M}*)σ(?!\p{M}*\p{L})/u', '$1ς', $name );
	}

	/**
	 * JavaScript's String.prototype.toLowerCase: Unicode's default full lowercase mapping,
	 * locale-independent, with the Final_Sigma context. ICU's Any-Lower does the same;
	 * mb_strtolower ignores Final_Sigma before PHP 8.3 (ΟΔΟΣ → "οδοσ" where JavaScript
	 * writes "οδος"), and ICU's tables are the ones Normalizer uses.
	 *
	 * @param string $text Valid UTF-8.
	 */
	public static function lowercase( string $text ): string {
		static $lower = null;
		$lower ??= Transliterator::create( 'Any-Lower' );
		return (string) $lower->transliterate( $text );
	}

	/**
	 * Whether a host is one WHATWG's IPv4 parser reads as an address but that is not written
	 * as one (0xd8.0x3a.0xd6.0xce, 3627734734, 0330.072.0326.0316, 472.314.470.462): its last
	 * label is a number. Browsers would go to an address PHP cannot see, so such hosts are
	 * refused; plain dotted-decimal IPv4 is fine.
	 *
	 * @param string $host Lower-case host.
	 */
	private static function is_ambiguous_ipv4( string $host ): bool {
		$labels = explode( '.', $host );
		if ( 1 !== preg_match( '/^(?:\d+|0x[0-9a-f]*)$/D', (string) end( $labels ) ) ) {
			return false;
		}
		return 1 !== preg_match( '/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/D', $host );
	}

	/**
	 * An IPv6 address as WHATWG serializes it: eight lower-case hex groups without leading
	 * zeros, the first longest run of two or more zero groups as "::", no embedded IPv4.
	 *
	 * @param string $packed 16 bytes.
	 */
	private static function ipv6_whatwg( string $packed ): string {
		$groups = array_values( unpack( 'n8', $packed ) );
		$best   = array( -1, 0 );
		for ( $i = 0; $i < 8; $i++ ) {
			$length = 0;
			while ( $i + $length < 8 && 0 === $groups[ $i + $length ] ) {
				++$length;
			}
			if ( $length > 1 && $length > $best[1] ) {
				$best = array( $i, $length );
			}
		}
		$hex = array_map( 'dechex', $groups );
		if ( -1 === $best[0] ) {
			return implode( ':', $hex );
		}
		return implode( ':', array_slice( $hex, 0, $best[0] ) ) . '::' . implode( ':', array_slice( $hex, $best[0] + $best[1] ) );
	}

	/**
	 * A URL in the form WHATWG's serializer gives the simple cases: scheme and host lower
	 * case, IDN host in punycode, default port dropped, "/" for an empty path. Public URLs are
	 * stored like this so that PHP's tagging matches core's byte for byte.
	 *
	 * @param string $url Valid absolute http(s) URL.
	 */
	public static function normalize_url( string $url ): string {
		if ( 1 !== preg_match( '#^([A-Za-z]+)://([^/?\#]*)(.*)$#s', $url, $m ) ) {
			return $url;
		}
		$scheme = strtolower( $m[1] );
		$host   = $m[2];
		$port   = '';
		if ( 1 === preg_match( '/^(.*):(\d*)$/', $host, $hp ) && ! str_ends_with( $hp[1], ']' ) === ! str_starts_with( $host, '[' ) ) {
			$host = $hp[1];
			$port = ltrim( $hp[2], '0' );
		}
		$host = mb_strtolower( $host, 'UTF-8' );
		if ( 1 === preg_match( '/^\[([0-9a-f:.]+)\]$/D', $host, $literal ) ) {
			$packed = @inet_pton( $literal[1] ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- false on garbage is the answer.
			$host   = false !== $packed && 16 === strlen( $packed ) ? '[' . self::ipv6_whatwg( $packed ) . ']' : $host;
		}
		if ( 1 === preg_match( '/[^\x00-\x7f]/', $host ) && function_exists( 'idn_to_ascii' ) ) {
			$ascii = idn_to_ascii( $host, IDNA_NONTRANSITIONAL_TO_ASCII, INTL_IDNA_VARIANT_UTS46 );
			$host  = false === $ascii ? $host : $ascii;
		}
		if ( ( 'http' === $scheme && '80' === $port ) || ( 'https' === $scheme && '443' === $port ) || '' === $port ) {
			$port = '';
		}
		$rest = $m[3];
		if ( '' === $rest || '?' === $rest[0] || '#' === $rest[0] ) {
			$rest = '/' . $rest;
		}
		return $scheme . '://' . $host . ( '' === $port ? '' : ':' . $port ) . $rest;
	}

	/**
	 * Core's validateTargetUrl: absolute http(s), no credentials, a plain host name or IP
	 * literal, and one of the allowed hosts (option shareworthy_allowed_hosts) when set.
	 * Stricter than core where PHP has no WHATWG parser: whitespace, controls and backslashes
	 * are refused rather than normalised.
	 *
	 * @param string $url Candidate.
	 * @return string|WP_Error The URL, or an error (code shareworthy_invalid_url).
	 */
	public static function validate_target_url( string $url ) {
		$problem = self::url_problem( $url );
		if ( null === $problem ) {
			$host    = rtrim( (string) wp_parse_url( self::normalize_url( $url ), PHP_URL_HOST ), '.' );
			$problem = 1 === preg_match( self::PLAIN_HOST, $host ) && ! self::is_ambiguous_ipv4( $host ) ? null : 'invalid-host';
		}
		if ( null === $problem ) {
			$allowed = array_filter( array_map( static fn( $entry ): string => rtrim( strtolower( trim( (string) $entry ) ), '.' ), (array) get_option( self::ALLOWED_HOSTS_OPTION, array() ) ) );
			$matches = array_filter( $allowed, static fn( string $domain ): bool => $host === $domain || str_ends_with( $host, '.' . $domain ) );
			$problem = array() === $allowed || array() !== $matches ? null : 'host-not-allowed';
		}
		if ( null !== $problem ) {
			// Built only on failure: the redirect calls this before translations may load.
			return new WP_Error(
				'shareworthy_invalid_url',
				'host-not-allowed' === $problem
					? __( 'The public URL must be on one of the hosts allowed in the Shareworthy settings.', 'shareworthy' )
					: __( 'The public URL must be an absolute http(s) address without user name or password.', 'shareworthy' ),
				array( 'reason' => $problem )
			);
		}
		return $url;
	}


	/**
	 * The tracked link of a code: /go/{code} with pretty permalinks, ?shareworthy_go= without,
	 * unless a filter (the click tracker's short link) replaces it.
	 *
	 * @param string $code Share code.
	 */
	public static function tracked_url( string $code ): string {
		$url = get_option( 'permalink_structure' )
			? home_url( '/go/' . $code )
			: add_query_arg( 'shareworthy_go', $code, home_url( '/' ) );
		/**
		 * Filters the link an employee shares (Shareworthy_Tracker_Client puts the tracker's short link here).
		 *
		 * @since 0.1.0
		 *
		 * @param string $url  The site's own tracked link.
		 * @param string $code Share code.
		 */
		return (string) apply_filters( 'shareworthy_tracked_url', $url, $code );
	}

	/**
	 * The network's share-intent URL (core's template) for a tracked link, message and title,
	 * or '' when the network has none.
	 *
	 * @param string $network Network id.
	 * @param string $url     Tracked link.
	 * @param string $text    Message (hashtags already written out).
	 * @param string $title   Item title.
	 */
	public static function intent_url( string $network, string $url, string $text, string $title ): string {
		$template = Shareworthy_Core_Data::networks()[ $network ] ?? null;
		if ( ! is_string( $template ) ) {
			return '';
		}
		if ( 'email' === $network ) {
			// RFC 6068: line breaks in a mailto: body are CRLF; a subject has none.
			$text  = (string) preg_replace( '/\r\n|\r|\n/', "\r\n", $text );
			$title = (string) preg_replace( '/[\r\n]+/', ' ', $title );
		}
		return strtr(
			$template,
			array(
				'{url}'   => rawurlencode( $url ),
				'{text}'  => rawurlencode( $text ),
				'{title}' => rawurlencode( $title ),
			)
		);
	}
}
