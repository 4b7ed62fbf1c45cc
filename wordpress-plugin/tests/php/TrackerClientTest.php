<?php
/**
 * Shareworthy_Tracker_Client against a real click tracker: packages/tracker's command line,
 * started here on a temporary SQLite file and a free loopback port.
 *
 * @package Shareworthy
 */

require_once __DIR__ . '/TrackerProcess.php';

/**
 * Short links from the tracker, the fallback to /go/ when it fails, erasure, and the two options.
 */
final class TrackerClientTest extends Shareworthy_TestCase {

	/** A key with every scope. */
	private const KEY = 'wp-test-key-0123456789abcdef';

	/** A key that may issue links but not erase them. */
	private const ISSUE_ONLY_KEY = 'wp-issue-only-key-0123456789';

	private const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

	use Shareworthy_Tracker_Process;

	/**
	 * Starts the tracker with both keys.
	 */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		// Outside any test transaction: SchemaTest's uninstall (committed on MariaDB) drops the table.
		Shareworthy_Tracker_Client::maybe_upgrade();
		self::start_tracker( self::KEY . ':issue+report+erase,' . self::ISSUE_ONLY_KEY . ':issue' );
	}

	/**
	 * Skips when the tracker could not start here; otherwise points the site at it.
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->require_tracker();
		$this->configure( self::$url, self::KEY );
	}

	/**
	 * Sets both options as an administrator would (through their sanitize callbacks).
	 *
	 * @param string $url Tracker URL.
	 * @param string $key API key.
	 */
	private function configure( string $url, string $key ): void {
		update_option( Shareworthy_Tracker_Client::URL_OPTION, $url );
		update_option( Shareworthy_Tracker_Client::KEY_OPTION, $key );
		delete_option( Shareworthy_Tracker_Client::FAILURE_OPTION );
	}

	/**
	 * A GET without following redirects, as a browser.
	 *
	 * @param string $url URL.
	 * @return array{status: int, location: string}
	 */
	private function visit_link( string $url ): array {
		$response = wp_remote_get(
			$url,
			array(
				'redirection' => 0,
				'user-agent'  => self::BROWSER,
				'timeout'     => 5,
			)
		);
		$this->assertNotWPError( $response );
		return array(
			'status'   => (int) wp_remote_retrieve_response_code( $response ),
			'location' => (string) wp_remote_retrieve_header( $response, 'location' ),
		);
	}

	/**
	 * Asserts a value is not a WP_Error, showing its message when it is.
	 *
	 * @param mixed $value Value.
	 */
	private function assertNotWPError( $value ): void {
		$this->assertFalse( is_wp_error( $value ), is_wp_error( $value ) ? $value->get_error_message() : '' );
	}

	/**
	 * Runs every registered personal data eraser for a user, as Tools → Erase Personal Data does.
	 *
	 * @param int $user_id User.
	 * @return array<string, array<string, mixed>> Eraser id => its answer.
	 */
	private function erase_personal_data( int $user_id ): array {
		$email   = get_userdata( $user_id )->user_email;
		$answers = array();
		foreach ( apply_filters( 'wp_privacy_personal_data_erasers', array() ) as $id => $eraser ) {
			$answers[ $id ] = call_user_func( $eraser['callback'], $email, 1 );
		}
		return $answers;
	}

	public function test_a_new_share_gets_the_trackers_short_link_which_redirects_to_the_article_with_utm_tags(): void {
		$this->as_role( 'subscriber' );
		$item = $this->item();
		$data = $this->share( $item );

		$this->assertStringStartsWith( self::$url . '/', $data['trackedUrl'] );
		$this->assertNull( $data[ Shareworthy_Tracker_Client::REST_FIELD ] );
		$this->assertSame( 'https://www.linkedin.com/sharing/share-offsite/?url=' . rawurlencode( $data['trackedUrl'] ), $data['intentUrl'] );
		// The link stays the tracker's when the share is read back.
		$this->assertSame( $data['trackedUrl'], $this->rest( 'GET', '/shareworthy/v1/shares/' . $data['id'] )->get_data()['trackedUrl'] );

		$visit = $this->visit_link( $data['trackedUrl'] );
		$this->assertSame( 302, $visit['status'] );
		$this->assertSame(
			Shareworthy_Utm::append_utm(
				'https://www.example.com/jobs/42?ref=intranet#apply',
				array(
					'source'   => 'linkedin',
					'medium'   => Shareworthy_Core_Data::utm_medium(),
					'campaign' => 'ete-2026-recrutement',
					'content'  => $data['code'],
				)
			),
			$visit['location']
		);

		// The click is counted by the tracker, under this item and this employee's share.
		$today  = gmdate( 'Y-m-d' );
		$report = Shareworthy_Tracker_Client::report( $today, $today, 'item' );
		$this->assertNotWPError( $report );
		$rows = array_values( array_filter( $report['rows'], static fn( array $row ): bool => (string) $item === $row['key'] ) );
		$this->assertCount( 1, $rows );
		$this->assertSame( 1, $rows[0]['shares'] );
		$this->assertSame( 1, $rows[0]['clicks'] );
	}

	public function test_an_item_without_public_url_is_shortened_to_its_permalink(): void {
		$this->as_role( 'subscriber' );
		$item = $this->item( array( Shareworthy_Meta::PUBLIC_URL => '' ), '' );
		$data = $this->share( $item, 'x' );

		$visit = $this->visit_link( $data['trackedUrl'] );
		$this->assertSame( 302, $visit['status'] );
		$this->assertStringStartsWith( get_permalink( $item ), $visit['location'] );
		// No campaign on the item: the default campaign, as on /go/.
		$this->assertStringContainsString( 'utm_campaign=shareworthy&utm_content=' . $data['code'], $visit['location'] );
	}

	public function test_a_wrong_key_falls_back_to_the_go_link_and_says_why(): void {
		$this->configure( self::$url, 'not-a-key-the-tracker-knows' );
		$this->as_role( 'subscriber' );
		$log = $this->capture_error_log();
		$data = $this->share( $this->item() );

		$this->assertSame( home_url( '/go/' . $data['code'] ), $data['trackedUrl'] );
		$this->assertStringContainsString( 'This API key is not known.', (string) $data[ Shareworthy_Tracker_Client::REST_FIELD ] );
		$this->assertNotNull( Shareworthy_Shares::find( $data['id'] ), 'the share is kept' );
		$this->assertStringContainsString( 'This API key is not known.', (string) file_get_contents( $log ) );
		$this->assertStringNotContainsString( 'not-a-key-the-tracker-knows', (string) file_get_contents( $log ) );

		// Administrators see it on their screens, without the key.
		wp_set_current_user( $this->user( 'administrator' ) );
		$notice = $this->notice();
		$this->assertStringContainsString( '1 share since', $notice );
		$this->assertStringContainsString( 'This API key is not known.', $notice );
		$this->assertStringNotContainsString( 'not-a-key-the-tracker-knows', $notice );
		// Employees do not.
		wp_set_current_user( $this->user( 'subscriber' ) );
		$this->assertSame( '', $this->notice() );
	}

	public function test_a_french_site_explains_the_fallback_in_french(): void {
		$this->configure( self::$url, 'not-a-key-the-tracker-knows' );
		$this->as_role( 'subscriber' );
		$this->capture_error_log();
		$this->in_locale(
			'fr_FR',
			function (): void {
				$data = $this->share( $this->item() );
				$this->assertStringStartsWith( 'Le traqueur de clics n’a pas pu créer de lien court (This API key is not known.)', (string) $data[ Shareworthy_Tracker_Client::REST_FIELD ] );
				wp_set_current_user( $this->user( 'administrator' ) );
				$this->assertStringContainsString( '1 partage depuis le', $this->notice() );
			}
		);
		$this->assertSame( 'Shareworthy click tracker', __( 'Shareworthy click tracker', 'shareworthy' ) );
	}

	public function test_the_notice_counts_failures_and_goes_away_with_a_new_key_or_the_next_accepted_share(): void {
		$this->configure( self::$url, 'not-a-key-the-tracker-knows' );
		$this->as_role( 'subscriber' );
		$this->capture_error_log();
		$item = $this->item();
		$this->share( $item );
		$this->share( $item, 'x' );
		$employee = get_current_user_id();
		wp_set_current_user( $this->user( 'administrator' ) );
		$this->assertStringContainsString( '2 shares since', $this->notice() );

		update_option( Shareworthy_Tracker_Client::KEY_OPTION, self::KEY );
		$this->assertSame( '', $this->notice(), 'a new key starts afresh' );

		update_option( Shareworthy_Tracker_Client::FAILURE_OPTION, array( 'message' => 'earlier', 'since' => time() - 60, 'count' => 3 ) );
		$this->assertStringContainsString( '3 shares since', $this->notice() );
		wp_set_current_user( $employee );
		$this->share( $item );
		wp_set_current_user( $this->user( 'administrator' ) );
		$this->assertSame( '', $this->notice(), 'the tracker works again' );
	}

	public function test_a_tracker_that_is_down_falls_back_to_the_go_link_quickly(): void {
		$closed = 'http://' . self::free_address();
		$this->configure( $closed, self::KEY );
		$this->as_role( 'subscriber' );
		$this->capture_error_log();
		$started = microtime( true );
		$data    = $this->share( $this->item() );

		$this->assertLessThan( 3.5, microtime( true ) - $started );
		$this->assertSame( home_url( '/go/' . $data['code'] ), $data['trackedUrl'] );
		$this->assertStringContainsString( $closed, (string) $data[ Shareworthy_Tracker_Client::REST_FIELD ] );
		$this->assertIsArray( get_option( Shareworthy_Tracker_Client::FAILURE_OPTION ) );
	}

	public function test_a_url_where_something_else_answers_is_named_in_the_error(): void {
		if ( ! getenv( 'SHAREWORTHY_HTTP_URL' ) ) {
			$this->markTestSkipped( 'SHAREWORTHY_HTTP_URL is not set: run through bin/test.mjs.' );
		}
		// The WordPress site itself: its 404 page is HTML, not a problem document.
		$this->configure( (string) getenv( 'SHAREWORTHY_HTTP_URL' ), self::KEY );
		$this->as_role( 'subscriber' );
		$this->capture_error_log();
		$data = $this->share( $this->item() );
		$this->assertSame( home_url( '/go/' . $data['code'] ), $data['trackedUrl'] );
		$this->assertStringContainsString( 'is not the click tracker (HTTP status 404, not JSON)', (string) $data[ Shareworthy_Tracker_Client::REST_FIELD ] );
	}

	public function test_without_both_options_shares_keep_the_go_link_and_no_request_is_made(): void {
		update_option( Shareworthy_Tracker_Client::KEY_OPTION, '' );
		$this->as_role( 'subscriber' );
		$data = $this->share( $this->item() );
		$this->assertSame( home_url( '/go/' . $data['code'] ), $data['trackedUrl'] );
		$this->assertNull( $data[ Shareworthy_Tracker_Client::REST_FIELD ] );
		$this->assertFalse( get_option( Shareworthy_Tracker_Client::FAILURE_OPTION ) );
	}

	public function test_the_tracker_refuses_a_target_host_it_does_not_allow_and_its_issues_are_kept(): void {
		$this->as_role( 'subscriber' );
		$this->capture_error_log();
		$data = $this->share( $this->item( array( Shareworthy_Meta::PUBLIC_URL => 'https://careers.example.org/jobs/7' ) ) );
		$this->assertSame( home_url( '/go/' . $data['code'] ), $data['trackedUrl'] );
		$this->assertStringContainsString( 'The link request is not valid.', (string) $data[ Shareworthy_Tracker_Client::REST_FIELD ] );
		$this->assertMatchesRegularExpression( '/not valid\. .*\S/', (string) $data[ Shareworthy_Tracker_Client::REST_FIELD ], 'the issue after the title' );
	}

	public function test_erasing_an_employees_personal_data_erases_their_links_on_the_tracker(): void {
		$user  = $this->as_role( 'subscriber' );
		$item  = $this->item();
		$first = $this->share( $item );
		$other = $this->share( $item, 'x' );
		$this->assertSame( 302, $this->visit_link( $first['trackedUrl'] )['status'] );

		$answers = $this->erase_personal_data( $user );

		$this->assertTrue( $answers['shareworthy-tracker']['items_removed'] );
		$this->assertFalse( $answers['shareworthy-tracker']['items_retained'] );
		$this->assertSame( 404, $this->visit_link( $first['trackedUrl'] )['status'] );
		$this->assertSame( 404, $this->visit_link( $other['trackedUrl'] )['status'] );
		$this->assertSame( 0, $this->tracker_rows(), 'nothing left here either' );
	}

	public function test_the_personal_data_export_lists_the_trackers_short_link(): void {
		$user = $this->as_role( 'subscriber' );
		$data = $this->share( $this->item() );
		$export = Shareworthy_Privacy::export( get_userdata( $user )->user_email );
		$values = array_column( $export['data'][0]['data'], 'value' );
		$this->assertContains( $data['trackedUrl'], $values );
		$this->assertStringStartsWith( self::$url . '/', $data['trackedUrl'] );
	}

	public function test_an_erasure_the_tracker_refuses_is_reported_as_retained_with_its_reason(): void {
		$this->configure( self::$url, self::ISSUE_ONLY_KEY );
		$user = $this->as_role( 'subscriber' );
		$data = $this->share( $this->item() );
		$this->capture_error_log();

		$answer = $this->erase_personal_data( $user )['shareworthy-tracker'];

		$this->assertTrue( $answer['items_retained'] );
		$this->assertStringContainsString( 'lacks the "erase" scope', $answer['messages'][0] );
		$this->assertSame( 302, $this->visit_link( $data['trackedUrl'] )['status'], 'the link still works: nothing was erased' );
	}

	public function test_deleting_an_item_erases_its_shares_links_on_the_tracker(): void {
		$this->as_role( 'subscriber' );
		$item = $this->item();
		$kept = $this->item();
		$gone = $this->share( $item );
		$stay = $this->share( $kept );

		wp_delete_post( $item, true );

		$this->assertSame( 404, $this->visit_link( $gone['trackedUrl'] )['status'] );
		$this->assertSame( 302, $this->visit_link( $stay['trackedUrl'] )['status'] );
		$this->assertSame( 1, $this->tracker_rows() );
	}

	public function test_deleting_a_user_erases_their_links_on_the_tracker(): void {
		require_once ABSPATH . 'wp-admin/includes/user.php';
		$user = $this->as_role( 'subscriber' );
		$data = $this->share( $this->item() );
		wp_set_current_user( 0 );

		wp_delete_user( $user );

		$this->assertSame( 404, $this->visit_link( $data['trackedUrl'] )['status'] );
		$this->assertSame( 0, $this->tracker_rows() );
	}

	public function test_links_of_deleted_shares_wait_for_the_tracker_and_are_erased_by_the_daily_event(): void {
		$this->as_role( 'subscriber' );
		$item = $this->item();
		$data = $this->share( $item );
		$this->capture_error_log();
		update_option( Shareworthy_Tracker_Client::URL_OPTION, 'http://' . self::free_address() );

		wp_delete_post( $item, true );
		$this->assertSame( 1, $this->tracker_rows(), 'kept until the tracker answers' );

		update_option( Shareworthy_Tracker_Client::URL_OPTION, self::$url );
		do_action_ref_array( Shareworthy_Cron::HOOK, array() ); // As WP-Cron runs it.
		$this->assertSame( 0, $this->tracker_rows() );
		$this->assertSame( 404, $this->visit_link( $data['trackedUrl'] )['status'] );
	}

	public function test_erase_share_reports_what_the_tracker_removed(): void {
		$this->as_role( 'subscriber' );
		$data = $this->share( $this->item() );
		$this->visit_link( $data['trackedUrl'] );

		$this->assertSame( array( 'links' => 1, 'clicks' => 1 ), Shareworthy_Tracker_Client::erase_share( $data['id'] ) );
		$this->assertSame( array( 'links' => 0, 'clicks' => 0 ), Shareworthy_Tracker_Client::erase_share( $data['id'] ), 'already gone: no request' );
	}

	public function test_the_check_tells_what_the_key_may_do_without_changing_anything(): void {
		$this->assertSame( array( 'issue' => true, 'erase' => true, 'report' => true ), Shareworthy_Tracker_Client::check() );
		$this->configure( self::$url, self::ISSUE_ONLY_KEY );
		$this->assertSame( array( 'issue' => true, 'erase' => false, 'report' => false ), Shareworthy_Tracker_Client::check() );
		$this->configure( self::$url, 'not-a-key-the-tracker-knows' );
		$unknown = Shareworthy_Tracker_Client::check();
		$this->assertInstanceOf( WP_Error::class, $unknown );
		$this->assertSame( 'This API key is not known.', $unknown->get_error_message() );

		$this->configure( self::$url, self::KEY );
		$today  = gmdate( 'Y-m-d' );
		$before = Shareworthy_Tracker_Client::report( $today, $today, 'item' );
		Shareworthy_Tracker_Client::check();
		$this->assertSame( $before['totals'], Shareworthy_Tracker_Client::report( $today, $today, 'item' )['totals'], 'no link was made' );
	}

	public function test_the_check_route_is_for_managers_and_answers_ok_or_why_not(): void {
		wp_set_current_user( $this->user( 'subscriber' ) );
		$this->assertSame( 403, $this->rest( 'GET', '/shareworthy/v1/tracker/check' )->get_status() );

		wp_set_current_user( $this->user( 'administrator' ) );
		$ok = $this->rest( 'GET', '/shareworthy/v1/tracker/check' );
		$this->assertSame( 200, $ok->get_status() );
		$this->assertTrue( $ok->get_data()['ok'] );

		$this->configure( self::$url, self::ISSUE_ONLY_KEY );
		$partial = $this->rest( 'GET', '/shareworthy/v1/tracker/check' )->get_data();
		$this->assertFalse( $partial['ok'] );
		$this->assertSame( array( 'issue' => true, 'erase' => false, 'report' => false ), $partial['scopes'] );
		$this->assertStringContainsString( 'erase', $partial['message'] );

		update_option( Shareworthy_Tracker_Client::URL_OPTION, 'http://' . self::free_address() );
		$down = $this->rest( 'GET', '/shareworthy/v1/tracker/check' )->get_data();
		$this->assertFalse( $down['ok'] );
		$this->assertNull( $down['scopes'] );
		$this->assertStringContainsString( 'did not answer', $down['message'] );
	}

	public function test_a_bad_report_query_comes_back_as_the_trackers_problem(): void {
		$report = Shareworthy_Tracker_Client::report( '2026-02-01', '2026-01-01', 'item' );
		$this->assertInstanceOf( WP_Error::class, $report );
		$this->assertSame( 'shareworthy_tracker_error', $report->get_error_code() );
		$this->assertSame( 400, $report->get_error_data()['status'] );
		$this->assertSame( 'urn:shareworthy:problem:validation', $report->get_error_data()['type'] );
	}

	/**
	 * @return array<string, array{0: mixed}>
	 */
	public function bad_urls(): array {
		return array(
			'javascript'    => array( 'javascript:alert(1)' ),
			'relative'      => array( '/tracker' ),
			'ftp'           => array( 'ftp://go.example.com' ),
			'credentials'   => array( 'https://user:secret@go.example.com' ),
			'query'         => array( 'https://go.example.com/?next=https://evil.example' ),
			'fragment'      => array( 'https://go.example.com/#x' ),
			'space in host' => array( 'https://go example.com' ),
			'backslash'     => array( 'https://go.example.com\\@evil.example' ),
			'control'       => array( "https://go.example.com/\x00" ),
			'rtl override'  => array( "https://go.example.com/\u{202E}moc" ),
			'array'         => array( array( 'https://go.example.com' ) ),
			'unicode host'  => array( 'https://gö.example.com' ),
			'huge'          => array( 'https://go.example.com/' . str_repeat( 'a', 5000 ) ),
		);
	}

	/**
	 * @dataProvider bad_urls
	 *
	 * @param mixed $bad A value that is not a tracker URL.
	 */
	public function test_a_bad_tracker_url_is_refused_and_the_previous_one_kept( $bad ): void {
		update_option( Shareworthy_Tracker_Client::URL_OPTION, 'https://go.example.com' );
		update_option( Shareworthy_Tracker_Client::URL_OPTION, $bad );
		$this->assertSame( 'https://go.example.com', get_option( Shareworthy_Tracker_Client::URL_OPTION ) );
	}

	public function test_a_tracker_url_is_trimmed_and_may_have_a_path_and_port(): void {
		update_option( Shareworthy_Tracker_Client::URL_OPTION, "  http://10.1.2.3:8787/tracker/ \n" );
		$this->assertSame( 'http://10.1.2.3:8787/tracker', get_option( Shareworthy_Tracker_Client::URL_OPTION ) );
		update_option( Shareworthy_Tracker_Client::URL_OPTION, '' );
		$this->assertSame( '', get_option( Shareworthy_Tracker_Client::URL_OPTION ) );
		$this->assertFalse( Shareworthy_Tracker_Client::enabled() );
	}

	public function test_the_rest_settings_api_masks_the_key_and_keeps_it_when_the_mask_comes_back(): void {
		wp_set_current_user( $this->user( 'administrator' ) );
		$read = $this->rest( 'GET', '/wp/v2/settings' )->get_data();
		$this->assertSame( self::$url, $read[ Shareworthy_Tracker_Client::URL_OPTION ] );
		$this->assertSame( '••••••••cdef', $read[ Shareworthy_Tracker_Client::KEY_OPTION ] );
		$this->assertStringNotContainsString( self::KEY, (string) wp_json_encode( $read ) );

		// The page sends back what it was given: the key stays.
		$saved = $this->rest( 'POST', '/wp/v2/settings', array( Shareworthy_Tracker_Client::KEY_OPTION => $read[ Shareworthy_Tracker_Client::KEY_OPTION ] ) );
		$this->assertSame( 200, $saved->get_status() );
		$this->assertSame( self::KEY, get_option( Shareworthy_Tracker_Client::KEY_OPTION ) );
		$this->assertStringNotContainsString( self::KEY, (string) wp_json_encode( $saved->get_data() ) );

		// A new key replaces it.
		$this->rest( 'POST', '/wp/v2/settings', array( Shareworthy_Tracker_Client::KEY_OPTION => 'another-key-42424242' ) );
		$this->assertSame( 'another-key-42424242', get_option( Shareworthy_Tracker_Client::KEY_OPTION ) );
	}

	public function test_the_rest_settings_api_answers_400_for_a_bad_tracker_url(): void {
		wp_set_current_user( $this->user( 'administrator' ) );
		$response = $this->rest( 'POST', '/wp/v2/settings', array( Shareworthy_Tracker_Client::URL_OPTION => 'javascript:alert(1)' ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( self::$url, get_option( Shareworthy_Tracker_Client::URL_OPTION ) );
	}

	/**
	 * @return array<string, array{0: mixed}>
	 */
	public function bad_keys(): array {
		return array(
			'too short'   => array( 'short' ),
			'space'       => array( 'a key with spaces' ),
			'comma'       => array( 'key-one,key-two-xx' ),
			'colon'       => array( 'key-one:issue+erase' ),
			'non-ASCII'   => array( 'clé-secrète-123456' ),
			'zero-width'  => array( "key\u{200B}-0123456789" ),
			'emoji'       => array( 'key-👩‍💻-0123456789' ),
			'huge'        => array( str_repeat( 'k', 257 ) ),
			'array'       => array( array( self::KEY ) ),
			'mask of ours' => array( '••••••••abcd' ),
		);
	}

	/**
	 * @dataProvider bad_keys
	 *
	 * @param mixed $bad A value that is not a tracker key.
	 */
	public function test_a_bad_key_is_refused_and_the_previous_one_kept( $bad ): void {
		update_option( Shareworthy_Tracker_Client::KEY_OPTION, $bad );
		$this->assertSame( self::KEY, get_option( Shareworthy_Tracker_Client::KEY_OPTION ) );
	}

	public function test_the_mask_shows_four_characters_of_long_keys_only(): void {
		$this->assertSame( '••••••••cdef', Shareworthy_Tracker_Client::mask( self::KEY ) );
		$this->assertSame( '••••••••', Shareworthy_Tracker_Client::mask( 'short-key-1' ) );
		$this->assertSame( '', Shareworthy_Tracker_Client::mask( '' ) );
	}

	public function test_the_table_is_installed_and_uninstall_drops_it(): void {
		global $wpdb;
		$exists = static fn(): bool => Shareworthy_Tracker_Client::table() === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', Shareworthy_Tracker_Client::table() ) );
		$this->assertTrue( $exists() );
		$this->assertSame( Shareworthy_Tracker_Client::DB_VERSION, (int) get_option( Shareworthy_Tracker_Client::DB_VERSION_OPTION ) );
		try {
			Shareworthy_Uninstaller::uninstall_site();
			$this->assertFalse( $exists() );
			$this->assertSame( '0', (string) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name IN (%s, %s, %s)", Shareworthy_Tracker_Client::URL_OPTION, Shareworthy_Tracker_Client::KEY_OPTION, Shareworthy_Tracker_Client::DB_VERSION_OPTION ) ) );
		} finally {
			// MySQL/MariaDB commit DDL, so the rollback cannot put the site back (as in SchemaTest).
			Shareworthy_Schema::install();
			Shareworthy_Tracker_Client::install();
			Shareworthy_Capabilities::add();
			Shareworthy_Cron::schedule();
		}
	}

	/**
	 * Rows in the tracker links table.
	 */
	private function tracker_rows(): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Shareworthy_Tracker_Client::table() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * The admin notice's HTML for the current user.
	 */
	private function notice(): string {
		ob_start();
		Shareworthy_Tracker_Client::failure_notice();
		return (string) ob_get_clean();
	}

	/**
	 * Sends this test's error_log() lines to a temporary file (restored after the test).
	 *
	 * @return string The file.
	 */
	private function capture_error_log(): string {
		$file     = (string) tempnam( sys_get_temp_dir(), 'sw-log-' );
		$previous = ini_set( 'error_log', $file );
		$this->restore_log = static function () use ( $previous, $file ): void {
			ini_set( 'error_log', (string) $previous );
			@unlink( $file ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
		};
		return $file;
	}

	/**
	 * Undoes capture_error_log().
	 *
	 * @var Closure|null
	 */
	private ?Closure $restore_log = null;

	/**
	 * Restores the error log.
	 */
	protected function tearDown(): void {
		if ( null !== $this->restore_log ) {
			( $this->restore_log )();
			$this->restore_log = null;
		}
		parent::tearDown();
	}
}
