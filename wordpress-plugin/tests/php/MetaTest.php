<?php
/**
 * Sharing fields through the core posts endpoint.
 *
 * @package Shareworthy
 */

/**
 * Registered meta: schema, auth, sanitizing, review workflow.
 */
final class MetaTest extends Shareworthy_TestCase {

	/**
	 * Updates a post's meta through /wp/v2/posts/{id}.
	 *
	 * @param int                  $post Post.
	 * @param array<string, mixed> $meta Meta.
	 */
	private function save( int $post, array $meta ): WP_REST_Response {
		return $this->rest( 'POST', "/wp/v2/posts/{$post}", array( 'meta' => $meta ) );
	}

	/**
	 * A post of the current user (draft item).
	 */
	private function own_post(): int {
		return (int) wp_insert_post(
			array(
				'post_title'  => 'Mine',
				'post_status' => 'publish',
				'post_author' => get_current_user_id(),
			)
		);
	}

	public function test_every_field_is_in_the_rest_schema(): void {
		$schema = $this->rest( 'OPTIONS', '/wp/v2/posts' )->get_data()['schema']['properties']['meta']['properties'];
		foreach ( array( 'shareable', 'public_url', 'messages', 'hashtags', 'topics', 'audience', 'starts_at', 'expires_at', 'priority', 'status' ) as $field ) {
			$this->assertArrayHasKey( "shareworthy_{$field}", $schema, $field );
		}
		$this->assertSame( array( 'draft', 'pending', 'approved', 'archived' ), $schema['shareworthy_status']['enum'] );
		$this->assertArrayHasKey( 'shareworthy_messages', $this->rest( 'OPTIONS', '/wp/v2/pages' )->get_data()['schema']['properties']['meta']['properties'] );
	}

	public function test_an_editor_approves_an_item(): void {
		$this->as_role( 'editor' );
		$post     = $this->own_post();
		$response = $this->save(
			$post,
			array(
				'shareworthy_shareable'  => true,
				'shareworthy_status'     => 'approved',
				'shareworthy_public_url' => 'https://www.example.com/a',
				'shareworthy_messages'   => array( 'linkedin' => 'Bonjour', 'x' => 'Salut' ),
				'shareworthy_hashtags'   => array( '#emploi', 'RSE' ),
				'shareworthy_starts_at'  => '2026-06-01T08:00:00+02:00',
				'shareworthy_priority'   => 40,
			)
		);
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$meta = $response->get_data()['meta'];
		$this->assertSame( 'approved', $meta['shareworthy_status'] );
		$this->assertSame( array( 'emploi', 'RSE' ), $meta['shareworthy_hashtags'] );
		$this->assertSame( '2026-06-01T06:00:00+00:00', $meta['shareworthy_starts_at'] );
		$this->assertSame( 40, $meta['shareworthy_priority'] );
		$this->assertSame( array( 'linkedin' => 'Bonjour', 'x' => 'Salut' ), $meta['shareworthy_messages'] );
	}

	public function test_an_author_submits_for_review_but_cannot_approve(): void {
		$this->as_role( 'author' );
		$post = $this->own_post();
		$this->assertSame( 200, $this->save( $post, array( 'shareworthy_status' => 'pending', 'shareworthy_shareable' => true ) )->get_status() );
		foreach ( array( 'approved', 'archived' ) as $status ) {
			$response = $this->save( $post, array( 'shareworthy_status' => $status ) );
			$this->assertSame( 403, $response->get_status(), $status );
			$this->assertSame( 'shareworthy_cannot_approve', $this->error_code( $response ) );
		}
		$this->assertSame( 'pending', get_post_meta( $post, 'shareworthy_status', true ) );
	}

	public function test_outside_rest_an_author_cannot_store_approved_either(): void {
		$this->as_role( 'author' );
		$post = $this->own_post();
		update_post_meta( $post, 'shareworthy_status', 'approved' );
		$this->assertSame( 'draft', get_post_meta( $post, 'shareworthy_status', true ) ); // The registered default: nothing was stored.
		update_post_meta( $post, 'shareworthy_status', 'pending' );
		$this->assertSame( 'pending', get_post_meta( $post, 'shareworthy_status', true ) );
	}

	public function test_subscribers_cannot_edit_sharing_fields(): void {
		$this->as_role( 'editor' );
		$post = $this->own_post();
		$this->as_role( 'subscriber' );
		$this->assertContains( $this->save( $post, array( 'shareworthy_shareable' => true ) )->get_status(), array( 401, 403 ) );
	}

	public function test_an_author_without_the_edit_capability_cannot_change_meta(): void {
		$user = $this->as_role( 'author' );
		$post = $this->own_post();
		( new WP_User( $user ) )->add_cap( Shareworthy_Capabilities::EDIT, false );
		wp_set_current_user( 0 );
		wp_set_current_user( $user );
		$response = $this->save( $post, array( 'shareworthy_shareable' => true ) );
		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'rest_cannot_update', $this->error_code( $response ) );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string}>
	 */
	public function invalid_meta(): array {
		return array(
			'javascript url'      => array( array( 'shareworthy_public_url' => 'javascript:alert(1)' ), 'shareworthy_invalid_url' ),
			'relative url'        => array( array( 'shareworthy_public_url' => '//evil.example/x' ), 'shareworthy_invalid_url' ),
			'credentials in url'  => array( array( 'shareworthy_public_url' => 'https://user:pw@example.com/' ), 'shareworthy_invalid_url' ),
			'backslash url'       => array( array( 'shareworthy_public_url' => 'https://example.com\\@evil.example/' ), 'shareworthy_invalid_url' ),
			'huge url'            => array( array( 'shareworthy_public_url' => 'https://example.com/' . str_repeat( 'a', 5000 ) ), 'shareworthy_invalid_url' ),
			'unknown status'      => array( array( 'shareworthy_status' => 'published' ), 'rest_not_in_enum' ),
			'unknown network'     => array( array( 'shareworthy_messages' => array( 'myspace' => 'hi' ) ), 'rest_additional_properties_forbidden' ),
			'bad date'            => array( array( 'shareworthy_starts_at' => 'next tuesday' ), 'rest_invalid_pattern' ),
			'expires before start' => array( array( 'shareworthy_starts_at' => '2026-06-02T00:00:00Z', 'shareworthy_expires_at' => '2026-06-01T00:00:00Z' ), 'shareworthy_expires_before_start' ),
			'priority too high'   => array( array( 'shareworthy_priority' => 1000 ), 'rest_out_of_bounds' ),
			'hashtag with space'  => array( array( 'shareworthy_hashtags' => array( 'two words' ) ), 'shareworthy_invalid_hashtags' ),
			'hashtag of digits'   => array( array( 'shareworthy_hashtags' => array( 'ok', '2026' ) ), 'shareworthy_invalid_hashtags' ),
			'hashtag too long'    => array( array( 'shareworthy_hashtags' => array( str_repeat( '𝐀', 51 ) ) ), 'shareworthy_invalid_hashtags' ),
			'audience not a slug' => array( array( 'shareworthy_audience' => array( 'Sales Team' ) ), 'rest_invalid_pattern' ),
		);
	}

	/**
	 * @dataProvider invalid_meta
	 *
	 * @param array<string, mixed> $meta Meta.
	 * @param string               $code Expected error code.
	 */
	public function test_invalid_fields_are_400( array $meta, string $code ): void {
		$this->as_role( 'editor' );
		$response = $this->save( $this->own_post(), $meta );
		$this->assertSame( 400, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( $code, $this->error_code( $response ) );
	}

	public function test_unicode_text_survives_sanitizing(): void {
		$this->as_role( 'editor' );
		$text     = "Nous recrutons 👩🏽‍💻 à Lyon — مرحبا\nLigne 2";
		$response = $this->save( $this->own_post(), array( 'shareworthy_messages' => array( 'linkedin' => $text ), 'shareworthy_hashtags' => array( 'ingénierie', '日本' ) ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( $text, $response->get_data()['meta']['shareworthy_messages']['linkedin'] );
		$this->assertSame( array( 'ingénierie', '日本' ), $response->get_data()['meta']['shareworthy_hashtags'] );
	}

	public function test_hashtags_are_stored_as_core_normalises_them(): void {
		$this->as_role( 'editor' );
		$response = $this->save( $this->own_post(), array( 'shareworthy_hashtags' => array( ' #Emploi ', 'emploi', '＃ΟΔΟΣ', 'οδος', "e\u{0301}te\u{0301}", "\u{200B}", "می\u{200C}خواهم" ) ) );
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( array( 'Emploi', 'ΟΔΟΣ', "e\u{0301}te\u{0301}", "می\u{200C}خواهم" ), $response->get_data()['meta']['shareworthy_hashtags'] );
	}

	public function test_a_refused_hashtag_names_each_bad_entry(): void {
		$this->as_role( 'editor' );
		$response = $this->save( $this->own_post(), array( 'shareworthy_hashtags' => array( 'ok', 'two words', 'c++' ) ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame(
			array( array( 'path' => 'hashtags.1', 'code' => 'invalid-hashtag' ), array( 'path' => 'hashtags.2', 'code' => 'invalid-hashtag' ) ),
			$response->get_data()['data']['issues']
		);
	}

	public function test_campaign_and_group_taxonomies_are_registered_for_rest(): void {
		foreach ( array( 'shareworthy_campaign' => 'shareworthy-campaigns', 'shareworthy_group' => 'shareworthy-groups' ) as $taxonomy => $base ) {
			$object = get_taxonomy( $taxonomy );
			$this->assertInstanceOf( WP_Taxonomy::class, $object );
			$this->assertTrue( $object->show_in_rest );
			$this->assertSame( $base, $object->rest_base );
			$this->assertContains( 'post', $object->object_type );
		}
	}

	public function test_authors_cannot_create_campaigns_but_editors_can(): void {
		$this->as_role( 'author' );
		$this->assertSame( 403, $this->rest( 'POST', '/wp/v2/shareworthy-campaigns', array( 'name' => 'Rentrée' ) )->get_status() );
		$this->as_role( 'editor' );
		$this->assertSame( 201, $this->rest( 'POST', '/wp/v2/shareworthy-campaigns', array( 'name' => 'Rentrée' ) )->get_status() );
	}

	public function test_public_urls_must_be_on_an_allowed_host_when_the_site_lists_some(): void {
		$this->as_role( 'editor' );
		update_option( Shareworthy_Utm::ALLOWED_HOSTS_OPTION, array( 'example.com' ) );
		$post = $this->own_post();
		$this->assertSame( 200, $this->save( $post, array( 'shareworthy_public_url' => 'https://careers.example.com/jobs/1' ) )->get_status() );
		$response = $this->save( $post, array( 'shareworthy_public_url' => 'https://badexample.com/jobs/1' ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'shareworthy_invalid_url', $this->error_code( $response ) );
		$this->assertSame( 'https://careers.example.com/jobs/1', get_post_meta( $post, 'shareworthy_public_url', true ) );
	}

	public function test_public_urls_are_stored_in_whatwg_form(): void {
		$this->as_role( 'editor' );
		$response = $this->save( $this->own_post(), array( 'shareworthy_public_url' => 'HTTPS://Bücher.Example:443?q=1' ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'https://xn--bcher-kva.example/?q=1', $response->get_data()['meta']['shareworthy_public_url'] );
	}

	public function test_an_author_may_save_an_approved_item_without_changing_its_status(): void {
		$author = $this->as_role( 'author' );
		$post   = $this->own_post();
		wp_set_current_user( 0 );
		update_post_meta( $post, 'shareworthy_status', 'approved' ); // An editor approved it.
		wp_set_current_user( $author );
		$response = $this->save( $post, array( 'shareworthy_status' => 'approved', 'shareworthy_hashtags' => array( 'emploi' ) ) );
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( array( 'emploi' ), get_post_meta( $post, 'shareworthy_hashtags', true ) );
		$this->assertSame( 403, $this->save( $post, array( 'shareworthy_status' => 'archived' ) )->get_status() );
	}
}
