<?php
/**
 * Which visits count as clicks: the PHP side of core's tracking rules.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Classifies a visit to a tracked link with the patterns generated from @shareworthy/core,
 * so the WordPress redirect and the TypeScript tracker agree (tests run both on the same
 * vectors).
 */
final class Shareworthy_Tracking {

	/**
	 * Whether the user agent is a bot, crawler, HTTP library or link-preview fetcher.
	 *
	 * @param string $user_agent User agent.
	 */
	public static function is_bot( string $user_agent ): bool {
		return 1 === preg_match( Shareworthy_Core_Data::bot_pattern(), $user_agent );
	}

	/**
	 * Whether the request is a prefetch or preview rather than a person following the link.
	 *
	 * @param array<string, string> $headers Lower-case header name => value.
	 */
	public static function is_prefetch( array $headers ): bool {
		foreach ( Shareworthy_Core_Data::prefetch_headers() as $name => $pattern ) {
			if ( isset( $headers[ $name ] ) && 1 === preg_match( $pattern, $headers[ $name ] ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Classifies a visit: counted only for a GET by a person.
	 *
	 * @param string                $method     HTTP method.
	 * @param string                $user_agent User agent.
	 * @param array<string, string> $headers    Lower-case header name => value.
	 * @return array{counted: bool, reason: string} reason: human, method, bot or prefetch.
	 */
	public static function classify( string $method, string $user_agent, array $headers ): array {
		if ( 'GET' !== strtoupper( $method ) ) {
			return array( 'counted' => false, 'reason' => 'method' );
		}
		if ( self::is_prefetch( $headers ) ) {
			return array( 'counted' => false, 'reason' => 'prefetch' );
		}
		if ( self::is_bot( $user_agent ) ) {
			return array( 'counted' => false, 'reason' => 'bot' );
		}
		return array( 'counted' => true, 'reason' => 'human' );
	}

	/**
	 * The headers classify() looks at, read from $_SERVER.
	 *
	 * @return array<string, string>
	 */
	public static function request_headers(): array {
		$headers = array();
		foreach ( array_keys( Shareworthy_Core_Data::prefetch_headers() ) as $name ) {
			$key = 'HTTP_' . strtoupper( str_replace( '-', '_', $name ) );
			if ( isset( $_SERVER[ $key ] ) ) {
				$headers[ $name ] = (string) $_SERVER[ $key ]; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- matched against patterns only.
			}
		}
		return $headers;
	}
}
