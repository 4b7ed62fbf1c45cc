<?php
/**
 * REST: GET /shareworthy/v1/leaderboard, the gamification ranking.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Opted-in employees ranked by points over a period (Shareworthy_Points), for logged-in users,
 * and the asker's own position when they opted in. 404 while gamification is off. The period
 * is read like the reports' (Shareworthy_Report_Period): default the last 30 days.
 */
final class Shareworthy_REST_Leaderboard_Controller extends WP_REST_Controller {

	/** Longest period one request may cover: "all time" for any data the retention keeps. */
	private const MAX_YEARS = 20;

	/**
	 * Sets namespace and base.
	 */
	public function __construct() {
		$this->namespace = 'shareworthy/v1';
		$this->rest_base = 'leaderboard';
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => Shareworthy_Report_Period::args() + array(
						'limit' => array(
							'type'        => 'integer',
							'minimum'     => 1,
							'maximum'     => Shareworthy_Points::MAX_LIMIT,
							'default'     => 10,
							'description' => __( 'How many employees to list.', 'shareworthy' ),
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Any logged-in user may read the leaderboard: it lists only those who agreed to be on it.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		unset( $request );
		if ( is_user_logged_in() ) {
			return true;
		}
		return new WP_Error( 'shareworthy_forbidden', __( 'Log in to see the leaderboard.', 'shareworthy' ), array( 'status' => rest_authorization_required_code() ) );
	}

	/**
	 * The leaderboard.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$rules = Shareworthy_Points::rules();
		if ( ! $rules['enabled'] ) {
			return new WP_Error( 'shareworthy_gamification_disabled', __( 'The leaderboard is turned off on this site.', 'shareworthy' ), array( 'status' => 404 ) );
		}
		$tz     = wp_timezone();
		$period = Shareworthy_Report_Period::from_request(
			$request,
			$tz,
			'+' . self::MAX_YEARS . ' years',
			/* translators: %d: number of years */
			sprintf( __( 'The leaderboard period may cover at most %d years.', 'shareworthy' ), self::MAX_YEARS )
		);
		if ( is_wp_error( $period ) ) {
			return $period;
		}
		$options = array(
			'from'      => $period[0]->format( 'Y-m-d' ),
			'to'        => $period[1]->format( 'Y-m-d' ),
			'time_zone' => $tz,
			'limit'     => (int) $request['limit'],
			'viewer'    => get_current_user_id(),
		);
		$board = Shareworthy_Points::leaderboard( $options );
		return rest_ensure_response(
			array(
				'from'           => $options['from'],
				'to'             => $options['to'],
				'pointsPerShare' => $rules['pointsPerShare'],
				'pointsPerClick' => $rules['pointsPerClick'],
				'rows'           => $board['rows'],
				'me'             => $board['me'],
			)
		);
	}

	/**
	 * The response schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$integer      = array( 'type' => 'integer' );
		$row          = array(
			'type'       => 'object',
			'properties' => array_fill_keys( array( 'rank', 'userId', 'shares', 'clicks', 'points' ), $integer ) + array( 'name' => array( 'type' => 'string' ) ),
		);
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'shareworthy-leaderboard',
			'type'       => 'object',
			'properties' => array(
				'from'           => array( 'type' => 'string' ),
				'to'             => array( 'type' => 'string' ),
				'pointsPerShare' => $integer,
				'pointsPerClick' => $integer,
				'rows'           => array(
					'type'  => 'array',
					'items' => $row,
				),
				'me'             => array( 'type' => array( 'object', 'null' ) ) + $row,
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
