<?php
/**
 * GET /items and /items/{id}.
 *
 * @package Shareworthy
 */

/**
 * The employee's feed.
 */
final class RestItemsTest extends Shareworthy_TestCase {

	/**
	 * Feed entries of the current user whose id is in $ids, in feed order.
	 *
	 * @param list<int> $ids Items made by the test.
	 * @return list<array<string, mixed>>
	 */
	private function feed_of( array $ids ): array {
		$response = $this->rest( 'GET', '/shareworthy/v1/items' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertTrue( array_is_list( $response->get_data() ) );
		return array_values( array_filter( $response->get_data(), static fn( array $item ): bool => in_array( $item['id'], $ids, true ) ) );
	}

	public function test_the_feed_lists_live_items_by_priority_then_newest(): void {
		$this->as_role( 'subscriber' );
		$low      = $this->item( array( Shareworthy_Meta::PRIORITY => 5 ), 'Été 2026 — Recrutement', array( 'post_date' => '2026-01-01 10:00:00' ) );
		$high     = $this->item( array( Shareworthy_Meta::PRIORITY => 95 ), 'Été 2026 — Recrutement', array( 'post_date' => '2025-12-01 10:00:00' ) );
		$newer    = $this->item( array( Shareworthy_Meta::PRIORITY => 5 ), 'Été 2026 — Recrutement', array( 'post_date' => '2026-02-01 10:00:00' ) );
		$pending  = $this->item( array( Shareworthy_Meta::STATUS => 'pending' ) );
		$expired  = $this->item( array( Shareworthy_Meta::EXPIRES_AT => '2020-01-01T00:00:00Z' ) );
		$private  = $this->item( array( Shareworthy_Meta::AUDIENCE => array( 'sales' ) ) );
		$ids      = array( $low, $high, $newer, $pending, $expired, $private );

		$this->assertSame( array( $high, $newer, $low ), array_column( $this->feed_of( $ids ), 'id' ) );
	}

	public function test_an_item_carries_what_the_share_ui_needs(): void {
		$this->as_role( 'subscriber' );
		$id   = $this->item(
			array(
				Shareworthy_Meta::MESSAGES  => array( 'linkedin' => 'Rejoignez-nous' ),
				Shareworthy_Meta::HASHTAGS  => array( 'emploi' ),
				Shareworthy_Meta::TOPICS    => array( 'jobs' ),
				Shareworthy_Meta::EXPIRES_AT => '2099-01-01T00:00:00Z',
			),
			'Été 2026 — Recrutement',
			array( 'post_title' => 'Développeuse & développeur' )
		);
		$item = $this->feed_of( array( $id ) )[0];
		$this->assertSame( 'Développeuse & développeur', $item['title'] );
		$this->assertSame( 'https://www.example.com/jobs/42?ref=intranet#apply', $item['publicUrl'] );
		$this->assertEquals( (object) array( 'linkedin' => 'Rejoignez-nous' ), $item['messages'] );
		$this->assertSame( array( 'emploi' ), $item['hashtags'] );
		$this->assertSame( array( 'jobs' ), $item['topics'] );
		$this->assertSame( array( 'slug' => 'ete-2026-recrutement', 'name' => 'Été 2026 — Recrutement' ), $item['campaign'] );
		$this->assertSame( 'article', $item['kind'] );
		$this->assertNull( $item['startsAt'] );
		$this->assertSame( '2099-01-01T00:00:00+00:00', $item['expiresAt'] );
		$this->assertFalse( $item['alreadyShared'] );
		$this->assertContains( 'linkedin', $item['networks'] );
	}

	public function test_already_shared_turns_true_after_sharing(): void {
		$this->as_role( 'subscriber' );
		$id = $this->item();
		$this->share( $id );
		$this->assertTrue( $this->feed_of( array( $id ) )[0]['alreadyShared'] );
		$this->as_role( 'subscriber' );
		$this->assertFalse( $this->feed_of( array( $id ) )[0]['alreadyShared'] );
	}

	public function test_the_kind_comes_from_the_category(): void {
		$this->as_role( 'subscriber' );
		$jobs = get_term_by( 'slug', 'jobs', 'category' );
		$term = $jobs ? $jobs->term_id : (int) wp_insert_term( 'Jobs', 'category', array( 'slug' => 'jobs' ) )['term_id'];
		$id   = $this->item( array(), '', array( 'post_category' => array( $term ) ) );
		$this->assertSame( 'job', $this->feed_of( array( $id ) )[0]['kind'] );
	}

	public function test_the_public_url_falls_back_to_the_permalink(): void {
		$this->as_role( 'subscriber' );
		$id = $this->item( array( Shareworthy_Meta::PUBLIC_URL => '' ) );
		$this->assertSame( get_permalink( $id ), $this->feed_of( array( $id ) )[0]['publicUrl'] );
	}

	public function test_one_item_is_readable_and_others_are_404(): void {
		$this->as_role( 'subscriber' );
		$live    = $this->item();
		$pending = $this->item( array( Shareworthy_Meta::STATUS => 'pending' ) );
		$this->assertSame( $live, $this->rest( 'GET', "/shareworthy/v1/items/{$live}" )->get_data()['id'] );
		$this->assertSame( 404, $this->rest( 'GET', "/shareworthy/v1/items/{$pending}" )->get_status() );
		$this->assertSame( 404, $this->rest( 'GET', '/shareworthy/v1/items/999999' )->get_status() );
	}

	public function test_the_feed_needs_the_share_capability(): void {
		$this->assertSame( 401, $this->rest( 'GET', '/shareworthy/v1/items' )->get_status() );
		$this->assertSame( 401, $this->rest( 'GET', '/shareworthy/v1/items/1' )->get_status() );
		$this->as_role( '' );
		$this->assertSame( 403, $this->rest( 'GET', '/shareworthy/v1/items' )->get_status() );
	}

	public function test_a_removed_capability_closes_the_feed(): void {
		$user = $this->as_role( 'subscriber' );
		( new WP_User( $user ) )->add_cap( Shareworthy_Capabilities::SHARE, false );
		wp_set_current_user( 0 );
		wp_set_current_user( $user );
		$this->assertSame( 403, $this->rest( 'GET', '/shareworthy/v1/items' )->get_status() );
	}
}
