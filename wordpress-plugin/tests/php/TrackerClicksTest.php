<?php
/**
 * Shareworthy_Tracker_Clicks against a real click tracker: clicks it counted reach the site's
 * reports, points and per-post figures, exactly once.
 *
 * @package Shareworthy
 */

require_once __DIR__ . '/TrackerProcess.php';

/**
 * Pulling the tracker's click feed into the clicks table.
 */
final class TrackerClicksTest extends Shareworthy_TestCase {

	use Shareworthy_Tracker_Process;

	/** A key with every scope. */
	private const KEY = 'wp-clicks-key-0123456789abcdef';

	private const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

	/**
	 * Starts a tracker of this class's own, so its feed holds only these tests' clicks.
	 */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		Shareworthy_Tracker_Client::maybe_upgrade();
		self::start_tracker( self::KEY . ':issue+report+erase' );
	}

	/**
	 * Points the site at the tracker (or skips without one).
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->require_tracker();
		update_option( Shareworthy_Tracker_Client::URL_OPTION, self::$url );
		update_option( Shareworthy_Tracker_Client::KEY_OPTION, self::KEY );
	}

	/**
	 * Removes the crash hooks a test added.
	 */
	protected function tearDown(): void {
		remove_all_actions( 'shareworthy_tracker_clicks_recorded' );
		parent::tearDown();
	}

	/**
	 * A share made by a new employee, with its tracker link.
	 *
	 * @return array{item: int, share: int, url: string}
	 */
	private function tracker_share(): array {
		$this->as_role( 'subscriber' );
		$item = $this->item();
		$data = $this->share( $item );
		$this->assertStringStartsWith( self::$url . '/', $data['trackedUrl'] );
		return array(
			'item'  => $item,
			'share' => (int) $data['id'],
			'url'   => (string) $data['trackedUrl'],
		);
	}

	/**
	 * A GET on a short link with a user agent, not following the redirect.
	 *
	 * @param string $url        Short link.
	 * @param string $user_agent User agent.
	 */
	private function visit_link( string $url, string $user_agent = self::BROWSER ): void {
		$response = wp_remote_get(
			$url,
			array(
				'redirection' => 0,
				'user-agent'  => $user_agent,
				'timeout'     => 5,
			)
		);
		$this->assertSame( 302, wp_remote_retrieve_response_code( $response ) );
	}

	/**
	 * The clicks of an item in the site's report (GET /shareworthy/v1/reports) as an administrator.
	 *
	 * @param int $item Item.
	 */
	private function reported_clicks( int $item ): int {
		wp_set_current_user( $this->user( 'administrator' ) );
		$response = $this->rest( 'GET', '/shareworthy/v1/reports' );
		$this->assertSame( 200, $response->get_status() );
		foreach ( $response->get_data()['rows'] as $row ) {
			if ( (string) $item === (string) $row['key'] ) {
				return (int) $row['clicks'];
			}
		}
		return 0;
	}

	public function test_a_browser_click_on_a_tracker_link_reaches_the_report_and_the_post_figures_and_a_bot_never_does(): void {
		$share = $this->tracker_share();
		$this->visit_link( $share['url'] );
		$this->visit_link( $share['url'], 'Googlebot/2.1 (+http://www.google.com/bot.html)' );
		$this->visit_link( $share['url'], 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)' );

		// The report request pulls first: no pull has run yet.
		$this->assertSame( 1, $this->reported_clicks( $share['item'] ) );
		$this->assertSame( 1, Shareworthy_Clicks::count_for_share( $share['share'] ) );
		$summary = $this->rest( 'GET', '/shareworthy/v1/summaries/' . $share['item'] )->get_data();
		$this->assertSame( 1, $summary['clicks'] );

		$status = Shareworthy_Tracker_Clicks::status();
		$this->assertNull( $status['lastError'] );
		$this->assertNotNull( $status['lastPull'] );
		$this->assertGreaterThanOrEqual( 1, $status['imported'] );
		// The tracker check on the settings page shows it.
		$this->assertSame( $status, $this->rest( 'GET', '/shareworthy/v1/tracker/check' )->get_data()['clicks'] );
	}

	public function test_a_second_pull_imports_nothing(): void {
		$share = $this->tracker_share();
		$this->visit_link( $share['url'] );
		$first = Shareworthy_Tracker_Clicks::pull( 5.0 );
		$this->assertNull( $first['error'] );
		$this->assertGreaterThanOrEqual( 1, $first['imported'] );
		$this->assertSame(
			array(
				'imported' => 0,
				'skipped'  => 0,
				'error'    => null,
			),
			Shareworthy_Tracker_Clicks::pull( 5.0 )
		);
		$this->assertSame( 1, Shareworthy_Clicks::count_for_share( $share['share'] ) );
	}

	public function test_a_pull_follows_the_cursor_over_several_pages(): void {
		$shares = array( $this->tracker_share(), $this->tracker_share(), $this->tracker_share() );
		foreach ( $shares as $share ) {
			$this->visit_link( $share['url'] );
		}
		$pulled = Shareworthy_Tracker_Clicks::pull( 10.0, 1 );
		$this->assertNull( $pulled['error'] );
		$this->assertSame( 3, $pulled['imported'] );
		foreach ( $shares as $share ) {
			$this->assertSame( 1, Shareworthy_Clicks::count_for_share( $share['share'] ) );
		}
	}

	public function test_a_report_within_a_minute_of_the_last_pull_does_not_pull_again(): void {
		$share = $this->tracker_share();
		Shareworthy_Tracker_Clicks::pull( 5.0 );
		$this->visit_link( $share['url'] );
		$this->assertSame( 0, $this->reported_clicks( $share['item'] ) );
		Shareworthy_Tracker_Clicks::run_cron();
		$this->assertSame( 1, $this->reported_clicks( $share['item'] ) );
	}

	public function test_clicks_on_shares_this_site_does_not_know_are_skipped_and_counted(): void {
		$answer = wp_remote_post(
			self::$url . '/api/links',
			array(
				'headers' => array(
					'Authorization' => 'Bearer ' . self::KEY,
					'Content-Type'  => 'application/json',
				),
				'body'    => (string) wp_json_encode(
					array(
						'targetUrl' => 'https://www.example.com/elsewhere',
						'itemId'    => 'sharepoint-7',
						'campaign'  => 'Autre',
						'network'   => 'linkedin',
						'shareId'   => 'not-a-wp-share-' . wp_generate_password( 8, false ),
					)
				),
			)
		);
		$this->assertSame( 201, wp_remote_retrieve_response_code( $answer ) );
		$this->visit_link( json_decode( wp_remote_retrieve_body( $answer ), true )['shortUrl'] );
		$clicks = (int) $GLOBALS['wpdb']->get_var( 'SELECT COUNT(*) FROM ' . Shareworthy_Schema::clicks_table() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$pulled = Shareworthy_Tracker_Clicks::pull( 5.0 );
		$this->assertGreaterThanOrEqual( 1, $pulled['skipped'] );
		$this->assertSame( $clicks + $pulled['imported'], (int) $GLOBALS['wpdb']->get_var( 'SELECT COUNT(*) FROM ' . Shareworthy_Schema::clicks_table() ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$this->assertSame( $pulled['skipped'], Shareworthy_Tracker_Clicks::status()['skipped'] );
	}

	public function test_a_tracker_that_is_down_leaves_the_report_answering_and_the_error_visible(): void {
		$share = $this->tracker_share();
		update_option( Shareworthy_Tracker_Client::URL_OPTION, 'http://' . self::free_address() );
		$started = microtime( true );
		$this->assertSame( 0, $this->reported_clicks( $share['item'] ) );
		$this->assertLessThan( 3.0, microtime( true ) - $started );
		$status = Shareworthy_Tracker_Clicks::status();
		$this->assertStringContainsString( 'did not answer', (string) $status['lastError'] );
		$this->assertStringContainsString( 'failed', $status['message'] );
		$check = $this->rest( 'GET', '/shareworthy/v1/tracker/check' )->get_data();
		$this->assertSame( $status['lastError'], $check['clicks']['lastError'] );
	}

	public function test_a_crash_after_the_clicks_are_written_and_before_the_commit_imports_them_exactly_once(): void {
		$share = $this->tracker_share();
		$this->visit_link( $share['url'] );
		add_action(
			'shareworthy_tracker_clicks_recorded',
			static function (): void {
				throw new RuntimeException( 'simulated crash' );
			}
		);
		$crashed = Shareworthy_Tracker_Clicks::pull( 5.0 );
		$this->assertSame( 'simulated crash', $crashed['error'] );
		$this->assertSame( 0, Shareworthy_Clicks::count_for_share( $share['share'] ) );
		$this->assertSame( 0, $this->rollup_clicks( $share['share'] ) );

		remove_all_actions( 'shareworthy_tracker_clicks_recorded' );
		$this->assertNull( Shareworthy_Tracker_Clicks::pull( 5.0 )['error'] );
		$this->assertSame( 0, Shareworthy_Tracker_Clicks::pull( 5.0 )['imported'] );
		$this->assertSame( 1, Shareworthy_Clicks::count_for_share( $share['share'] ) );
		$this->assertSame( 1, $this->rollup_clicks( $share['share'] ) );
	}

	public function test_a_process_killed_before_its_commit_leaves_nothing_and_the_next_pull_imports_the_click_once(): void {
		global $wpdb;
		$this->as_role( 'subscriber' );
		$item  = $this->item( array(), '' );
		$share = $this->share( $item );
		$this->visit_link( $share['trackedUrl'] );
		// The pulling processes must see the share: this test commits and cleans up after itself.
		$wpdb->query( 'COMMIT' );
		try {
			$killed = $this->pull_in_process( 'kill' );
			$this->assertSame( 9, $killed['status'], $killed['output'] ); // proc_close() answers the signal that ended it: SIGKILL.
			$this->assertSame( 0, Shareworthy_Clicks::count_for_share( (int) $share['id'] ) );
			$this->assertSame( '', (string) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", Shareworthy_Tracker_Clicks::CURSOR_OPTION ) ) );

			$this->assertSame( 1, json_decode( $this->pull_in_process( 'run' )['output'], true )['imported'] );
			wp_cache_flush();
			// Here, outside any transaction: the pull's own START TRANSACTION and COMMIT.
			$this->assertSame( 0, Shareworthy_Tracker_Clicks::pull( 5.0 )['imported'] );
			$this->assertSame( 1, Shareworthy_Clicks::count_for_share( (int) $share['id'] ) );
			$this->assertSame( 1, $this->rollup_clicks( (int) $share['id'] ) );
		} finally {
			require_once ABSPATH . 'wp-admin/includes/user.php';
			wp_delete_post( $item, true );
			wp_delete_user( get_current_user_id() );
			foreach ( array( Shareworthy_Tracker_Clicks::CURSOR_OPTION, Shareworthy_Tracker_Clicks::STATUS_OPTION, Shareworthy_Tracker_Client::URL_OPTION, Shareworthy_Tracker_Client::KEY_OPTION, Shareworthy_Tracker_Client::FAILURE_OPTION ) as $option ) {
				delete_option( $option );
			}
			$wpdb->query( 'START TRANSACTION' );
		}
	}

	/**
	 * Runs tests/php/tracker-pull.php on this test run's database.
	 *
	 * @param string $mode kill or run.
	 * @return array{status: int, output: string}
	 */
	private function pull_in_process( string $mode ): array {
		$process = proc_open(
			array( PHP_BINARY, __DIR__ . '/tracker-pull.php', defined( 'DB_DIR' ) && 'mariadb' !== getenv( 'SHAREWORTHY_DB' ) ? DB_DIR : '', $mode ),
			array(
				1 => array( 'pipe', 'w' ),
				2 => array( 'pipe', 'w' ),
			),
			$pipes
		);
		$output = stream_get_contents( $pipes[1] ) . stream_get_contents( $pipes[2] );
		fclose( $pipes[1] );
		fclose( $pipes[2] );
		$status = proc_close( $process );
		return array(
			'status' => $status,
			'output' => (string) $output,
		);
	}

	public function test_a_page_whose_cursor_another_pull_moved_writes_nothing(): void {
		$share = $this->tracker_share();
		add_option( Shareworthy_Tracker_Clicks::CURSOR_OPTION, '', '', false );
		$click = array(
			'shareId'    => (string) $GLOBALS['wpdb']->get_var( $GLOBALS['wpdb']->prepare( 'SELECT code FROM ' . Shareworthy_Schema::shares_table() . ' WHERE id = %d', $share['share'] ) ), // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
			'at'         => time() * 1000,
			'visitorKey' => str_repeat( 'ab', 32 ),
		);
		$raced = Shareworthy_Tracker_Clicks::import_page( array( $click ), '{"tracker":"x","after":"1"}', '{"tracker":"x","after":"2"}' );
		$this->assertInstanceOf( WP_Error::class, $raced );
		$this->assertSame( 0, Shareworthy_Clicks::count_for_share( $share['share'] ) );
		$this->assertSame( array( 'imported' => 1, 'skipped' => 0 ), Shareworthy_Tracker_Clicks::import_page( array( $click ), '', '{"tracker":"x","after":"2"}' ) );
		$this->assertSame( 1, Shareworthy_Clicks::count_for_share( $share['share'] ) );
		// The same click again (the same tracker under a second URL starts over): a repeat of itself.
		Shareworthy_Tracker_Clicks::import_page( array( $click ), '{"tracker":"x","after":"2"}', '{"tracker":"y","after":"2"}' );
		$this->assertSame( 1, Shareworthy_Clicks::count_for_share( $share['share'] ) );
		$this->assertSame( 1, $this->rollup_clicks( $share['share'] ) );
	}

	public function test_the_status_reads_in_french_on_a_french_site(): void {
		update_option( Shareworthy_Tracker_Client::URL_OPTION, 'http://' . self::free_address() );
		Shareworthy_Tracker_Clicks::pull( 1.0 );
		$message = $this->in_locale( 'fr_FR', static fn(): string => Shareworthy_Tracker_Clicks::status()['message'] );
		$this->assertStringContainsString( 'clics', $message );
	}

	public function test_the_five_minute_event_is_scheduled_while_the_tracker_is_set_up(): void {
		$this->assertSame( 300, wp_get_schedules()[ Shareworthy_Tracker_Clicks::SCHEDULE ]['interval'] );
		Shareworthy_Tracker_Clicks::schedule();
		$this->assertNotFalse( wp_next_scheduled( Shareworthy_Tracker_Clicks::HOOK ) );
		update_option( Shareworthy_Tracker_Client::KEY_OPTION, '' );
		Shareworthy_Tracker_Clicks::schedule();
		$this->assertFalse( wp_next_scheduled( Shareworthy_Tracker_Clicks::HOOK ) );
	}

	/**
	 * Clicks of a share in the per-share totals rollup.
	 *
	 * @param int $share_id Share.
	 */
	private function rollup_clicks( int $share_id ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT clicks FROM ' . Shareworthy_Schema::click_totals_table() . ' WHERE share_id = %d', $share_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}
}
