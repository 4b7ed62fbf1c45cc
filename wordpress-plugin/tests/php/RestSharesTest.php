<?php
/**
 * POST /shares and GET /shares/{id}.
 *
 * @package Shareworthy
 */

/**
 * Creating tracked links and reading them back, for each role and each bad input.
 */
final class RestSharesTest extends Shareworthy_TestCase {

	public function test_an_employee_creates_a_share_with_201_location_and_links(): void {
		$this->as_role( 'subscriber' );
		$item     = $this->item();
		$response = $this->rest( 'POST', '/shareworthy/v1/shares', array( 'itemId' => $item, 'network' => 'linkedin' ) );
		$data     = $response->get_data();

		$this->assertSame( 201, $response->get_status() );
		$this->assertSame( rest_url( 'shareworthy/v1/shares/' . $data['id'] ), $response->get_headers()['Location'] );
		$this->assertMatchesRegularExpression( '/^[A-Za-z0-9_-]{10,12}$/', $data['code'] );
		$this->assertSame( home_url( '/go/' . $data['code'] ), $data['trackedUrl'] );
		$this->assertSame( 'https://www.linkedin.com/sharing/share-offsite/?url=' . rawurlencode( $data['trackedUrl'] ), $data['intentUrl'] );
		$this->assertSame( $item, $data['itemId'] );
		$this->assertSame( 0, $data['clicks'] );
	}

	public function test_the_x_intent_carries_the_message_and_hashtags(): void {
		$this->as_role( 'subscriber' );
		$item = $this->item(
			array(
				Shareworthy_Meta::MESSAGES => array( 'x' => 'Nous recrutons à Lyon !' ),
				Shareworthy_Meta::HASHTAGS => array( 'emploi' ),
			)
		);
		$data = $this->share( $item, 'x' );
		$this->assertSame(
			'https://x.com/intent/tweet?text=' . rawurlencode( 'Nous recrutons à Lyon ! #emploi' ) . '&url=' . rawurlencode( $data['trackedUrl'] ),
			$data['intentUrl']
		);
	}

	public function test_codes_are_unique_and_url_safe(): void {
		$this->as_role( 'subscriber' );
		$item  = $this->item();
		$codes = array();
		for ( $i = 0; $i < 40; $i++ ) {
			$codes[] = $this->share( $item )['code'];
		}
		$this->assertCount( 40, array_unique( $codes ) );
		foreach ( $codes as $code ) {
			$this->assertTrue( Shareworthy_Redirect::is_valid_code( $code ) );
		}
	}

	public function test_logged_out_visitors_get_401(): void {
		$item     = $this->item();
		$response = $this->rest( 'POST', '/shareworthy/v1/shares', array( 'itemId' => $item, 'network' => 'linkedin' ) );
		$this->assertSame( 401, $response->get_status() );
		$this->assertSame( 'shareworthy_forbidden', $this->error_code( $response ) );
	}

	public function test_a_user_without_the_share_capability_gets_403(): void {
		$this->as_role( '' );
		$item     = $this->item();
		$response = $this->rest( 'POST', '/shareworthy/v1/shares', array( 'itemId' => $item, 'network' => 'linkedin' ) );
		$this->assertSame( 403, $response->get_status() );
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public function roles_that_share(): array {
		return array(
			'administrator' => array( 'administrator' ),
			'editor'        => array( 'editor' ),
			'author'        => array( 'author' ),
			'contributor'   => array( 'contributor' ),
			'subscriber'    => array( 'subscriber' ),
		);
	}

	/**
	 * @dataProvider roles_that_share
	 */
	public function test_every_role_may_share( string $role ): void {
		$this->as_role( $role );
		$this->assertSame( 'linkedin', $this->share( $this->item() )['network'] );
	}

	public function test_an_unknown_item_is_404(): void {
		$this->as_role( 'subscriber' );
		$response = $this->rest( 'POST', '/shareworthy/v1/shares', array( 'itemId' => 999999, 'network' => 'linkedin' ) );
		$this->assertSame( 404, $response->get_status() );
		$this->assertSame( 'shareworthy_item_not_found', $this->error_code( $response ) );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public function items_not_open_for_sharing(): array {
		$hour = HOUR_IN_SECONDS;
		return array(
			'not shareable'   => array( array( Shareworthy_Meta::SHAREABLE => false ) ),
			'draft'           => array( array( Shareworthy_Meta::STATUS => 'draft' ) ),
			'pending review'  => array( array( Shareworthy_Meta::STATUS => 'pending' ) ),
			'archived'        => array( array( Shareworthy_Meta::STATUS => 'archived' ) ),
			'not started yet' => array( array( Shareworthy_Meta::STARTS_AT => gmdate( 'Y-m-d\TH:i:s\Z', time() + $hour ) ) ),
			'expired'         => array( array( Shareworthy_Meta::EXPIRES_AT => gmdate( 'Y-m-d\TH:i:s\Z', time() - $hour ) ) ),
			'other audience'  => array( array( Shareworthy_Meta::AUDIENCE => array( 'sales' ) ) ),
		);
	}

	/**
	 * @dataProvider items_not_open_for_sharing
	 *
	 * @param array<string, mixed> $meta Meta making the item not shareable.
	 */
	public function test_an_item_not_open_for_sharing_is_400( array $meta ): void {
		$this->as_role( 'subscriber' );
		$response = $this->rest( 'POST', '/shareworthy/v1/shares', array( 'itemId' => $this->item( $meta ), 'network' => 'linkedin' ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'shareworthy_item_not_shareable', $this->error_code( $response ) );
	}

	public function test_an_unpublished_post_is_404(): void {
		$this->as_role( 'subscriber' );
		$item     = $this->item( array(), '', array( 'post_status' => 'draft' ) );
		$response = $this->rest( 'POST', '/shareworthy/v1/shares', array( 'itemId' => $item, 'network' => 'linkedin' ) );
		$this->assertSame( 404, $response->get_status() );
	}

	public function test_an_item_for_the_employees_group_can_be_shared(): void {
		$user = $this->as_role( 'subscriber' );
		update_user_meta( $user, Shareworthy_Items::USER_GROUPS_META, array( 'sales' ) );
		$this->share( $this->item( array( Shareworthy_Meta::AUDIENCE => array( 'sales' ) ) ) );
		$this->addToAssertionCount( 1 );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public function invalid_bodies(): array {
		return array(
			'no network'        => array( array( 'itemId' => 1 ) ),
			'no item'           => array( array( 'network' => 'linkedin' ) ),
			'unknown network'   => array( array( 'itemId' => 1, 'network' => 'myspace' ) ),
			'network casing'    => array( array( 'itemId' => 1, 'network' => 'LinkedIn' ) ),
			'item not a number' => array( array( 'itemId' => 'one', 'network' => 'linkedin' ) ),
			'negative item'     => array( array( 'itemId' => -4, 'network' => 'linkedin' ) ),
			'network array'     => array( array( 'itemId' => 1, 'network' => array( 'linkedin' ) ) ),
			'huge network'      => array( array( 'itemId' => 1, 'network' => str_repeat( 'x', 100000 ) ) ),
			'zero-width'        => array( array( 'itemId' => 1, 'network' => "linked\u{200B}in" ) ),
		);
	}

	/**
	 * @dataProvider invalid_bodies
	 *
	 * @param array<string, mixed> $body Request body.
	 */
	public function test_invalid_bodies_are_400( array $body ): void {
		$this->as_role( 'subscriber' );
		$response = $this->rest( 'POST', '/shareworthy/v1/shares', $body );
		$this->assertSame( 400, $response->get_status() );
		$this->assertContains( $this->error_code( $response ), array( 'rest_invalid_param', 'rest_missing_callback_param' ) );
	}

	public function test_a_network_turned_off_by_the_site_is_400(): void {
		$this->as_role( 'subscriber' );
		update_option( 'shareworthy_networks', array( 'linkedin' ) );
		$response = $this->rest( 'POST', '/shareworthy/v1/shares', array( 'itemId' => $this->item(), 'network' => 'facebook' ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'shareworthy_network_not_allowed', $this->error_code( $response ) );
	}

	public function test_the_owner_reads_a_share_with_its_counted_clicks(): void {
		$this->as_role( 'subscriber' );
		$share = $this->share( $this->item() );
		$now   = time();
		Shareworthy_Clicks::record( $share['id'], str_repeat( 'a', 64 ), $now );
		Shareworthy_Clicks::record( $share['id'], str_repeat( 'a', 64 ), $now + 60 ); // Repeat: not counted.
		Shareworthy_Clicks::record( $share['id'], str_repeat( 'b', 64 ), $now + 60 );

		$response = $this->rest( 'GET', '/shareworthy/v1/shares/' . $share['id'] );
		$data     = $response->get_data();
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 2, $data['clicks'] );
		$this->assertSame( array( 'id', 'itemId', 'network', 'code', 'trackedUrl', 'intentUrl', 'createdAt', 'clicks', 'trackerError' ), array_keys( $data ) );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $data['createdAt'] );
	}

	public function test_another_employee_cannot_read_a_share(): void {
		$this->as_role( 'subscriber' );
		$share = $this->share( $this->item() );
		$this->as_role( 'subscriber' );
		$this->assertSame( 403, $this->rest( 'GET', '/shareworthy/v1/shares/' . $share['id'] )->get_status() );
		$this->as_role( 'author' );
		$this->assertSame( 403, $this->rest( 'GET', '/shareworthy/v1/shares/' . $share['id'] )->get_status() );
	}

	public function test_editors_and_admins_read_any_share(): void {
		$this->as_role( 'subscriber' );
		$share = $this->share( $this->item() );
		foreach ( array( 'editor', 'administrator' ) as $role ) {
			$this->as_role( $role );
			$this->assertSame( 200, $this->rest( 'GET', '/shareworthy/v1/shares/' . $share['id'] )->get_status(), $role );
		}
	}

	public function test_reading_shares_logged_out_is_401_and_unknown_is_404(): void {
		$this->assertSame( 401, $this->rest( 'GET', '/shareworthy/v1/shares/1' )->get_status() );
		$this->as_role( 'editor' );
		$response = $this->rest( 'GET', '/shareworthy/v1/shares/987654321' );
		$this->assertSame( 404, $response->get_status() );
		$this->assertSame( 'shareworthy_share_not_found', $this->error_code( $response ) );
	}

	public function test_routes_publish_their_schema(): void {
		$response = $this->rest( 'OPTIONS', '/shareworthy/v1/shares' );
		$schema   = $response->get_data()['schema'];
		$this->assertSame( 'shareworthy-share', $schema['title'] );
		$this->assertSame( array( 'linkedin', 'x', 'facebook', 'xing', 'bluesky', 'reddit', 'whatsapp', 'telegram', 'teams', 'email' ), $schema['properties']['network']['enum'] );
		$this->assertSame( 'shareworthy-item', $this->rest( 'OPTIONS', '/shareworthy/v1/items' )->get_data()['schema']['title'] );
	}

	public function test_an_employee_lists_only_their_own_shares_newest_first_paginated(): void {
		$owner = $this->as_role( 'subscriber' );
		$item  = $this->item();
		$ids   = array();
		for ( $i = 0; $i < 3; $i++ ) {
			$ids[] = $this->share( $item, 0 === $i ? 'x' : 'linkedin' )['id'];
		}
		Shareworthy_Clicks::record( $ids[0], str_repeat( 'a', 64 ), time() );
		$this->as_role( 'subscriber' );
		$this->share( $item ); // Someone else's.
		$this->as_role( 'subscriber' );
		$this->assertSame( array(), $this->rest( 'GET', '/shareworthy/v1/shares' )->get_data() );

		wp_set_current_user( $owner );
		$request = new WP_REST_Request( 'GET', '/shareworthy/v1/shares' );
		$request->set_query_params( array( 'per_page' => 2 ) );
		$response = rest_do_request( $request );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array( $ids[2], $ids[1] ), array_column( $response->get_data(), 'id' ) );
		$this->assertSame( '3', $response->get_headers()['X-WP-Total'] );
		$this->assertSame( '2', $response->get_headers()['X-WP-TotalPages'] );
		$request->set_query_params( array( 'per_page' => 2, 'page' => 2 ) );
		$last = rest_do_request( $request )->get_data();
		$this->assertSame( array( $ids[0] ), array_column( $last, 'id' ) );
		$this->assertSame( 1, $last[0]['clicks'] );
	}

	public function test_listing_shares_needs_the_share_capability(): void {
		$this->assertSame( 401, $this->rest( 'GET', '/shareworthy/v1/shares' )->get_status() );
		$this->as_role( '' );
		$this->assertSame( 403, $this->rest( 'GET', '/shareworthy/v1/shares' )->get_status() );
		$this->as_role( 'subscriber' );
		$request = new WP_REST_Request( 'GET', '/shareworthy/v1/shares' );
		$request->set_query_params( array( 'per_page' => 1000 ) );
		$this->assertSame( 400, rest_do_request( $request )->get_status() );
	}
}
