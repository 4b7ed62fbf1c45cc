<?php
/**
 * Visitor keys: enough to tell repeat clicks apart for a day, not enough to recognise anyone.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Core's visitorKey: sha256(daily salt, NUL, canonical IP, NUL, user agent, NUL, UTC day).
 * The salt is random, changes every UTC day and is overwritten when it does, so yesterday's
 * keys cannot be recomputed: the IP address is never stored and cannot be recovered.
 */
final class Shareworthy_Visitor {

	/** Option holding today's salt: array{day: string, salt: string}. */
	public const SALT_OPTION = 'shareworthy_visitor_salt';

	/**
	 * The visitor key of the current request.
	 *
	 * @param string $ip         Client IP address.
	 * @param string $user_agent User agent.
	 * @param int    $now        Unix time.
	 */
	public static function key( string $ip, string $user_agent, int $now ): string {
		return self::compute( self::salt( $now ), $ip, $user_agent, gmdate( 'Y-m-d', $now ) );
	}

	/**
	 * The key for explicit parts (what key() does with today's salt).
	 *
	 * @param string $salt       Daily salt.
	 * @param string $ip         Client IP address.
	 * @param string $user_agent User agent.
	 * @param string $day        UTC day, YYYY-MM-DD.
	 */
	public static function compute( string $salt, string $ip, string $user_agent, string $day ): string {
		return hash( 'sha256', $salt . "\0" . self::normalize_ip( $ip ) . "\0" . $user_agent . "\0" . $day );
	}

	/**
	 * Core's normalizeIp: one spelling per address, so one visitor gets one key. IPv6 lower
	 * case and compressed (RFC 5952), brackets and zone dropped, IPv4-mapped IPv6 as IPv4;
	 * anything else only trimmed and lower-cased.
	 *
	 * @param string $ip Address as the server saw it.
	 */
	public static function normalize_ip( string $ip ): string {
		$text = strtolower( trim( $ip ) );
		if ( false !== filter_var( $text, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4 ) && 1 === preg_match( '/^[\d.]+$/', $text ) ) {
			return $text;
		}
		$bare = (string) preg_replace( array( '/^\[(.*)\]$/', '/%.*$/' ), array( '$1', '' ), $text );
		$packed = str_contains( $bare, ':' ) ? @inet_pton( $bare ) : false; // phpcs:ignore WordPress.PHP.NoSilencedErrors -- false on garbage is the answer.
		if ( false === $packed || 16 !== strlen( $packed ) ) {
			return $text;
		}
		if ( str_starts_with( $packed, str_repeat( "\0", 10 ) . "\xff\xff" ) ) {
			return (string) inet_ntop( substr( $packed, 12 ) );
		}
		return (string) inet_ntop( $packed );
	}

	/**
	 * Today's salt, replacing yesterday's on first use of a new day.
	 *
	 * @param int $now Unix time.
	 */
	public static function salt( int $now ): string {
		$day    = gmdate( 'Y-m-d', $now );
		$stored = get_option( self::SALT_OPTION );
		if ( is_array( $stored ) && ( $stored['day'] ?? '' ) === $day && is_string( $stored['salt'] ?? null ) ) {
			return $stored['salt'];
		}
		return self::rotate( $now );
	}

	/**
	 * Replaces the salt with a new random one for the day of $now.
	 *
	 * @param int $now Unix time.
	 * @return string The new salt.
	 */
	public static function rotate( int $now ): string {
		$salt = bin2hex( random_bytes( 32 ) );
		update_option(
			self::SALT_OPTION,
			array(
				'day'  => gmdate( 'Y-m-d', $now ),
				'salt' => $salt,
			),
			true
		);
		return $salt;
	}

	/**
	 * The client IP: REMOTE_ADDR, unless a filter knows the site sits behind a trusted proxy.
	 */
	public static function client_ip(): string {
		$ip = isset( $_SERVER['REMOTE_ADDR'] ) ? (string) $_SERVER['REMOTE_ADDR'] : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only hashed.
		/**
		 * Filters the client IP used in the visitor hash (e.g. from X-Forwarded-For behind a
		 * proxy you trust). The IP is only hashed, never stored.
		 *
		 * @since 0.1.0
		 *
		 * @param string $ip REMOTE_ADDR.
		 */
		return (string) apply_filters( 'shareworthy_client_ip', $ip );
	}
}
