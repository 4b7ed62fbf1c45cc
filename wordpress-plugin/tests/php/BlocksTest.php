<?php
/**
 * The front end's server side: policy versions and acceptance, concerns, the share and feed
 * blocks' markup (which must work without JavaScript).
 *
 * @package Shareworthy
 */

/**
 * Shareworthy_Blocks.
 */
final class BlocksTest extends Shareworthy_TestCase {

	protected function tearDown(): void {
		unset( $GLOBALS['post'] );
		parent::tearDown();
	}

	/**
	 * Whether the "already shared" note is rendered with a hidden attribute.
	 *
	 * @param string $html Rendered block.
	 */
	private function shared_note_hidden( string $html ): bool {
		$this->assertSame( 1, preg_match( '~<p\s[^>]*shareworthy-share__shared[^>]*>~', $html, $tag ) );
		return 1 === preg_match( '~(?<=\s)hidden(?=[\s>=])~', $tag[0] );
	}

	/**
	 * Renders block markup as the page would, with $post_id as the current post.
	 *
	 * @param string $markup  Serialized block.
	 * @param int    $post_id Current post.
	 */
	private function render( string $markup, int $post_id ): string {
		$GLOBALS['post'] = get_post( $post_id );
		return do_blocks( $markup );
	}

	public function test_without_a_policy_text_there_is_nothing_to_accept(): void {
		$user = $this->as_role( 'subscriber' );
		$this->assertSame( 0, Shareworthy_Blocks::policy_version() );
		$this->assertTrue( Shareworthy_Blocks::policy_accepted( $user ) );
	}

	public function test_the_policy_version_starts_at_1_and_rises_when_the_text_changes(): void {
		$user = $this->as_role( 'subscriber' );
		update_option( Shareworthy_Blocks::POLICY_TEXT_OPTION, 'Be kind.' );
		$this->assertSame( 1, Shareworthy_Blocks::policy_version() );
		$this->assertFalse( Shareworthy_Blocks::policy_accepted( $user ) );

		$accepted = $this->rest( 'POST', '/shareworthy/v1/policy/acceptance', array( 'version' => 1 ) );
		$this->assertSame( 200, $accepted->get_status() );
		$this->assertTrue( Shareworthy_Blocks::policy_accepted( $user ) );

		update_option( Shareworthy_Blocks::POLICY_TEXT_OPTION, 'Be kind. Be brief.' );
		$this->assertSame( 2, Shareworthy_Blocks::policy_version() );
		$this->assertFalse( Shareworthy_Blocks::policy_accepted( $user ), 'a new text needs a new acceptance' );
		update_option( Shareworthy_Blocks::POLICY_TEXT_OPTION, 'Be kind. Be brief.' );
		$this->assertSame( 2, Shareworthy_Blocks::policy_version(), 'saving the same text again changes nothing' );
	}

	public function test_accepting_a_version_that_is_no_longer_current_is_refused(): void {
		$this->as_role( 'subscriber' );
		update_option( Shareworthy_Blocks::POLICY_TEXT_OPTION, 'One.' );
		update_option( Shareworthy_Blocks::POLICY_TEXT_OPTION, 'Two.' );
		$response = $this->rest( 'POST', '/shareworthy/v1/policy/acceptance', array( 'version' => 1 ) );
		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'shareworthy_policy_changed', $this->error_code( $response ) );
	}

	public function test_shares_wait_for_the_policy_to_be_accepted(): void {
		$item = $this->item();
		$this->as_role( 'subscriber' );
		update_option( Shareworthy_Blocks::POLICY_TEXT_OPTION, 'Be kind.' );
		$refused = $this->rest( 'POST', '/shareworthy/v1/shares', array( 'itemId' => $item, 'network' => 'linkedin' ) );
		$this->assertSame( 403, $refused->get_status() );
		$this->assertSame( 'shareworthy_policy_not_accepted', $this->error_code( $refused ) );
		$this->rest( 'POST', '/shareworthy/v1/policy/acceptance', array( 'version' => 1 ) );
		$this->share( $item );
	}

	public function test_the_policy_endpoint_tells_the_employee_what_to_accept(): void {
		$user = $this->as_role( 'subscriber' );
		update_option( Shareworthy_Blocks::POLICY_TEXT_OPTION, 'Be kind.' );
		update_option( Shareworthy_Blocks::POLICY_OPTION, array( 'requiredDisclosure' => array( '#employee' ) ) );
		$data = $this->rest( 'GET', '/shareworthy/v1/policy' )->get_data();
		$this->assertSame( 1, $data['version'] );
		$this->assertSame( 'Be kind.', $data['text'] );
		$this->assertFalse( $data['accepted'] );
		$this->assertSame( array( '#employee' ), ( (array) $data['config'] )['requiredDisclosure'] );
		unset( $user );
	}

	public function test_a_concern_is_stored_as_a_private_post_under_the_item(): void {
		$item     = $this->item();
		$user     = $this->as_role( 'subscriber' );
		$response = $this->rest( 'POST', '/shareworthy/v1/concerns', array( 'itemId' => $item, 'reason' => "  The figure is wrong.\n" ) );
		$this->assertSame( 201, $response->get_status() );
		$concern = get_post( $response->get_data()['id'] );
		$this->assertSame( Shareworthy_Blocks::CONCERN_TYPE, $concern->post_type );
		$this->assertSame( 'private', $concern->post_status );
		$this->assertSame( $item, $concern->post_parent );
		$this->assertSame( $user, (int) $concern->post_author );
		$this->assertSame( 'The figure is wrong.', $concern->post_content );
	}

	public function test_concerns_are_refused_when_logged_out_empty_too_long_or_about_nothing(): void {
		$item = $this->item();
		$this->assertSame( 401, $this->rest( 'POST', '/shareworthy/v1/concerns', array( 'itemId' => $item, 'reason' => 'x' ) )->get_status() );
		$this->as_role( 'subscriber' );
		$this->assertSame( 400, $this->rest( 'POST', '/shareworthy/v1/concerns', array( 'itemId' => $item, 'reason' => " \n\t" ) )->get_status() );
		$this->assertSame( 400, $this->rest( 'POST', '/shareworthy/v1/concerns', array( 'itemId' => $item, 'reason' => str_repeat( 'é', 2001 ) ) )->get_status() );
		$this->assertSame( 404, $this->rest( 'POST', '/shareworthy/v1/concerns', array( 'itemId' => 999999, 'reason' => 'x' ) )->get_status() );
	}

	public function test_logged_out_readers_get_plain_public_links_only_when_the_site_turns_them_on(): void {
		$item = $this->item( array( Shareworthy_Meta::MESSAGES => array( 'linkedin' => 'Hello' ) ) );
		update_option( Shareworthy_Settings::PUBLIC_BUTTONS_OPTION, false );
		$this->assertSame( '', trim( $this->render( '<!-- wp:shareworthy/share /-->', $item ) ) );
		// The per-block attribute of earlier versions no longer overrides the site's setting.
		$this->assertSame( '', trim( $this->render( '<!-- wp:shareworthy/share {"publicLinks":true} /-->', $item ) ) );

		update_option( Shareworthy_Settings::PUBLIC_BUTTONS_OPTION, true );
		$html = $this->render( '<!-- wp:shareworthy/share /-->', $item );
		$this->assertStringContainsString( 'https://www.linkedin.com/sharing/share-offsite/?url=' . rawurlencode( 'https://www.example.com/jobs/42?ref=intranet#apply' ), html_entity_decode( $html ) );
		$this->assertStringNotContainsString( 'admin-post.php', $html );
		$this->assertStringNotContainsString( 'data-wp-interactive', $html );
	}

	public function test_employees_get_no_js_share_links_that_carry_a_nonce(): void {
		// Messages for two networks: the item goes to those two (core's itemNetworks).
		$item = $this->item( array( Shareworthy_Meta::MESSAGES => array( 'linkedin' => 'Hello', 'x' => 'Hi' ) ) );
		$this->as_role( 'subscriber' );
		$html = html_entity_decode( $this->render( '<!-- wp:shareworthy/share /-->', $item ) );
		$this->assertSame( 2, preg_match_all( '~href="([^"]*admin-post\.php\?action=shareworthy_share[^"]*)"~', $html, $links ) );
		parse_str( (string) wp_parse_url( $links[1][0], PHP_URL_QUERY ), $query );
		$this->assertSame( (string) $item, $query['item'] );
		$this->assertSame( 'linkedin', $query['network'] );
		$this->assertSame( 1, wp_verify_nonce( $query['_wpnonce'], 'shareworthy_share_' . $item ) );
		$this->assertStringContainsString( 'data-wp-interactive="shareworthy"', $html );
		$this->assertStringContainsString( '<dialog class="shareworthy-composer"', $html );
		$this->assertTrue( $this->shared_note_hidden( $html ), 'not shared yet' );
	}

	public function test_the_share_block_says_when_the_employee_already_shared(): void {
		$item = $this->item();
		$this->as_role( 'subscriber' );
		$this->share( $item );
		$html = $this->render( '<!-- wp:shareworthy/share /-->', $item );
		$this->assertFalse( $this->shared_note_hidden( $html ) );
	}

	public function test_items_that_are_not_live_or_not_for_this_employee_show_no_share_block(): void {
		$draft    = $this->item( array( Shareworthy_Meta::STATUS => 'pending' ) );
		$expired  = $this->item( array( Shareworthy_Meta::EXPIRES_AT => '2001-01-01T00:00:00+00:00' ) );
		$targeted = $this->item( array( Shareworthy_Meta::AUDIENCE => array( 'sales' ) ) );
		$this->as_role( 'subscriber' );
		foreach ( array( $draft, $expired, $targeted ) as $item ) {
			$this->assertSame( '', trim( $this->render( '<!-- wp:shareworthy/share /-->', $item ) ) );
		}
	}

	public function test_the_feed_pages_through_the_ranked_items(): void {
		$first  = $this->item( array( Shareworthy_Meta::PRIORITY => 100 ) );
		$second = $this->item( array( Shareworthy_Meta::PRIORITY => 99 ) );
		$this->as_role( 'subscriber' );
		$page = $this->item( array( Shareworthy_Meta::SHAREABLE => false ), '', array( 'post_type' => 'page', 'post_title' => 'Feed' ) );
		$html = $this->render( '<!-- wp:shareworthy/feed {"perPage":1} /-->', $page );
		$this->assertSame( 1, substr_count( $html, 'class="shareworthy-feed__item"' ) );
		$this->assertStringContainsString( get_the_title( $first ), $html );
		$this->assertStringNotContainsString( get_the_title( $second ), $html );
		$this->assertMatchesRegularExpression( '~Page 1 of \d+~', $html );
		$this->assertStringContainsString( 'shareworthy_page=2', $html );

		$_GET['shareworthy_page'] = '2';
		try {
			$html = $this->render( '<!-- wp:shareworthy/feed {"perPage":1} /-->', $page );
		} finally {
			unset( $_GET['shareworthy_page'] );
		}
		$this->assertStringContainsString( get_the_title( $second ), $html );
	}

	public function test_the_feed_is_empty_for_logged_out_readers(): void {
		$page = $this->item( array( Shareworthy_Meta::SHAREABLE => false ), '', array( 'post_type' => 'page' ) );
		$this->assertSame( '', trim( $this->render( '<!-- wp:shareworthy/feed /-->', $page ) ) );
	}
}
