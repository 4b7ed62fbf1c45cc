<?php
/**
 * Which visits count as clicks: the PHP side of core's classifyVisit.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Classifies a visit to a tracked link with the patterns generated from @shareworthy/core
 * (bin/generate-core-data.mjs), in core's order and with core's reason codes, so the
 * WordPress redirect and the TypeScript tracker agree; the PHPUnit suite runs both over the
 * same user-agent vectors.
 */
final class Shareworthy_Tracking {

	/**
	 * Whether the user agent belongs to software rather than a person. Empty is a bot.
	 *
	 * @param string $user_agent User agent.
	 */
	public static function is_bot( string $user_agent ): bool {
		return self::is_blank( $user_agent ) || 1 === preg_match( Shareworthy_Core_Data::bot_pattern(), $user_agent );
	}

	/**
	 * Which kind of software a user agent names (link-preview, headless, http-client,
	 * monitor, crawler), or null for a person's browser.
	 *
	 * @param string $user_agent Non-empty user agent.
	 */
	public static function bot_kind( string $user_agent ): ?string {
		if ( 1 !== preg_match( Shareworthy_Core_Data::bot_pattern(), $user_agent ) ) {
			return null;
		}
		foreach ( Shareworthy_Core_Data::bot_kinds() as $kind => $pattern ) {
			if ( 1 === preg_match( $pattern, $user_agent ) ) {
				return $kind;
			}
		}
		return null;
	}

	/**
	 * Whether a header announces a speculative load (prefetch, prerender, preview).
	 *
	 * @param array<string, string> $headers Header name (any case) => value.
	 */
	public static function is_prefetch( array $headers ): bool {
		$rules = Shareworthy_Core_Data::prefetch_headers();
		foreach ( $headers as $name => $value ) {
			$pattern = $rules[ strtolower( (string) $name ) ] ?? null;
			if ( null !== $pattern && 1 === preg_match( $pattern, (string) $value ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Core's classifyVisit: only a GET with a user agent, no prefetch header and no bot
	 * pattern counts.
	 *
	 * @param string                $method     HTTP method.
	 * @param string                $user_agent User agent ('' when absent).
	 * @param array<string, string> $headers    Request headers.
	 * @return array{count: bool, reason: string} reason: counted, method, empty-user-agent,
	 *                                            prefetch, or a bot kind.
	 */
	public static function classify( string $method, string $user_agent, array $headers ): array {
		if ( 'GET' !== strtoupper( trim( $method ) ) ) {
			return array( 'count' => false, 'reason' => 'method' );
		}
		if ( self::is_blank( $user_agent ) ) {
			return array( 'count' => false, 'reason' => 'empty-user-agent' );
		}
		if ( self::is_prefetch( $headers ) ) {
			return array( 'count' => false, 'reason' => 'prefetch' );
		}
		$kind = self::bot_kind( $user_agent );
		return null === $kind ? array( 'count' => true, 'reason' => 'counted' ) : array( 'count' => false, 'reason' => $kind );
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

	/**
	 * Core's isBlankUserAgent: only whitespace and invisible format characters (Unicode Cf:
	 * zero-width space, BOM, bidi controls).
	 *
	 * @param string $value User agent.
	 */
	public static function is_blank( string $value ): bool {
		return '' === trim( $value ) || 1 === preg_match( '/^[\s\x{A0}\x{FEFF}\x{2028}\x{2029}\p{Zs}\p{Cf}]*$/u', $value );
	}
}
