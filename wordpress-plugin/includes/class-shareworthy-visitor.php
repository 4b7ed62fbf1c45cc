<?php
/**
 * Visitor keys: enough to tell repeat clicks apart for a day, not enough to recognise anyone.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Computes sha256(daily salt, IP, user agent, day). The salt is random, changes every UTC
 * day and is overwritten when it does, so yesterday's keys cannot be recomputed: the IP
 * address is never stored and cannot be recovered.
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
		$day = gmdate( 'Y-m-d', $now );
		return hash( 'sha256', self::salt( $now ) . "\n" . $ip . "\n" . $user_agent . "\n" . $day );
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
