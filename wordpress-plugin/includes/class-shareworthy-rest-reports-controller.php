<?php
/**
 * REST: the raw facts click reports are computed from.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/class-shareworthy-report.php';
require_once __DIR__ . '/class-shareworthy-report-period.php';

/**
 * GET /shareworthy/v1/reports/events: shares and clicks of a period in the shapes of core's
 * ReportEvents, so the admin screen aggregates them with core's aggregate() (by item,
 * campaign, network, day or employee) instead of PHP re-implementing the report.
 */
final class Shareworthy_REST_Reports_Controller extends WP_REST_Controller {

	/** Longest period one request may cover. */
	private const MAX_DAYS = 400;

	/**
	 * Sets namespace and base.
	 */
	public function __construct() {
		$this->namespace = 'shareworthy/v1';
		$this->rest_base = 'reports';
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$day = array(
			'type'    => 'string',
			'pattern' => '^\d{4}-\d{2}-\d{2}$',
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/events',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => array(
						'from' => $day + array( 'description' => __( 'First UTC day (YYYY-MM-DD); default: 29 days before "to".', 'shareworthy' ) ),
						'to'   => $day + array( 'description' => __( 'Last UTC day (YYYY-MM-DD), included; default: today.', 'shareworthy' ) ),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Reports need view_shareworthy_reports.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		unset( $request );
		if ( current_user_can( Shareworthy_Capabilities::VIEW_REPORTS ) ) {
			return true;
		}
		return new WP_Error( 'shareworthy_forbidden', __( 'You are not allowed to see reports.', 'shareworthy' ), array( 'status' => rest_authorization_required_code() ) );
	}

	/**
	 * The events of the period.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$period = Shareworthy_Report_Period::from_request(
			$request,
			new DateTimeZone( 'UTC' ),
			'+' . ( self::MAX_DAYS - 1 ) . ' days',
			/* translators: %d: number of days */
			sprintf( __( 'The period must run forwards and cover at most %d days.', 'shareworthy' ), self::MAX_DAYS )
		);
		if ( is_wp_error( $period ) ) {
			return $period;
		}
		[ $from, $to ] = $period;
		$events        = self::events( $from->format( 'Y-m-d 00:00:00' ), $to->format( 'Y-m-d 23:59:59' ) );
		return rest_ensure_response(
			array(
				'from'              => $from->format( 'Y-m-d' ),
				'to'                => $to->format( 'Y-m-d' ),
				'shares'            => $events['shares'],
				'clicks'            => $events['clicks'],
				'eligibleEmployees' => Shareworthy_Report::eligible_employees(),
			)
		);
	}

	/**
	 * Shares created in the period or clicked in it, and the clicks of the period.
	 *
	 * @param string $from First second, UTC datetime.
	 * @param string $to   Last second, UTC datetime.
	 * @return array{shares: list<array<string, mixed>>, clicks: list<array<string, mixed>>}
	 */
	private static function events( string $from, string $to ): array {
		global $wpdb;
		$shares = Shareworthy_Schema::shares_table();
		$clicks = Shareworthy_Schema::clicks_table();
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names from $wpdb.
		$click_rows = $wpdb->get_results( $wpdb->prepare( "SELECT share_id, visitor_key, created_at, counted FROM {$clicks} WHERE created_at BETWEEN %s AND %s ORDER BY id", $from, $to ), ARRAY_A );
		$share_rows = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT s.id, s.item_id, s.user_id, s.network, s.created_at, p.post_title FROM {$shares} s LEFT JOIN {$wpdb->posts} p ON p.ID = s.item_id
				WHERE s.created_at BETWEEN %s AND %s OR s.id IN (SELECT DISTINCT share_id FROM {$clicks} WHERE created_at BETWEEN %s AND %s) ORDER BY s.id",
				$from,
				$to,
				$from,
				$to
			),
			ARRAY_A
		);
		// phpcs:enable
		$campaigns = array();
		$out       = array(
			'shares' => array(),
			'clicks' => array(),
		);
		foreach ( (array) $share_rows as $row ) {
			$item_id = (int) $row['item_id'];
			if ( ! array_key_exists( $item_id, $campaigns ) ) {
				$post                  = get_post( $item_id );
				$campaign              = $post instanceof WP_Post ? Shareworthy_Items::campaign( $post ) : null;
				$campaigns[ $item_id ] = null === $campaign ? null : $campaign['name'];
			}
			$share = array(
				'id'         => (string) $row['id'],
				'itemId'     => (string) $item_id,
				'itemTitle'  => html_entity_decode( (string) $row['post_title'], ENT_QUOTES, 'UTF-8' ),
				'network'    => (string) $row['network'],
				'employeeId' => (string) $row['user_id'],
				'createdAt'  => str_replace( ' ', 'T', (string) $row['created_at'] ) . 'Z',
			);
			if ( null !== $campaigns[ $item_id ] ) {
				$share['campaign'] = $campaigns[ $item_id ];
			}
			$out['shares'][] = $share;
		}
		foreach ( (array) $click_rows as $row ) {
			$out['clicks'][] = array(
				'shareId'    => (string) $row['share_id'],
				'visitorKey' => (string) $row['visitor_key'],
				'createdAt'  => str_replace( ' ', 'T', (string) $row['created_at'] ) . 'Z',
				'counted'    => 1 === (int) $row['counted'],
			);
		}
		return $out;
	}

	/**
	 * The response schema (core's ReportEvents plus the period).
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$text         = array( 'type' => 'string' );
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'shareworthy-report-events',
			'type'       => 'object',
			'properties' => array(
				'from'              => $text,
				'to'                => $text,
				'shares'            => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array_fill_keys( array( 'id', 'itemId', 'itemTitle', 'campaign', 'network', 'employeeId', 'createdAt' ), $text ),
					),
				),
				'clicks'            => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array_fill_keys( array( 'shareId', 'visitorKey', 'createdAt' ), $text ) + array( 'counted' => array( 'type' => 'boolean' ) ),
					),
				),
				'eligibleEmployees' => array( 'type' => 'integer' ),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
