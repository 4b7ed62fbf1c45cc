<?php
/**
 * Gamification: points, GET /shareworthy/v1/leaderboard, the leaderboard block and admin page.
 *
 * @package Shareworthy
 */

/**
 * Points on a hand-computed fixture, opt-in, the off switch, permissions, date validation,
 * and escaped markup.
 */
final class LeaderboardTest extends Shareworthy_TestCase {

	/** Fixture user ids by name: ana, ben (opted in), cid (not), dee (opted in, idle). */
	private array $users = array();

	/**
	 * Turns gamification on (or writes another option value).
	 *
	 * @param array<string, mixed> $rules Option value.
	 */
	private function rules( array $rules = array( 'enabled' => true, 'pointsPerShare' => 10, 'pointsPerClick' => 3 ) ): void {
		update_option( Shareworthy_Points::OPTION, $rules );
	}

	/**
	 * A share written directly (the date matters), returning its id.
	 *
	 * @param int    $user    Employee.
	 * @param int    $item    Item.
	 * @param string $created UTC datetime.
	 */
	private function insert_share( int $user, int $item, string $created ): int {
		global $wpdb;
		$wpdb->insert(
			Shareworthy_Schema::shares_table(),
			array(
				'item_id'    => $item,
				'user_id'    => $user,
				'network'    => 'linkedin',
				'code'       => 'lb' . wp_generate_password( 12, false ),
				'created_at' => $created,
			),
			array( '%d', '%d', '%s', '%s', '%s' )
		);
		return (int) $wpdb->insert_id;
	}

	/**
	 * Clicks on a share.
	 *
	 * @param int    $share   Share.
	 * @param int    $count   How many.
	 * @param string $created UTC datetime.
	 * @param int    $counted 1 counted, 0 a repeat.
	 */
	private function insert_clicks( int $share, int $count, string $created, int $counted = 1 ): void {
		global $wpdb;
		for ( $i = 0; $i < $count; $i++ ) {
			$wpdb->insert(
				Shareworthy_Schema::clicks_table(),
				array(
					'share_id'    => $share,
					'visitor_key' => hash( 'sha256', "v{$share}-{$i}-{$counted}" ),
					'created_at'  => $created,
					'counted'     => $counted,
				),
				array( '%d', '%s', '%s', '%d' )
			);
		}
	}

	/**
	 * The fixture. In March 2026 (UTC):
	 * - ana (opted in): 2 shares in March, 1 in February; March clicks: 2 counted + 1 repeat on
	 *   a March share, 1 counted on the February share (clicks count by their own date); one
	 *   February click on it. → March: 2 shares, 3 clicks; all time: 3 shares, 4 clicks.
	 * - ben (opted in): 1 share, 5 counted clicks in March.
	 * - cid (not opted in): 3 shares and 10 clicks in March: never listed.
	 * - dee (opted in): nothing.
	 */
	private function fixture(): void {
		global $wpdb;
		$wpdb->query( 'DELETE FROM ' . Shareworthy_Schema::clicks_table() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$wpdb->query( 'DELETE FROM ' . Shareworthy_Schema::shares_table() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		delete_metadata( 'user', 0, Shareworthy_Report::OPT_IN_META, '', true );
		foreach ( array( 'ana', 'ben', 'cid', 'dee' ) as $name ) {
			$this->users[ $name ] = $this->user( 'subscriber' );
			wp_update_user( array( 'ID' => $this->users[ $name ], 'display_name' => ucfirst( $name ) ) );
		}
		foreach ( array( 'ana', 'ben', 'dee' ) as $name ) {
			update_user_meta( $this->users[ $name ], Shareworthy_Report::OPT_IN_META, '1' );
		}
		$item = $this->item();
		$old  = $this->insert_share( $this->users['ana'], $item, '2026-02-20 10:00:00' );
		$a1   = $this->insert_share( $this->users['ana'], $item, '2026-03-02 10:00:00' );
		$this->insert_share( $this->users['ana'], $item, '2026-03-31 23:59:59' );
		$this->insert_clicks( $a1, 2, '2026-03-03 08:00:00' );
		$this->insert_clicks( $a1, 1, '2026-03-03 08:10:00', 0 );
		$this->insert_clicks( $old, 1, '2026-03-05 12:00:00' );
		$this->insert_clicks( $old, 1, '2026-02-21 12:00:00' );
		$b1 = $this->insert_share( $this->users['ben'], $item, '2026-03-10 09:00:00' );
		$this->insert_clicks( $b1, 5, '2026-03-11 09:00:00' );
		for ( $i = 0; $i < 3; $i++ ) {
			$c = $this->insert_share( $this->users['cid'], $item, '2026-03-15 09:00:00' );
			$this->insert_clicks( $c, $i < 2 ? 3 : 4, '2026-03-16 09:00:00' );
		}
	}

	/**
	 * Rows as [name, shares, clicks, points, rank].
	 *
	 * @param list<array<string, mixed>> $rows Rows.
	 * @return list<array{0: string, 1: int, 2: int, 3: int, 4: int}>
	 */
	private static function summary( array $rows ): array {
		return array_map( static fn( array $r ): array => array( $r['name'], $r['shares'], $r['clicks'], $r['points'], $r['rank'] ), $rows );
	}

	public function test_the_rules_default_to_off_with_10_points_a_share_and_1_a_click(): void {
		delete_option( Shareworthy_Points::OPTION );
		$this->assertSame( array( 'enabled' => false, 'pointsPerShare' => 10, 'pointsPerClick' => 1 ), Shareworthy_Points::rules() );
		$this->assertFalse( Shareworthy_Points::enabled() );
		update_option( Shareworthy_Points::OPTION, 'on' );
		$this->assertFalse( Shareworthy_Points::enabled(), 'a value that is not an object leaves it off' );
		$this->rules( array( 'enabled' => true, 'pointsPerShare' => '7', 'pointsPerClick' => 0 ) );
		$this->assertSame( array( 'enabled' => true, 'pointsPerShare' => 7, 'pointsPerClick' => 0 ), Shareworthy_Points::rules() );
	}

	public function test_points_over_a_period_match_the_hand_computed_fixture(): void {
		$this->fixture();
		$this->rules();
		$march = Shareworthy_Points::leaderboard( array( 'from' => '2026-03-01', 'to' => '2026-03-31' ) );
		$this->assertSame(
			array(
				array( 'Ana', 2, 3, 29, 1 ),
				array( 'Ben', 1, 5, 25, 2 ),
				array( 'Dee', 0, 0, 0, 3 ),
			),
			self::summary( $march['rows'] )
		);
		$all = Shareworthy_Points::leaderboard();
		$this->assertSame(
			array(
				array( 'Ana', 3, 4, 42, 1 ),
				array( 'Ben', 1, 5, 25, 2 ),
				array( 'Dee', 0, 0, 0, 3 ),
			),
			self::summary( $all['rows'] )
		);
		$this->assertSame( $this->users['ana'], $all['rows'][0]['userId'] );
	}

	public function test_the_rules_change_the_points_and_the_order(): void {
		$this->fixture();
		$this->rules( array( 'enabled' => true, 'pointsPerShare' => 1, 'pointsPerClick' => 10 ) );
		$march = Shareworthy_Points::leaderboard( array( 'from' => '2026-03-01', 'to' => '2026-03-31' ) );
		$this->assertSame( array( array( 'Ben', 1, 5, 51, 1 ), array( 'Ana', 2, 3, 32, 2 ), array( 'Dee', 0, 0, 0, 3 ) ), self::summary( $march['rows'] ) );
	}

	public function test_days_are_the_site_time_zone_days(): void {
		$this->fixture();
		$this->rules();
		// 2026-03-31 23:59:59 UTC is April 1st in Paris: ana has one March share there, plus the
		// share of 2026-03-02; ben's share and all March clicks stay in March.
		$paris = Shareworthy_Points::leaderboard( array( 'from' => '2026-03-01', 'to' => '2026-03-31', 'time_zone' => new DateTimeZone( 'Europe/Paris' ) ) );
		$this->assertSame( array( 'Ana', 1, 3, 19, 2 ), self::summary( $paris['rows'] )[1] );
	}

	public function test_employees_who_did_not_opt_in_are_never_listed(): void {
		$this->fixture();
		$this->rules();
		$board = Shareworthy_Points::leaderboard( array( 'limit' => 100, 'viewer' => $this->users['cid'] ) );
		$this->assertNotContains( $this->users['cid'], array_column( $board['rows'], 'userId' ), 'cid has the most points but did not opt in' );
		$this->assertNull( $board['me'], 'no position for someone who is not on the board' );
		update_user_meta( $this->users['ana'], Shareworthy_Report::OPT_IN_META, '' );
		$this->assertSame( array( 'Ben', 'Dee' ), array_column( Shareworthy_Points::leaderboard()['rows'], 'name' ), 'opting out takes ana off' );
	}

	public function test_equal_points_share_a_rank_and_the_viewer_gets_their_position_beyond_the_limit(): void {
		$this->fixture();
		$this->rules( array( 'enabled' => true, 'pointsPerShare' => 0, 'pointsPerClick' => 0 ) );
		$board = Shareworthy_Points::leaderboard( array( 'limit' => 2, 'viewer' => $this->users['dee'] ) );
		$this->assertSame( array( 1, 1 ), array_column( $board['rows'], 'rank' ) );
		$this->assertSame( 1, $board['me']['rank'] );
		$this->rules();
		$board = Shareworthy_Points::leaderboard( array( 'limit' => 2, 'viewer' => $this->users['dee'] ) );
		$this->assertSame( array( 'Ana', 'Ben' ), array_column( $board['rows'], 'name' ) );
		$this->assertSame( array( 'rank' => 3, 'userId' => $this->users['dee'], 'name' => 'Dee', 'shares' => 0, 'clicks' => 0, 'points' => 0 ), $board['me'] );
	}

	public function test_the_leaderboard_route_answers_ranked_rows_and_the_askers_position(): void {
		$this->fixture();
		$this->rules();
		wp_set_current_user( $this->users['ben'] );
		$request  = new WP_REST_Request( 'GET', '/shareworthy/v1/leaderboard' );
		$request->set_query_params( array( 'from' => '2026-03-01', 'to' => '2026-03-31', 'limit' => 2 ) );
		$response = rest_do_request( $request );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( '2026-03-01', $data['from'] );
		$this->assertSame( 10, $data['pointsPerShare'] );
		$this->assertSame( 3, $data['pointsPerClick'] );
		$this->assertSame( array( array( 'Ana', 2, 3, 29, 1 ), array( 'Ben', 1, 5, 25, 2 ) ), self::summary( $data['rows'] ) );
		$this->assertSame( array( 'rank', 'userId', 'name', 'shares', 'clicks', 'points' ), array_keys( $data['rows'][0] ) );
		$this->assertSame( 2, $data['me']['rank'] );
		$this->assertSame( $this->users['ben'], $data['me']['userId'] );
	}

	public function test_the_leaderboard_route_needs_a_login_and_is_404_while_gamification_is_off(): void {
		$this->rules();
		$this->assertSame( 401, $this->rest( 'GET', '/shareworthy/v1/leaderboard' )->get_status() );
		$this->as_role( 'subscriber' );
		$default = $this->rest( 'GET', '/shareworthy/v1/leaderboard' );
		$this->assertSame( 200, $default->get_status() );
		$today = new DateTimeImmutable( 'today', wp_timezone() );
		$this->assertSame( array( $today->modify( '-29 days' )->format( 'Y-m-d' ), $today->format( 'Y-m-d' ) ), array( $default->get_data()['from'], $default->get_data()['to'] ), 'the last 30 days, as the reports' );
		delete_option( Shareworthy_Points::OPTION );
		$off = $this->rest( 'GET', '/shareworthy/v1/leaderboard' );
		$this->assertSame( 404, $off->get_status() );
		$this->assertSame( 'shareworthy_gamification_disabled', $this->error_code( $off ) );
		$this->assertNotSame( '', (string) $off->get_data()['message'] );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string}>
	 */
	public function bad_queries(): array {
		return array(
			'a day that does not exist' => array( array( 'from' => '2026-02-30' ), 'shareworthy_invalid_day' ),
			'not a date'                => array( array( 'to' => 'yesterday' ), 'shareworthy_invalid_day' ),
			'a datetime'                => array( array( 'from' => '2026-03-01T00:00:00Z' ), 'shareworthy_invalid_day' ),
			'a date with a zero-width space' => array( array( 'from' => "2026-03-01\u{200B}" ), 'shareworthy_invalid_day' ),
			'backwards'                 => array( array( 'from' => '2026-03-02', 'to' => '2026-03-01' ), 'shareworthy_invalid_period' ),
			'longer than 20 years'      => array( array( 'from' => '2000-01-01', 'to' => '2020-01-02' ), 'shareworthy_invalid_period' ),
			'limit zero'                => array( array( 'limit' => 0 ), 'rest_invalid_param' ),
			'limit too high'            => array( array( 'limit' => 101 ), 'rest_invalid_param' ),
		);
	}

	/**
	 * @dataProvider bad_queries
	 *
	 * @param array<string, mixed> $query Query.
	 * @param string               $code  Error code.
	 */
	public function test_the_leaderboard_route_answers_400_with_a_message_on_bad_input( array $query, string $code ): void {
		$this->rules();
		$this->as_role( 'subscriber' );
		$request = new WP_REST_Request( 'GET', '/shareworthy/v1/leaderboard' );
		$request->set_query_params( $query );
		$response = rest_do_request( $request );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( $code, $this->error_code( $response ) );
		$this->assertNotSame( '', (string) $response->get_data()['message'] );
	}

	/**
	 * The block as a page renders it.
	 *
	 * @param array<string, mixed> $attributes Attributes.
	 */
	private static function block( array $attributes = array() ): string {
		return do_blocks( '<!-- wp:shareworthy/leaderboard ' . wp_json_encode( (object) $attributes ) . ' /-->' );
	}

	public function test_the_block_shows_the_opted_in_employees_in_order_and_marks_the_reader(): void {
		$this->fixture();
		$this->rules();
		wp_set_current_user( $this->users['ben'] );
		$html = self::block( array( 'period' => 'all' ) );
		$this->assertMatchesRegularExpression( '~<table[^>]*>.*Ana.*Ben.*Dee.*</table>~s', $html );
		$this->assertStringNotContainsString( 'Cid', $html );
		$this->assertSame( 1, preg_match_all( '~aria-current="true"~', $html ) );
		$this->assertMatchesRegularExpression( '~<tr class="is-viewer" aria-current="true"><td>2</td><th scope="row">Ben <span[^>]*>\(you\)</span></th><td>1</td><td>5</td><td>25</td></tr>~', $html );
		$this->assertStringContainsString( '<th scope="col">Points</th>', $html );
	}

	public function test_the_block_tells_a_reader_beyond_the_limit_their_position_and_others_how_to_join(): void {
		$this->fixture();
		$this->rules();
		wp_set_current_user( $this->users['dee'] );
		$this->assertStringContainsString( 'You are number 3 with 0 points.', self::block( array( 'period' => 'all', 'limit' => 2 ) ) );
		wp_set_current_user( $this->users['cid'] );
		$this->assertMatchesRegularExpression( '~you can join it from <a href="http://[^"]+/wp-admin/profile\.php#shareworthy-opt-in">your profile</a>\.~', self::block( array( 'period' => 'all' ) ) );
	}

	public function test_the_block_escapes_names(): void {
		global $wpdb;
		$this->fixture();
		$this->rules();
		$wpdb->update( $wpdb->users, array( 'display_name' => '<img src=x onerror=alert(1)> & "Ana"' ), array( 'ID' => $this->users['ana'] ), array( '%s' ), array( '%d' ) );
		clean_user_cache( $this->users['ana'] );
		wp_set_current_user( $this->users['ben'] );
		$html = self::block( array( 'period' => 'all' ) );
		$this->assertStringNotContainsString( '<img', $html );
		$this->assertStringContainsString( '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Ana&quot;', $html );
	}

	public function test_the_block_shows_nothing_while_off_or_to_logged_out_readers_and_an_empty_state_otherwise(): void {
		$this->fixture();
		$this->as_role( 'subscriber' );
		$this->assertSame( '', self::block(), 'gamification is off by default' );
		$this->rules();
		wp_set_current_user( 0 );
		$this->assertSame( '', self::block(), 'logged-out readers' );
		delete_metadata( 'user', 0, Shareworthy_Report::OPT_IN_META, '', true );
		$this->as_role( 'subscriber' );
		$html = self::block();
		$this->assertStringContainsString( 'No one has opted in yet.', $html );
		$this->assertStringNotContainsString( '<table', $html );
	}

	/**
	 * Output of the admin page.
	 */
	private static function admin_page(): string {
		ob_start();
		Shareworthy_Leaderboard::render_page();
		return (string) ob_get_clean();
	}

	public function test_the_admin_page_lists_the_board_or_says_gamification_is_off_with_a_link_to_settings(): void {
		$this->fixture();
		$this->as_role( 'administrator' );
		$off = self::admin_page();
		$this->assertStringContainsString( 'Gamification is off', $off );
		$this->assertStringContainsString( 'page=shareworthy-settings', $off );
		$this->assertStringNotContainsString( '<table', $off );
		$this->rules();
		$_GET['period'] = 'all';
		try {
			$on = self::admin_page();
		} finally {
			unset( $_GET['period'] );
		}
		$this->assertMatchesRegularExpression( '~<table class="widefat striped shareworthy-leaderboard__table">.*Ana.*Ben.*Dee.*</table>~s', $on );
		$this->assertStringNotContainsString( 'Cid', $on );
		$this->assertStringContainsString( '<option value="all" selected=\'selected\'>', $on );
	}

	public function test_the_admin_page_needs_the_reports_capability(): void {
		$this->rules();
		$this->as_role( 'author' );
		$this->assertSame( '', self::admin_page() );
		$this->as_role( 'editor' );
		$this->assertStringContainsString( 'Shareworthy leaderboard', self::admin_page() );
	}

	public function test_employees_opt_in_and_out_from_their_own_profile_only(): void {
		$me    = $this->as_role( 'subscriber' );
		$other = $this->user( 'subscriber' );
		ob_start();
		Shareworthy_Leaderboard::profile_field( get_userdata( $me ) );
		$field = (string) ob_get_clean();
		$this->assertMatchesRegularExpression( '~<input type="checkbox" id="shareworthy-opt-in" name="shareworthy_leaderboard_opt_in" value="1">~', $field, 'unchecked until they opt in' );
		ob_start();
		Shareworthy_Leaderboard::profile_field( get_userdata( $other ) );
		$this->assertSame( '', ob_get_clean(), 'nobody decides for someone else' );

		$_POST['shareworthy_leaderboard_opt_in'] = '1';
		try {
			Shareworthy_Leaderboard::save_profile_field( $me );
			Shareworthy_Leaderboard::save_profile_field( $other );
		} finally {
			unset( $_POST['shareworthy_leaderboard_opt_in'] );
		}
		$this->assertTrue( Shareworthy_Points::opted_in( $me ) );
		$this->assertFalse( Shareworthy_Points::opted_in( $other ) );
		ob_start();
		Shareworthy_Leaderboard::profile_field( get_userdata( $me ) );
		$this->assertStringContainsString( "value=\"1\" checked='checked'>", (string) ob_get_clean() );

		Shareworthy_Leaderboard::save_profile_field( $me );
		$this->assertFalse( Shareworthy_Points::opted_in( $me ), 'an unchecked box opts out' );
	}

	public function test_on_a_french_site_the_block_reads_in_french(): void {
		$this->fixture();
		$this->rules();
		wp_set_current_user( $this->users['dee'] );
		$html = $this->in_locale( 'fr_FR', static fn(): string => self::block( array( 'period' => 'all', 'limit' => 1 ) ) );
		$this->assertStringContainsString( 'Classement : depuis le début', $html );
		$this->assertStringContainsString( '<th scope="col">Rang</th>', $html );
		$this->assertStringContainsString( 'Vous êtes n° 3 avec 0 points.', $html );
		$this->assertStringContainsString( '<th scope="col">Collaborateur</th>', $html );
	}

	public function test_standings_are_reused_for_a_while_but_an_opt_out_shows_at_once(): void {
		$this->fixture();
		$this->rules();
		$first = Shareworthy_Points::leaderboard()['rows'];
		$this->insert_share( $this->users['ben'], $this->item(), '2026-03-20 10:00:00' );
		$this->assertSame( $first, Shareworthy_Points::leaderboard()['rows'], 'a new share waits for the cache to expire' );
		$this->rules( array( 'enabled' => true, 'pointsPerShare' => 10, 'pointsPerClick' => 1 ) );
		$this->assertSame( array( 'Ana', 3, 4, 34, 1 ), self::summary( Shareworthy_Points::leaderboard()['rows'] )[0], 'new rules compute again' );
		$this->assertSame( array( 'Ben', 2, 5, 25, 2 ), self::summary( Shareworthy_Points::leaderboard()['rows'] )[1] );
		delete_user_meta( $this->users['ana'], Shareworthy_Report::OPT_IN_META );
		$this->assertSame( array( 'Ben', 'Dee' ), array_column( Shareworthy_Points::leaderboard()['rows'], 'name' ) );
	}
}
