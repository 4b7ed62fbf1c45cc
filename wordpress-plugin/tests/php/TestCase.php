<?php
/**
 * Base test case: every test runs inside a transaction that is rolled back, so tests start
 * from the installed site and leave nothing behind.
 *
 * @package Shareworthy
 */

use PHPUnit\Framework\TestCase;

/**
 * Helpers to make users, items and REST requests.
 */
abstract class Shareworthy_TestCase extends TestCase {

	/**
	 * Opens the transaction.
	 */
	protected function setUp(): void {
		global $wpdb;
		parent::setUp();
		$wpdb->query( 'START TRANSACTION' );
		wp_set_current_user( 0 );
	}

	/**
	 * Rolls back and forgets what the caches saw during the test.
	 */
	protected function tearDown(): void {
		global $wpdb;
		$wpdb->query( 'ROLLBACK' );
		wp_cache_flush();
		wp_roles()->for_site();
		wp_set_current_user( 0 );
		parent::tearDown();
	}

	/**
	 * Runs $run as on a site in $locale, then puts the site's own language back, whatever $run
	 * did. Every test that reads French goes through here: WordPress 6.7+ never loads a domain
	 * just in time again once it was unloaded without $reloadable, so a test that unloads by
	 * hand leaves every later test of the run in English.
	 *
	 * @param string   $locale Locale, e.g. fr_FR.
	 * @param callable $run    What to run in it.
	 * @return mixed What $run returned.
	 */
	protected function in_locale( string $locale, callable $run ) {
		$filter = static fn(): string => $locale;
		add_filter( 'determine_locale', $filter );
		$this->reload_translations();
		try {
			return $run();
		} finally {
			remove_filter( 'determine_locale', $filter );
			$this->reload_translations();
		}
	}

	/**
	 * Loads the plugin's catalogue for the locale determine_locale() now answers.
	 */
	private function reload_translations(): void {
		unload_textdomain( 'shareworthy', true );
		WP_Translation_Controller::get_instance()->set_locale( determine_locale() );
		Shareworthy_Plugin::load_textdomain();
	}

	/**
	 * Creates a user with a role (or none) and returns its ID.
	 *
	 * @param string $role Role name, '' for a user without role.
	 */
	protected function user( string $role ): int {
		$login = 'sw_' . ( '' === $role ? 'norole' : $role ) . '_' . wp_generate_password( 8, false );
		$id    = wp_insert_user(
			array(
				'user_login' => $login,
				'user_pass'  => 'password',
				'user_email' => $login . '@example.org',
				'role'       => $role,
			)
		);
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * Logs a new user of the role in and returns its ID.
	 *
	 * @param string $role Role.
	 */
	protected function as_role( string $role ): int {
		$id = $this->user( $role );
		wp_set_current_user( $id );
		return $id;
	}

	/**
	 * Creates a published post that is a live, approved, shareable item unless $meta says otherwise.
	 *
	 * @param array<string, mixed> $meta     Meta overriding the defaults.
	 * @param string               $campaign Campaign name ('' for none).
	 * @param array<string, mixed> $post     Post fields overriding the defaults.
	 */
	protected function item( array $meta = array(), string $campaign = 'Été 2026 — Recrutement', array $post = array() ): int {
		$id = wp_insert_post(
			$post + array(
				'post_title'  => 'Item ' . wp_generate_password( 6, false ),
				'post_status' => 'publish',
				'post_type'   => 'post',
			),
			true
		);
		$this->assertIsInt( $id );
		$meta += array(
			Shareworthy_Meta::SHAREABLE  => true,
			Shareworthy_Meta::STATUS     => 'approved',
			Shareworthy_Meta::PUBLIC_URL => 'https://www.example.com/jobs/42?ref=intranet#apply',
		);
		$user = get_current_user_id();
		wp_set_current_user( 0 ); // Fixtures are written as trusted code.
		foreach ( $meta as $key => $value ) {
			update_post_meta( $id, $key, $value );
		}
		wp_set_current_user( $user );
		if ( '' !== $campaign ) {
			$term = wp_insert_term( $campaign, Shareworthy_Meta::CAMPAIGN_TAXONOMY );
			$term_id = is_wp_error( $term ) ? (int) $term->get_error_data( 'term_exists' ) : (int) $term['term_id'];
			wp_set_object_terms( $id, array( $term_id ), Shareworthy_Meta::CAMPAIGN_TAXONOMY );
		}
		return $id;
	}

	/**
	 * Dispatches a REST request in-process.
	 *
	 * @param string               $method HTTP method.
	 * @param string               $route  Route, e.g. /shareworthy/v1/items.
	 * @param array<string, mixed> $body   JSON body.
	 */
	protected function rest( string $method, string $route, array $body = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, $route );
		if ( array() !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
		}
		return rest_do_request( $request );
	}

	/**
	 * Creates a share as the current user through the REST API and returns the response data.
	 *
	 * @param int    $item_id Item.
	 * @param string $network Network.
	 * @return array<string, mixed>
	 */
	protected function share( int $item_id, string $network = 'linkedin' ): array {
		$response = $this->rest( 'POST', '/shareworthy/v1/shares', array( 'itemId' => $item_id, 'network' => $network ) );
		$this->assertSame( 201, $response->get_status(), wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	/**
	 * A visit as Shareworthy_Redirect::resolve takes it.
	 *
	 * @param array<string, mixed> $overrides Fields to change.
	 * @return array{method: string, user_agent: string, headers: array<string, string>, ip: string, now: int}
	 */
	protected function visit( array $overrides = array() ): array {
		return $overrides + array(
			'method'     => 'GET',
			'user_agent' => 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
			'headers'    => array(),
			'ip'         => '203.0.113.77',
			'now'        => time(),
		);
	}

	/**
	 * Error code of a REST response.
	 *
	 * @param WP_REST_Response $response Response.
	 */
	protected function error_code( WP_REST_Response $response ): string {
		$data = $response->get_data();
		return is_array( $data ) ? (string) ( $data['code'] ?? '' ) : '';
	}
}
