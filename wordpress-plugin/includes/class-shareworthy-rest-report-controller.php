<?php
/**
 * REST: GET /shareworthy/v1/reports, the aggregated report (JSON or CSV).
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/class-shareworthy-report-period.php';

/**
 * The report of a period grouped by item, campaign, network, day or employee, computed in SQL
 * by Shareworthy_Report with core aggregate()'s semantics; `format=csv` downloads its rows.
 */
final class Shareworthy_REST_Report_Controller extends WP_REST_Controller {

	/** Longest period one request may cover. */
	private const MAX_YEARS = 2;

	/** How long a computed report is reused while the tables are unchanged. */
	private const CACHE_SECONDS = 300;

	/**
	 * Sets namespace and base.
	 */
	public function __construct() {
		$this->namespace = 'shareworthy/v1';
		$this->rest_base = 'reports';
	}

	/**
	 * Registers the route, and the raw output of CSV responses.
	 */
	public function register_routes(): void {
		$text = array( 'type' => 'string' );
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => Shareworthy_Report_Period::args() + array(
						'groupBy'  => array(
							'type'        => 'string',
							'enum'        => Shareworthy_Report::GROUPS,
							'default'     => 'item',
							'description' => __( 'What the rows are grouped by.', 'shareworthy' ),
						),
						'campaign' => $text + array( 'description' => __( 'Only shares of items in this campaign (its name; empty: items without campaign).', 'shareworthy' ) ),
						'network'  => array(
							'type'        => 'string',
							'pattern'     => '^[a-z0-9_-]{1,32}$',
							'description' => __( 'Only shares to this network.', 'shareworthy' ),
						),
						'format'   => array(
							'type'    => 'string',
							'enum'    => array( 'json', 'csv' ),
							'default' => 'json',
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		add_filter( 'rest_pre_serve_request', array( __CLASS__, 'serve_csv' ), 10, 2 );
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
	 * The report.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$tz     = wp_timezone();
		$period = Shareworthy_Report_Period::from_request(
			$request,
			$tz,
			'+' . self::MAX_YEARS . ' years',
			/* translators: %d: number of years */
			sprintf( _n( 'The period may cover at most %d year.', 'The period may cover at most %d years.', self::MAX_YEARS, 'shareworthy' ), self::MAX_YEARS )
		);
		if ( is_wp_error( $period ) ) {
			return $period;
		}
		[ $from, $to ] = $period;
		$by      = (string) $request['groupBy'];
		$options = array(
			'from'           => $from->format( 'Y-m-d' ),
			'to'             => $to->format( 'Y-m-d' ),
			'time_zone'      => $tz,
			'cost_per_click' => (float) get_option( Shareworthy_Report::COST_PER_CLICK_OPTION, 0 ),
		);
		if ( isset( $request['campaign'] ) ) {
			$options['campaign'] = (string) $request['campaign'];
		}
		if ( isset( $request['network'] ) ) {
			$options['network'] = (string) $request['network'];
		}
		$report = self::cached( $by, $options );
		if ( 'csv' === $request['format'] ) {
			$response = new WP_REST_Response( Shareworthy_Report::to_csv( $report['rows'], self::csv_columns(), true ) );
			$response->header( 'Content-Type', 'text/csv; charset=utf-8' );
			$response->header( 'Content-Disposition', sprintf( 'attachment; filename="shareworthy-%s-%s-%s.csv"', $by, $options['from'], $options['to'] ) );
			return $response;
		}
		return rest_ensure_response( $report );
	}

	/**
	 * The report, from a transient while the tables are unchanged: the admin page asks for five
	 * groupings of one period, and the aggregation reads every click of it. The key holds the
	 * tables' highest id and row count, so a new or erased share or click is seen at once;
	 * titles, names and opt-ins are at most CACHE_SECONDS old.
	 *
	 * @param string               $by      Grouping.
	 * @param array<string, mixed> $options Shareworthy_Report::run options.
	 * @return array{totals: array<string, int|float>, rows: list<array<string, int|float|string>>}
	 */
	private static function cached( string $by, array $options ): array {
		global $wpdb;
		$clicks  = Shareworthy_Schema::clicks_table();
		$shares  = Shareworthy_Schema::shares_table();
		$version = $wpdb->get_row( "SELECT (SELECT MAX(id) FROM {$clicks}) AS a, (SELECT COUNT(*) FROM {$clicks}) AS b, (SELECT MAX(id) FROM {$shares}) AS c, (SELECT COUNT(*) FROM {$shares}) AS d", ARRAY_N ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names from $wpdb.
		$key     = 'shareworthy_report_' . md5( (string) wp_json_encode( array( $by, array( 'time_zone' => $options['time_zone']->getName() ) + $options, $version ) ) );
		$report  = get_transient( $key );
		if ( ! is_array( $report ) ) {
			$report = Shareworthy_Report::run( $by, $options );
			set_transient( $key, $report, self::CACHE_SECONDS );
		}
		return $report;
	}

	/**
	 * Columns of the CSV: every field of a row.
	 *
	 * @return list<array{key: string}>
	 */
	private static function csv_columns(): array {
		return array_map( static fn( string $key ): array => array( 'key' => $key ), array( 'key', 'label', 'shares', 'clicks', 'uniqueClicks', 'ctr' ) );
	}

	/**
	 * Writes a CSV response as it is (the REST server would JSON-encode the string).
	 *
	 * @param bool             $served Whether the request was served already.
	 * @param WP_HTTP_Response $result The response.
	 */
	public static function serve_csv( $served, $result ): bool {
		if ( $served || ! $result instanceof WP_HTTP_Response || ! is_string( $result->get_data() ) ) {
			return (bool) $served;
		}
		$type = (string) ( $result->get_headers()['Content-Type'] ?? '' );
		if ( ! str_starts_with( $type, 'text/csv' ) ) {
			return false;
		}
		echo $result->get_data(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a CSV file, escaped for CSV.
		return true;
	}

	/**
	 * The response schema (core's Report without `excluded`).
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$number       = array( 'type' => 'number' );
		$integer      = array( 'type' => 'integer' );
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'shareworthy-report',
			'type'       => 'object',
			'properties' => array(
				'totals' => array(
					'type'       => 'object',
					'properties' => array_fill_keys( array( 'shares', 'clicks', 'uniqueClicks', 'reach' ), $integer ) + array_fill_keys( array( 'ctr', 'participationRate', 'emv' ), $number ),
				),
				'rows'   => array(
					'type'  => 'array',
					'items' => array(
						'type'       => 'object',
						'properties' => array(
							'key'          => array( 'type' => 'string' ),
							'label'        => array( 'type' => 'string' ),
							'shares'       => $integer,
							'clicks'       => $integer,
							'uniqueClicks' => $integer,
							'ctr'          => $number,
						),
					),
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
