<?php
/**
 * GET /reports/events.
 *
 * @package Shareworthy
 */

/**
 * Report events: permissions, period, and shapes core's aggregate() accepts.
 */
final class ReportsTest extends Shareworthy_TestCase {

	/**
	 * A click at a UTC datetime.
	 *
	 * @param int    $share_id Share.
	 * @param string $visitor  Visitor key seed.
	 * @param string $at       UTC datetime.
	 * @param int    $counted  1 or 0.
	 */
	private function click( int $share_id, string $visitor, string $at, int $counted = 1 ): void {
		global $wpdb;
		$wpdb->insert( Shareworthy_Schema::clicks_table(), array( 'share_id' => $share_id, 'visitor_key' => hash( 'sha256', $visitor ), 'created_at' => $at, 'counted' => $counted ), array( '%d', '%s', '%s', '%d' ) );
	}

	/**
	 * Moves a share in time.
	 *
	 * @param int    $share_id Share.
	 * @param string $at       UTC datetime.
	 */
	private function created( int $share_id, string $at ): void {
		global $wpdb;
		$wpdb->update( Shareworthy_Schema::shares_table(), array( 'created_at' => $at ), array( 'id' => $share_id ), array( '%s' ), array( '%d' ) );
	}

	public function test_only_report_viewers_get_events(): void {
		$this->assertSame( 401, $this->rest( 'GET', '/shareworthy/v1/reports/events' )->get_status() );
		foreach ( array( 'subscriber', 'author' ) as $role ) {
			$this->as_role( $role );
			$this->assertSame( 403, $this->rest( 'GET', '/shareworthy/v1/reports/events' )->get_status(), $role );
		}
		foreach ( array( 'editor', 'administrator' ) as $role ) {
			$this->as_role( $role );
			$this->assertSame( 200, $this->rest( 'GET', '/shareworthy/v1/reports/events' )->get_status(), $role );
		}
	}

	/**
	 * @return array<string, array{0: array<string, string>, 1: string}>
	 */
	public function bad_periods(): array {
		return array(
			'backwards'     => array( array( 'from' => '2026-03-02', 'to' => '2026-03-01' ), 'shareworthy_invalid_period' ),
			'too long'      => array( array( 'from' => '2025-01-01', 'to' => '2026-03-01' ), 'shareworthy_invalid_period' ),
			'not a day'     => array( array( 'from' => '2026-02-30' ), 'shareworthy_invalid_day' ),
			'wrong format'  => array( array( 'to' => '01/03/2026' ), 'rest_invalid_param' ),
		);
	}

	/**
	 * @dataProvider bad_periods
	 *
	 * @param array<string, string> $query Query.
	 * @param string                $code  Error code.
	 */
	public function test_bad_periods_are_400( array $query, string $code ): void {
		$this->as_role( 'editor' );
		$request = new WP_REST_Request( 'GET', '/shareworthy/v1/reports/events' );
		$request->set_query_params( $query );
		$response = rest_do_request( $request );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( $code, $this->error_code( $response ) );
	}

	public function test_a_period_covers_at_most_400_days_counting_both_ends(): void {
		$this->as_role( 'editor' );
		foreach ( array( '2026-02-04' => 200, '2026-02-05' => 400 ) as $to => $status ) {
			$request = new WP_REST_Request( 'GET', '/shareworthy/v1/reports/events' );
			$request->set_query_params( array( 'from' => '2025-01-01', 'to' => $to ) );
			$this->assertSame( $status, rest_do_request( $request )->get_status(), $to );
		}
	}

	public function test_events_of_the_period_aggregate_with_core(): void {
		$this->as_role( 'subscriber' );
		$item    = $this->item( array(), 'Été 2026 — Recrutement', array( 'post_title' => 'Nous recrutons' ) );
		$inside  = $this->share( $item, 'linkedin' );
		$before  = $this->share( $item, 'x' );
		$after   = $this->share( $item, 'facebook' );
		$this->created( $inside['id'], '2026-03-05 10:00:00' );
		$this->created( $before['id'], '2026-02-20 10:00:00' ); // Clicked inside the period: included.
		$this->created( $after['id'], '2026-04-20 10:00:00' );
		$this->click( $inside['id'], 'a', '2026-03-05 11:00:00' );
		$this->click( $inside['id'], 'a', '2026-03-05 11:10:00', 0 );
		$this->click( $inside['id'], 'b', '2026-03-31 23:59:59' );
		$this->click( $before['id'], 'c', '2026-03-01 00:00:00' );
		$this->click( $before['id'], 'c', '2026-02-28 23:59:59' ); // Outside.
		$this->click( $after['id'], 'd', '2026-04-21 00:00:00' ); // Outside.

		$this->as_role( 'editor' );
		$request = new WP_REST_Request( 'GET', '/shareworthy/v1/reports/events' );
		$request->set_query_params( array( 'from' => '2026-03-01', 'to' => '2026-03-31' ) );
		$data = rest_do_request( $request )->get_data();

		$mine = array_values( array_filter( $data['shares'], static fn( array $s ): bool => in_array( (int) $s['id'], array( $inside['id'], $before['id'], $after['id'] ), true ) ) );
		$this->assertSame( array( (string) $inside['id'], (string) $before['id'] ), array_column( $mine, 'id' ) );
		$this->assertSame( array( 'id' => (string) $inside['id'], 'itemId' => (string) $item, 'itemTitle' => 'Nous recrutons', 'network' => 'linkedin', 'employeeId' => $mine[0]['employeeId'], 'createdAt' => '2026-03-05T10:00:00Z', 'campaign' => 'Été 2026 — Recrutement' ), $mine[0] );
		$clicks = array_values( array_filter( $data['clicks'], static fn( array $c ): bool => in_array( (int) $c['shareId'], array( $inside['id'], $before['id'], $after['id'] ), true ) ) );
		$this->assertCount( 4, $clicks );
		$this->assertGreaterThanOrEqual( 5, $data['eligibleEmployees'] );

		// Core aggregates what the endpoint returns (the admin screen does the same in the browser).
		$input = tempnam( sys_get_temp_dir(), 'sw-report-' );
		file_put_contents( $input, (string) wp_json_encode( array( 'shares' => $mine, 'clicks' => $clicks, 'eligibleEmployees' => $data['eligibleEmployees'] ) ) );
		$script = 'import(process.argv[1]).then((core) => { const events = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8")); '
			. 'process.stdout.write(JSON.stringify(core.aggregate(events, "network", { from: "2026-03-01", to: "2026-03-31" }))); });';
		$report = json_decode( (string) shell_exec( 'node -e ' . escapeshellarg( $script ) . ' ' . escapeshellarg( 'file://' . dirname( __DIR__, 3 ) . '/core/dist/index.js' ) . ' ' . escapeshellarg( $input ) ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions
		unlink( $input );
		$this->assertIsArray( $report );
		$this->assertSame( 3, $report['totals']['clicks'] );
		$this->assertSame( 3, $report['totals']['uniqueClicks'] );
		$this->assertSame( 1, $report['excluded']['uncountedClicks'] );
	}
}
