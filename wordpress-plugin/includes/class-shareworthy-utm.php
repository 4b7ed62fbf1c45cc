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

	/**
	 * Adds UTM parameters to a URL: keys already present are replaced, other parameters and
	 * the fragment are kept as they were.
	 *
	 * @param string                $url    Absolute URL.
	 * @param array<string, string> $params utm_* key => value, in output order; empty values are skipped.
	 */
	public static function append( string $url, array $params ): string {
		$hash_at  = strpos( $url, '#' );
		$fragment = false === $hash_at ? '' : substr( $url, $hash_at );
		$base     = false === $hash_at ? $url : substr( $url, 0, $hash_at );
		$query_at = strpos( $base, '?' );
		$query    = false === $query_at ? '' : substr( $base, $query_at + 1 );
		$base     = false === $query_at ? $base : substr( $base, 0, $query_at );
		$params   = array_filter( $params, static fn( $value ): bool => '' !== (string) $value );
		$kept     = array();
		foreach ( '' === $query ? array() : explode( '&', $query ) as $pair ) {
			$name = urldecode( explode( '=', $pair, 2 )[0] );
			if ( '' !== $pair && ! array_key_exists( $name, $params ) ) {
				$kept[] = $pair;
			}
		}
		foreach ( $params as $name => $value ) {
			$kept[] = rawurlencode( $name ) . '=' . rawurlencode( (string) $value );
		}
		return $base . ( array() === $kept ? '' : '?' . implode( '&', $kept ) ) . $fragment;
	}

	/**
	 * The UTM tags of a share: source = network, medium = the configured medium,
	 * campaign = campaign slug, content = share id.
	 *
	 * @param string $network  Network id.
	 * @param string $campaign Campaign slug ('' for none).
	 * @param int    $share_id Share ID.
	 * @return array<string, string>
	 */
	public static function share_params( string $network, string $campaign, int $share_id ): array {
		return array(
			'utm_source'   => $network,
			'utm_medium'   => self::medium(),
			'utm_campaign' => self::campaign( $campaign ),
			'utm_content'  => (string) $share_id,
		);
	}

	/**
	 * The utm_campaign of an item's campaign slug, or of the default campaign (option
	 * shareworthy_default_campaign, "shareworthy") for items without one: core's scheme
	 * requires a campaign.
	 *
	 * @param string $campaign Campaign slug or name, '' for none.
	 */
	public static function campaign( string $campaign ): string {
		$slug = self::campaign_slug( $campaign );
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
	 * A campaign name as a utm_campaign value: lower case, accents removed, runs of other
	 * characters collapsed to one hyphen.
	 *
	 * @param string $name Campaign name or slug.
	 */
	public static function campaign_slug( string $name ): string {
		$name = rawurldecode( $name ); // Term slugs may be percent-encoded UTF-8.
		if ( class_exists( 'Normalizer' ) ) {
			$name = (string) Normalizer::normalize( $name, Normalizer::FORM_KD );
			$name = (string) preg_replace( '/\p{Mn}+/u', '', $name );
		}
		$slug = (string) preg_replace( '/[^a-z0-9]+/', '-', strtolower( $name ) );
		return trim( $slug, '-' );
	}

	/**
	 * Checks a URL can be a redirect target: absolute http(s), a host, no credentials, no
	 * whitespace or control characters, not too long.
	 *
	 * @param string $url Candidate.
	 * @return string|WP_Error The URL, or an error (code shareworthy_invalid_url).
	 */
	public static function validate_target_url( string $url ) {
		$parts = strlen( $url ) > self::MAX_URL_LENGTH || 1 === preg_match( '/[\x00-\x20\x7f\\\\]/', $url ) ? false : wp_parse_url( $url );
		if ( ! is_array( $parts ) || ! in_array( strtolower( $parts['scheme'] ?? '' ), array( 'http', 'https' ), true )
			|| '' === ( $parts['host'] ?? '' ) || isset( $parts['user'] ) || isset( $parts['pass'] )
			|| 1 !== preg_match( '#^https?://#i', $url ) ) {
			// Built only on failure: the redirect calls this before translations may load.
			return new WP_Error( 'shareworthy_invalid_url', __( 'The public URL must be an absolute http(s) address without user name or password.', 'shareworthy' ) );
		}
		return $url;
	}

	/**
	 * The tracked link of a code: /go/{code} with pretty permalinks, ?shareworthy_go= without.
	 *
	 * @param string $code Share code.
	 */
	public static function tracked_url( string $code ): string {
		return get_option( 'permalink_structure' )
			? home_url( '/go/' . $code )
			: add_query_arg( 'shareworthy_go', $code, home_url( '/' ) );
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
