<?php
/**
 * /go/{code}, resolved in-process.
 *
 * @package Shareworthy
 */

/**
 * Where tracked links lead, which visits count, what is stored.
 */
final class RedirectTest extends Shareworthy_TestCase {

	/**
	 * A share of a fresh item, made by a new employee.
	 *
	 * @param array<string, mixed> $meta     Item meta.
	 * @param string               $campaign Campaign name.
	 * @return array<string, mixed>
	 */
	private function new_share( array $meta = array(), string $campaign = 'Été 2026 — Recrutement', string $network = 'linkedin' ): array {
		$this->as_role( 'subscriber' );
		$share = $this->share( $this->item( $meta, $campaign ), $network );
		wp_set_current_user( 0 ); // Visitors are anonymous.
		return $share;
	}

	/**
	 * Rows of the clicks table for a share.
	 *
	 * @param int $share_id Share.
	 * @return list<array<string, string>>
	 */
	private function clicks( int $share_id ): array {
		global $wpdb;
		$table = Shareworthy_Schema::clicks_table();
		return $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} WHERE share_id = %d ORDER BY id", $share_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	public function test_a_person_is_sent_to_the_public_url_with_utm_tags_and_counted(): void {
		$share  = $this->new_share();
		$result = Shareworthy_Redirect::resolve( $share['code'], $this->visit() );

		$this->assertSame(
			'https://www.example.com/jobs/42?ref=intranet&utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=ete-2026-recrutement&utm_content=' . $share['id'] . '#apply',
			$result['location']
		);
		$this->assertTrue( $result['counted'] );
		$this->assertCount( 1, $this->clicks( $share['id'] ) );
		$this->assertSame( '1', (string) $this->clicks( $share['id'] )[0]['counted'] );
	}

	public function test_existing_utm_tags_in_the_public_url_are_replaced(): void {
		$share  = $this->new_share( array( Shareworthy_Meta::PUBLIC_URL => 'https://www.example.com/a?utm_source=newsletter&x=1&utm_medium=mail' ), 'Innovation Week', 'x' );
		$result = Shareworthy_Redirect::resolve( $share['code'], $this->visit() );
		$this->assertSame( 'https://www.example.com/a?x=1&utm_source=x&utm_medium=employee_advocacy&utm_campaign=innovation-week&utm_content=' . $share['id'], $result['location'] );
	}

	/**
	 * WordPress stores non-ASCII term slugs percent-encoded and lowercased by mb_strtolower.
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function non_latin_campaigns(): array {
		return array(
			'Greek, final sigma' => array( 'ΟΔΟΣ ΣΟΦΙΑΣ', 'οδος-σοφιας' ),
			'Cyrillic'           => array( 'Москва 2026', 'москва-2026' ),
			'Japanese'           => array( '東京 キャンペーン', '東京-キャンペーン' ),
			'Percent sign'       => array( 'Growth 50%', 'growth-50' ),
		);
	}

	/**
	 * @dataProvider non_latin_campaigns
	 *
	 * @param string $name Campaign term name.
	 * @param string $slug Core's campaignSlug of the name.
	 */
	public function test_a_non_latin_campaign_term_gives_core_slug_of_its_name( string $name, string $slug ): void {
		$share  = $this->new_share( array(), $name );
		$result = Shareworthy_Redirect::resolve( $share['code'], $this->visit() );
		$this->assertStringContainsString( '&utm_campaign=' . rawurlencode( $slug ) . '&', $result['location'] );
		$this->assertSame( $slug, Shareworthy_Utm::campaign_slug( $name ) );
	}

	public function test_an_item_without_campaign_uses_the_default_campaign(): void {
		$share  = $this->new_share( array(), '' );
		$result = Shareworthy_Redirect::resolve( $share['code'], $this->visit() );
		$this->assertStringContainsString( '&utm_campaign=shareworthy&', $result['location'] );
	}

	public function test_an_item_without_public_url_leads_to_its_permalink(): void {
		$share  = $this->new_share( array( Shareworthy_Meta::PUBLIC_URL => '' ) );
		$result = Shareworthy_Redirect::resolve( $share['code'], $this->visit() );
		$this->assertStringStartsWith( get_permalink( $share['itemId'] ) . '?utm_source=linkedin&', $result['location'] );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string}>
	 */
	public function visits_that_do_not_count(): array {
		return array(
			'HEAD'                => array( array( 'method' => 'HEAD' ), 'method' ),
			'POST'                => array( array( 'method' => 'POST' ), 'method' ),
			'OPTIONS'             => array( array( 'method' => 'OPTIONS' ), 'method' ),
			'no user agent'       => array( array( 'user_agent' => '' ), 'empty-user-agent' ),
			'blank user agent'    => array( array( 'user_agent' => " \t" ), 'empty-user-agent' ),
			'LinkedIn preview'    => array( array( 'user_agent' => 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)' ), 'link-preview' ),
			'X card fetcher'      => array( array( 'user_agent' => 'Twitterbot/1.0' ), 'link-preview' ),
			'Facebook'            => array( array( 'user_agent' => 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' ), 'link-preview' ),
			'Slack'               => array( array( 'user_agent' => 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' ), 'link-preview' ),
			'Teams'               => array( array( 'user_agent' => 'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com' ), 'link-preview' ),
			'Googlebot'           => array( array( 'user_agent' => 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' ), 'crawler' ),
			'curl'                => array( array( 'user_agent' => 'curl/8.5.0' ), 'http-client' ),
			'headless Chrome'     => array( array( 'user_agent' => 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36' ), 'headless' ),
			'Chrome prefetch'     => array( array( 'headers' => array( 'sec-purpose' => 'prefetch' ) ), 'prefetch' ),
			'prerender'           => array( array( 'headers' => array( 'sec-purpose' => 'prefetch;prerender' ) ), 'prefetch' ),
			'Firefox prefetch'    => array( array( 'headers' => array( 'x-moz' => 'prefetch' ) ), 'prefetch' ),
			'Safari preview'      => array( array( 'headers' => array( 'purpose' => 'preview' ) ), 'prefetch' ),
		);
	}

	/**
	 * @dataProvider visits_that_do_not_count
	 *
	 * @param array<string, mixed> $visit  Visit overrides.
	 * @param string               $reason Expected reason.
	 */
	public function test_bots_previews_prefetches_and_heads_are_redirected_but_not_counted( array $visit, string $reason ): void {
		$share  = $this->new_share();
		$result = Shareworthy_Redirect::resolve( $share['code'], $this->visit( $visit ) );
		$this->assertStringStartsWith( 'https://www.example.com/jobs/42?', $result['location'] );
		$this->assertFalse( $result['counted'] );
		$this->assertSame( $reason, $result['reason'] );
		$this->assertSame( array(), $this->clicks( $share['id'] ) );
	}

	public function test_a_repeat_click_within_30_minutes_is_kept_but_not_counted(): void {
		$share = $this->new_share();
		$now   = (int) strtotime( gmdate( 'Y-m-d' ) . ' 10:00:00 UTC' ); // Mid-day: the visitor key changes at midnight.
		$this->assertTrue( Shareworthy_Redirect::resolve( $share['code'], $this->visit( array( 'now' => $now ) ) )['counted'] );
		$again = Shareworthy_Redirect::resolve( $share['code'], $this->visit( array( 'now' => $now + 29 * 60 ) ) );
		$this->assertFalse( $again['counted'] );
		$this->assertSame( 'repeat', $again['reason'] );
		$this->assertFalse( Shareworthy_Redirect::resolve( $share['code'], $this->visit( array( 'now' => $now + 30 * 60 - 1 ) ) )['counted'] );
		// Exactly 30 minutes after the last counted click is a new click (core's isRepeatClick).
		$this->assertTrue( Shareworthy_Redirect::resolve( $share['code'], $this->visit( array( 'now' => $now + 30 * 60 ) ) )['counted'] );
		$this->assertSame( array( '1', '0', '0', '1' ), array_map( 'strval', array_column( $this->clicks( $share['id'] ), 'counted' ) ) );
	}

	public function test_other_visitors_are_counted_separately(): void {
		$share = $this->new_share();
		$now   = time();
		$this->assertTrue( Shareworthy_Redirect::resolve( $share['code'], $this->visit( array( 'now' => $now ) ) )['counted'] );
		$this->assertTrue( Shareworthy_Redirect::resolve( $share['code'], $this->visit( array( 'now' => $now, 'ip' => '198.51.100.4' ) ) )['counted'] );
		$this->assertTrue( Shareworthy_Redirect::resolve( $share['code'], $this->visit( array( 'now' => $now, 'user_agent' => 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1' ) ) )['counted'] );
		$this->assertSame( 3, Shareworthy_Clicks::count_for_share( $share['id'] ) );
	}

	public function test_no_ip_address_is_stored_anywhere(): void {
		global $wpdb;
		$ip    = '203.0.113.77';
		$share = $this->new_share();
		Shareworthy_Redirect::resolve( $share['code'], $this->visit( array( 'ip' => $ip ) ) );
		Shareworthy_Redirect::resolve( $share['code'], $this->visit( array( 'ip' => '2001:db8::1' ) ) );

		$columns = $wpdb->get_col( 'SELECT * FROM ' . Shareworthy_Schema::clicks_table() . ' LIMIT 0' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		unset( $columns );
		$this->assertSame( array( 'id', 'share_id', 'visitor_key', 'created_at', 'counted' ), array_keys( $this->clicks( $share['id'] )[0] ) );
		foreach ( array( Shareworthy_Schema::clicks_table(), Shareworthy_Schema::shares_table(), $wpdb->options ) as $table ) {
			$dump = wp_json_encode( $wpdb->get_results( "SELECT * FROM {$table}", ARRAY_A ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$this->assertStringNotContainsString( $ip, $dump, $table );
			$this->assertStringNotContainsString( '2001:db8::1', $dump, $table );
			$this->assertStringNotContainsString( hash( 'sha256', $ip ), $dump, $table );
		}
	}

	public function test_the_visitor_key_changes_with_the_day_and_the_salt_is_replaced(): void {
		$day1 = strtotime( '2026-03-01 12:00:00 UTC' );
		$key1 = Shareworthy_Visitor::key( '203.0.113.77', 'UA', $day1 );
		$salt = get_option( Shareworthy_Visitor::SALT_OPTION );
		$this->assertSame( $key1, Shareworthy_Visitor::key( '203.0.113.77', 'UA', $day1 + 3600 ) );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $key1 );
		$key2 = Shareworthy_Visitor::key( '203.0.113.77', 'UA', $day1 + DAY_IN_SECONDS );
		$this->assertNotSame( $key1, $key2 );
		$this->assertNotSame( $salt['salt'], get_option( Shareworthy_Visitor::SALT_OPTION )['salt'] );
		$this->assertSame( '2026-03-02', get_option( Shareworthy_Visitor::SALT_OPTION )['day'] );
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public function malformed_codes(): array {
		return array(
			'empty'         => array( '' ),
			'too short'     => array( 'abc' ),
			'too long'      => array( str_repeat( 'a', 33 ) ),
			'slash'         => array( 'abcd/efgh' ),
			'dot'           => array( 'example.com' ),
			'percent'       => array( 'abcd%2Fefgh' ),
			'space'         => array( 'abcd efgh' ),
			'newline'       => array( "abcdefgh\n" ),
			'zero-width'    => array( "abcd\u{200B}efgh" ),
			'RTL override'  => array( "abcd\u{202E}efgh" ),
			'emoji'         => array( 'abcd👍efgh' ),
			'full-width'    => array( 'ａｂｃｄｅｆｇ' ),
			'invalid UTF-8' => array( "abcd\xC3\x28efgh" ),
			'huge'          => array( str_repeat( 'A', 100000 ) ),
		);
	}

	/**
	 * @dataProvider malformed_codes
	 */
	public function test_malformed_codes_are_404_without_a_query( string $code ): void {
		global $wpdb;
		$before = $wpdb->num_queries;
		$this->assertNull( Shareworthy_Redirect::resolve( $code, $this->visit() ) );
		$this->assertSame( $before, $wpdb->num_queries );
	}

	public function test_unknown_codes_are_404(): void {
		$this->assertNull( Shareworthy_Redirect::resolve( 'AAAAAAAAAAA', $this->visit() ) );
		$this->assertNull( Shareworthy_Redirect::resolve( 'no-such-code', $this->visit() ) );
	}

	public function test_codes_are_case_sensitive(): void {
		$share = $this->new_share();
		$upper = strtoupper( $share['code'] );
		if ( $upper === $share['code'] ) {
			$upper = strtolower( $share['code'] );
		}
		$this->assertNull( Shareworthy_Redirect::resolve( $upper, $this->visit() ) );
	}

	public function test_open_redirect_payloads_used_as_codes_never_redirect(): void {
		$payloads = json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/tests/vectors/open-redirect-payloads.json' ), true );
		$this->assertGreaterThan( 500, count( $payloads ) );
		foreach ( $payloads as $payload ) {
			foreach ( array( $payload, rawurlencode( $payload ), ltrim( $payload, '/' ) ) as $code ) {
				$this->assertNull( Shareworthy_Redirect::resolve( $code, $this->visit() ), $code );
			}
		}
	}

	public function test_a_trashed_item_is_404(): void {
		$share = $this->new_share();
		wp_trash_post( $share['itemId'] );
		$this->assertNull( Shareworthy_Redirect::resolve( $share['code'], $this->visit() ) );
	}

	public function test_a_deleted_item_takes_its_shares_and_clicks_along(): void {
		$share = $this->new_share();
		Shareworthy_Redirect::resolve( $share['code'], $this->visit() );
		wp_delete_post( $share['itemId'], true );
		$this->assertNull( Shareworthy_Shares::find( $share['id'] ) );
		$this->assertSame( array(), $this->clicks( $share['id'] ) );
		$this->assertNull( Shareworthy_Redirect::resolve( $share['code'], $this->visit() ) );
	}

	public function test_a_bad_query_var_turns_the_request_into_a_404(): void {
		$wp             = new WP();
		$wp->query_vars = array( Shareworthy_Redirect::QUERY_VAR => '//evil.example' );
		Shareworthy_Redirect::handle_parsed_request( $wp );
		$this->assertSame( array( 'error' => '404' ), $wp->query_vars );
		$this->assertFalse( has_action( 'template_redirect', 'redirect_canonical' ) );
		$headers = apply_filters( 'wp_headers', array() );
		$this->assertSame( 'no-store', $headers['Cache-Control'] );
		$this->assertSame( 'noindex, nofollow', $headers['X-Robots-Tag'] );
		add_action( 'template_redirect', 'redirect_canonical' );
		remove_filter( 'wp_headers', array( Shareworthy_Redirect::class, 'not_found_headers' ) );
	}

	public function test_the_rewrite_rule_maps_go_codes_to_the_query_var(): void {
		$rules = get_option( 'rewrite_rules' );
		$this->assertSame( 'index.php?shareworthy_go=$matches[1]', $rules['^go/([^/]+)/?$'] ?? null );
	}

	public function test_a_host_removed_from_the_allowlist_stops_redirecting(): void {
		$share = $this->new_share();
		$this->assertNotNull( Shareworthy_Redirect::resolve( $share['code'], $this->visit() ) );
		update_option( Shareworthy_Utm::ALLOWED_HOSTS_OPTION, array( 'intranet.example.org' ) );
		$this->assertNull( Shareworthy_Redirect::resolve( $share['code'], $this->visit() ) );
	}
}
