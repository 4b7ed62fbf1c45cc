<?php
/**
 * The period a report request asks for, read the same way by every report route.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * `from` and `to` of GET /reports and GET /reports/events: calendar days (YYYY-MM-DD) in a
 * time zone, `to` included and today by default, `from` 29 days before `to` by default (30
 * days), at most a route-specific length. Every refusal is a 400 WP_Error with a message.
 */
final class Shareworthy_Report_Period {

	/**
	 * The `from` and `to` route arguments, described for the REST index (days in the site's
	 * time zone); checked by from_request(), which gives every refusal its own message.
	 *
	 * @return array{from: array<string, string>, to: array<string, string>}
	 */
	public static function args(): array {
		return array(
			'from' => array(
				'type'        => 'string',
				'description' => __( 'First day (YYYY-MM-DD, site time zone); default: 29 days before "to".', 'shareworthy' ),
			),
			'to'   => array(
				'type'        => 'string',
				'description' => __( 'Last day (YYYY-MM-DD), included; default: today.', 'shareworthy' ),
			),
		);
	}

	/**
	 * The first and last day of the period, each at midnight in $tz, or the 400 error.
	 *
	 * @param WP_REST_Request $request  Request with optional `from` and `to`.
	 * @param DateTimeZone    $tz       Zone of the days.
	 * @param string          $longest  How far after `from` `to` may be, as a date modifier ('+2 years').
	 * @param string          $too_long Message when `to` is further than that.
	 * @return array{0: DateTimeImmutable, 1: DateTimeImmutable}|WP_Error
	 */
	public static function from_request( WP_REST_Request $request, DateTimeZone $tz, string $longest, string $too_long ) {
		foreach ( array( 'from', 'to' ) as $name ) {
			if ( isset( $request[ $name ] ) && null === self::day( (string) $request[ $name ], $tz ) ) {
				/* translators: %s: parameter name (from or to) */
				return new WP_Error( 'shareworthy_invalid_day', sprintf( __( '%s is not a calendar day (YYYY-MM-DD).', 'shareworthy' ), $name ), array( 'status' => 400 ) );
			}
		}
		$to   = self::day( (string) ( $request['to'] ?? '' ), $tz ) ?? new DateTimeImmutable( 'today', $tz );
		$from = self::day( (string) ( $request['from'] ?? '' ), $tz ) ?? $to->modify( '-29 days' );
		if ( $from > $to ) {
			return new WP_Error( 'shareworthy_invalid_period', __( 'The first day of the period is after its last day.', 'shareworthy' ), array( 'status' => 400 ) );
		}
		if ( $to > $from->modify( $longest ) ) {
			return new WP_Error( 'shareworthy_invalid_period', $too_long, array( 'status' => 400 ) );
		}
		return array( $from, $to );
	}

	/**
	 * A YYYY-MM-DD day at midnight in the zone, or null when it is not a calendar day.
	 *
	 * @param string       $value Day.
	 * @param DateTimeZone $tz    Zone.
	 */
	private static function day( string $value, DateTimeZone $tz ): ?DateTimeImmutable {
		$date = DateTimeImmutable::createFromFormat( '!Y-m-d', $value, $tz );
		return false !== $date && $date->format( 'Y-m-d' ) === $value ? $date : null;
	}
}
