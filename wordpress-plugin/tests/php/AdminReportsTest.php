<?php
/**
 * GET /shareworthy/v1/reports and Shareworthy_Report: the SQL report agrees with core.
 *
 * @package Shareworthy
 */

/**
 * Aggregates against the shared vectors (tests/vectors/reports-aggregate.json, reports-csv.json),
 * permissions, period validation and the CSV download.
 */
final class AdminReportsTest extends Shareworthy_TestCase {

	/** Vector id => database id (items, employees, shares). */
	private array $ids = array();

	/**
	 * The shared vector file.
	 *
	 * @param string $name File name in tests/vectors.
	 * @return array<string, mixed>
	 */
	private static function vector( string $name ): array {
		return json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/tests/vectors/' . $name ), true, 512, JSON_THROW_ON_ERROR );
	}

	/**
	 * A vector date (ISO 8601 with offset, or epoch milliseconds) as a UTC datetime.
	 *
	 * @param string|int $at Date.
	 */
	private static function utc( $at ): string {
		$date = is_int( $at ) ? ( new DateTimeImmutable( '@' . intdiv( $at, 1000 ) ) ) : new DateTimeImmutable( $at );
		return $date->setTimezone( new DateTimeZone( 'UTC' ) )->format( 'Y-m-d H:i:s' );
	}

	/**
	 * Empties both tables (demo content has shares) and loads the vector's events: one post per
	 * item (titled by its first titled share, in its campaign), one user per employee (display
	 * name = the vector's id), the shares and the clicks, an unknown share id for orphan clicks;
	 * then the report rollups.
	 *
	 * @param array<string, mixed> $events Vector events.
	 */
	private function load( array $events ): void {
		global $wpdb;
		$shares = Shareworthy_Schema::shares_table();
		$clicks = Shareworthy_Schema::clicks_table();
		$wpdb->query( "DELETE FROM {$clicks}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$wpdb->query( "DELETE FROM {$shares}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		foreach ( $events['shares'] as $share ) {
			if ( ! isset( $this->ids[ $share['itemId'] ] ) ) {
				$titled = array_values( array_filter( $events['shares'], static fn( $s ): bool => $s['itemId'] === $share['itemId'] && isset( $s['itemTitle'] ) ) );
				$this->ids[ $share['itemId'] ] = $this->item( array(), $share['campaign'] ?? '', array( 'post_title' => $titled[0]['itemTitle'] ?? '' ) );
			}
			if ( ! isset( $this->ids[ $share['employeeId'] ] ) ) {
				$user = $this->user( 'subscriber' );
				wp_update_user( array( 'ID' => $user, 'display_name' => $share['employeeId'] ) );
				$this->ids[ $share['employeeId'] ] = $user;
			}
			$wpdb->insert(
				$shares,
				array(
					'item_id'    => $this->ids[ $share['itemId'] ],
					'user_id'    => $this->ids[ $share['employeeId'] ],
					'network'    => $share['network'],
					'code'       => 'v' . $share['id'] . wp_generate_password( 8, false ),
					'created_at' => self::utc( $share['createdAt'] ),
				),
				array( '%d', '%d', '%s', '%s', '%s' )
			);
			$this->ids[ $share['id'] ] = (int) $wpdb->insert_id;
		}
		foreach ( $events['clicks'] as $click ) {
			$wpdb->insert(
				$clicks,
				array(
					'share_id'    => $this->ids[ $click['shareId'] ] ?? 999999999,
					'visitor_key' => hash( 'sha256', $click['visitorKey'] ),
					'created_at'  => self::utc( $click['createdAt'] ),
					'counted'     => false === ( $click['counted'] ?? true ) ? 0 : 1,
				),
				array( '%d', '%s', '%s', '%d' )
			);
		}
		Shareworthy_Click_Days::rebuild(); // The clicks above bypassed Shareworthy_Clicks::record().
	}

	/**
	 * Vector rows with the vector's ids replaced by the database's.
	 *
	 * @param list<array<string, mixed>> $rows Rows.
	 * @return list<array<string, mixed>>
	 */
	private function mapped( array $rows ): array {
		return array_map( fn( array $row ): array => array( 'key' => isset( $this->ids[ $row['key'] ] ) ? (string) $this->ids[ $row['key'] ] : $row['key'] ) + $row, $rows );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public function aggregate_cases(): array {
		$cases = array();
		foreach ( self::vector( 'reports-aggregate.json' )['cases'] as $case ) {
			$cases[ $case['behaviour'] ] = array( $case );
		}
		return $cases;
	}

	/**
	 * @dataProvider aggregate_cases
	 *
	 * @param array<string, mixed> $case Vector case.
	 */
	public function test_sql_report_matches_the_shared_vector( array $case ): void {
		$events = self::vector( 'reports-aggregate.json' )['events'];
		$this->load( $events );
		$vector  = $case['options'];
		$options = array( 'eligible' => $events['eligibleEmployees'] );
		foreach ( $vector['optedInEmployees'] ?? array() as $employee ) {
			update_user_meta( $this->ids[ $employee ], Shareworthy_Report::OPT_IN_META, '1' );
		}
		foreach ( array( 'costPerClick' => 'cost_per_click', 'reachPerShare' => 'reach_per_share', 'from' => 'from', 'to' => 'to' ) as $from => $to ) {
			if ( isset( $vector[ $from ] ) ) {
				$options[ $to ] = $vector[ $from ];
			}
		}
		if ( isset( $vector['timeZone'] ) ) {
			$options['time_zone'] = new DateTimeZone( $vector['timeZone'] );
		}
		$report = Shareworthy_Report::run( $case['by'], $options );
		$this->assertEquals( $case['expected']['totals'], $report['totals'] );
		$this->assertEquals( $this->mapped( $case['expected']['rows'] ), $report['rows'] );
	}

	public function test_rest_report_answers_the_vector_for_every_grouping(): void {
		$data = self::vector( 'reports-aggregate.json' );
		$this->load( $data['events'] );
		update_option( Shareworthy_Report::COST_PER_CLICK_OPTION, 1.5 );
		$this->as_role( 'editor' );
		foreach ( Shareworthy_Report::GROUPS as $by ) {
			$request = new WP_REST_Request( 'GET', '/shareworthy/v1/reports' );
			$request->set_query_params( array( 'from' => '2026-03-01', 'to' => '2026-03-05', 'groupBy' => $by ) );
			$response = rest_do_request( $request );
			$this->assertSame( 200, $response->get_status(), $by );
			$report = $response->get_data();
			$this->assertSame( array( 'shares' => 4, 'clicks' => 6, 'uniqueClicks' => 3 ), array_slice( $report['totals'], 0, 3 ), $by );
			$this->assertSame( 9.0, $report['totals']['emv'] );
			$this->assertSame( 6, array_sum( array_column( $report['rows'], 'clicks' ) ), $by );
			$this->assertSame( 4, array_sum( array_column( $report['rows'], 'shares' ) ), $by );
		}
	}

	public function test_filters_keep_only_the_campaign_or_network_asked_for(): void {
		$this->load( self::vector( 'reports-aggregate.json' )['events'] );
		$this->as_role( 'administrator' );
		$cases = array(
			array( array( 'campaign' => 'Spring' ), 2, 4 ),
			array( array( 'campaign' => '' ), 1, 2 ),
			array( array( 'network' => 'linkedin' ), 2, 5 ),
			array( array( 'network' => 'facebook', 'campaign' => 'Autumn' ), 1, 0 ),
		);
		foreach ( $cases as [ $query, $shares, $clicks ] ) {
			$request = new WP_REST_Request( 'GET', '/shareworthy/v1/reports' );
			$request->set_query_params( $query + array( 'from' => '2026-03-01', 'to' => '2026-03-31' ) );
			$totals = rest_do_request( $request )->get_data()['totals'];
			$this->assertSame( array( $shares, $clicks ), array( $totals['shares'], $totals['clicks'] ), (string) wp_json_encode( $query ) );
		}
	}

	public function test_employees_opt_in_to_be_named_through_rest_and_only_for_themselves(): void {
		$this->load( self::vector( 'reports-aggregate.json' )['events'] );
		wp_set_current_user( $this->ids['u1'] );
		$this->assertSame( 200, $this->rest( 'POST', '/wp/v2/users/me', array( 'meta' => array( Shareworthy_Report::OPT_IN_META => true ) ) )->get_status() );
		$this->assertSame( 403, $this->rest( 'POST', '/wp/v2/users/' . $this->ids['u2'], array( 'meta' => array( Shareworthy_Report::OPT_IN_META => true ) ) )->get_status() );
		$this->as_role( 'editor' );
		$request = new WP_REST_Request( 'GET', '/shareworthy/v1/reports' );
		$request->set_query_params( array( 'from' => '2026-03-01', 'to' => '2026-03-05', 'groupBy' => 'employee' ) );
		$rows = rest_do_request( $request )->get_data()['rows'];
		$this->assertSame( array( array( (string) $this->ids['u1'], 'u1', 2, 5 ), array( 'others', 'Others', 2, 1 ) ), array_map( static fn( array $row ): array => array( $row['key'], $row['label'], $row['shares'], $row['clicks'] ), $rows ) );
	}

	public function test_a_new_click_is_counted_at_once_despite_the_cache(): void {
		$this->load( self::vector( 'reports-aggregate.json' )['events'] );
		$this->as_role( 'editor' );
		$request = new WP_REST_Request( 'GET', '/shareworthy/v1/reports' );
		$request->set_query_params( array( 'from' => '2026-03-01', 'to' => '2026-03-05', 'groupBy' => 'network' ) );
		$this->assertSame( 6, rest_do_request( $request )->get_data()['totals']['clicks'] );
		$this->assertSame( 6, rest_do_request( $request )->get_data()['totals']['clicks'] );
		$this->assertTrue( Shareworthy_Clicks::record( $this->ids['s4'], hash( 'sha256', 'new' ), (int) strtotime( '2026-03-04 10:00:00 UTC' ) ) );
		$totals = rest_do_request( $request )->get_data()['totals'];
		$this->assertSame( array( 7, 4 ), array( $totals['clicks'], $totals['uniqueClicks'] ) );
	}

	public function test_only_report_viewers_get_the_report(): void {
		$this->assertSame( 401, $this->rest( 'GET', '/shareworthy/v1/reports' )->get_status() );
		foreach ( array( 'subscriber', 'contributor', 'author' ) as $role ) {
			$this->as_role( $role );
			$response = $this->rest( 'GET', '/shareworthy/v1/reports' );
			$this->assertSame( 403, $response->get_status(), $role );
			$this->assertSame( 'shareworthy_forbidden', $this->error_code( $response ) );
		}
		foreach ( array( 'editor', 'administrator' ) as $role ) {
			$this->as_role( $role );
			$this->assertSame( 200, $this->rest( 'GET', '/shareworthy/v1/reports' )->get_status(), $role );
		}
	}

	/**
	 * @return array<string, array{0: array<string, string>, 1: string}>
	 */
	public function bad_queries(): array {
		return array(
			'from after to'          => array( array( 'from' => '2026-03-02', 'to' => '2026-03-01' ), 'shareworthy_invalid_period' ),
			'more than two years'    => array( array( 'from' => '2024-03-01', 'to' => '2026-03-02' ), 'shareworthy_invalid_period' ),
			'not a calendar day'     => array( array( 'from' => '2026-02-30' ), 'shareworthy_invalid_day' ),
			'not YYYY-MM-DD'         => array( array( 'to' => '01/03/2026' ), 'shareworthy_invalid_day' ),
			'time attached'          => array( array( 'to' => '2026-03-01T00:00' ), 'shareworthy_invalid_day' ),
			'unknown grouping'       => array( array( 'groupBy' => 'visitor' ), 'rest_invalid_param' ),
			'network with a space'   => array( array( 'network' => 'linked in' ), 'rest_invalid_param' ),
			'unknown format'         => array( array( 'format' => 'xlsx' ), 'rest_invalid_param' ),
		);
	}

	/**
	 * @dataProvider bad_queries
	 *
	 * @param array<string, string> $query Query.
	 * @param string                $code  Error code.
	 */
	public function test_bad_queries_are_400_with_a_message( array $query, string $code ): void {
		$this->as_role( 'editor' );
		$request = new WP_REST_Request( 'GET', '/shareworthy/v1/reports' );
		$request->set_query_params( $query );
		$response = rest_do_request( $request );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( $code, $this->error_code( $response ) );
		$this->assertNotSame( '', (string) ( $response->get_data()['message'] ?? '' ) );
	}

	public function test_exactly_two_years_is_allowed(): void {
		$this->as_role( 'editor' );
		$request = new WP_REST_Request( 'GET', '/shareworthy/v1/reports' );
		$request->set_query_params( array( 'from' => '2024-03-01', 'to' => '2026-03-01', 'groupBy' => 'day' ) );
		$response = rest_do_request( $request );
		$this->assertSame( 200, $response->get_status() );
		$this->assertCount( 731, $response->get_data()['rows'] );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public function csv_cases(): array {
		$cases = array();
		foreach ( self::vector( 'reports-csv.json' )['cases'] as $case ) {
			$cases[ $case['behaviour'] ] = array( $case );
		}
		return $cases;
	}

	/**
	 * @dataProvider csv_cases
	 *
	 * @param array<string, mixed> $case Vector case.
	 */
	public function test_csv_escapes_like_core( array $case ): void {
		$this->assertSame( $case['expected'], Shareworthy_Report::to_csv( $case['rows'], $case['columns'] ?? null, (bool) ( $case['bom'] ?? false ) ) );
	}

	public function test_csv_download_is_an_attachment_with_guarded_titles(): void {
		$this->load( self::vector( 'reports-aggregate.json' )['events'] );
		wp_update_post( array( 'ID' => $this->ids['i1'], 'post_title' => '=HYPERLINK("http://evil.test")' ) );
		$this->as_role( 'editor' );
		$request = new WP_REST_Request( 'GET', '/shareworthy/v1/reports' );
		$request->set_query_params( array( 'from' => '2026-03-01', 'to' => '2026-03-05', 'format' => 'csv' ) );
		$response = rest_do_request( $request );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'text/csv; charset=utf-8', $response->get_headers()['Content-Type'] );
		$this->assertStringStartsWith( 'attachment; filename="shareworthy-item-2026-03-01-2026-03-05.csv"', $response->get_headers()['Content-Disposition'] );
		$lines = explode( "\r\n", (string) $response->get_data() );
		$this->assertSame( "\u{FEFF}key,label,shares,clicks,uniqueClicks,ctr", $lines[0] );
		$this->assertSame( $this->ids['i1'] . ',"\'=HYPERLINK(""http://evil.test"")",2,4,2,2', $lines[1] );
		$this->assertSame( '', end( $lines ) );
	}
}
