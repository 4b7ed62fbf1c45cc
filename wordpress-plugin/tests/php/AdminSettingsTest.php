<?php
/**
 * Shareworthy → Settings through the REST settings API.
 *
 * @package Shareworthy
 */

/**
 * Options are in /wp/v2/settings with schemas; bad values are 400s with messages.
 */
final class AdminSettingsTest extends Shareworthy_TestCase {

	/**
	 * POST /wp/v2/settings as an administrator.
	 *
	 * @param array<string, mixed> $body Settings.
	 */
	private function save( array $body ): WP_REST_Response {
		$this->as_role( 'administrator' );
		return $this->rest( 'POST', '/wp/v2/settings', $body );
	}

	public function test_every_option_of_the_page_is_in_the_settings_api(): void {
		$this->as_role( 'administrator' );
		$data = $this->rest( 'GET', '/wp/v2/settings' )->get_data();
		foreach ( array( 'shareworthy_policy', 'shareworthy_policy_text', 'shareworthy_networks', 'shareworthy_utm_medium', 'shareworthy_click_retention_months', 'shareworthy_allowed_hosts', 'shareworthy_post_types', 'shareworthy_cost_per_click' ) as $name ) {
			$this->assertArrayHasKey( $name, $data, $name );
		}
	}

	public function test_valid_values_are_saved(): void {
		$response = $this->save(
			array(
				'shareworthy_cost_per_click'         => 1.25,
				'shareworthy_click_retention_months' => 12,
				'shareworthy_networks'               => array( 'linkedin', 'x' ),
				'shareworthy_utm_medium'             => 'employee-advocacy',
				'shareworthy_allowed_hosts'          => array( 'www.example.com' ),
				'shareworthy_policy'                 => array( 'blockedTerms' => array( 'secret', 'Projet Éclair' ), 'allowedLinkDomains' => array( 'example.com' ), 'detectPersonalData' => true ),
			)
		);
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( 1.25, (float) get_option( 'shareworthy_cost_per_click' ) );
		$this->assertSame( 12, (int) get_option( 'shareworthy_click_retention_months' ) );
		$this->assertSame( array( 'linkedin', 'x' ), get_option( 'shareworthy_networks' ) );
		$this->assertSame( array( 'secret', 'Projet Éclair' ), get_option( 'shareworthy_policy' )['blockedTerms'] );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string}>
	 */
	public function bad_values(): array {
		return array(
			'negative cost per click'   => array( array( 'shareworthy_cost_per_click' => -1 ), 'shareworthy_cost_per_click' ),
			'cost per click as text'    => array( array( 'shareworthy_cost_per_click' => 'cheap' ), 'shareworthy_cost_per_click' ),
			'retention of 0 months'     => array( array( 'shareworthy_click_retention_months' => 0 ), 'shareworthy_click_retention_months' ),
			'retention of 121 months'   => array( array( 'shareworthy_click_retention_months' => 121 ), 'shareworthy_click_retention_months' ),
			'unknown network'           => array( array( 'shareworthy_networks' => array( 'myspace' ) ), 'shareworthy_networks' ),
			'utm medium with a space'   => array( array( 'shareworthy_utm_medium' => 'employee advocacy' ), 'shareworthy_utm_medium' ),
			'host with a scheme'        => array( array( 'shareworthy_allowed_hosts' => array( 'https://example.com' ) ), 'shareworthy_allowed_hosts' ),
			'blocked term of dashes'    => array( array( 'shareworthy_policy' => array( 'blockedTerms' => array( '---' ) ) ), 'shareworthy_policy' ),
			'blocked zero-width only'   => array( array( 'shareworthy_policy' => array( 'blockedTerms' => array( "\u{200B}\u{200D}" ) ) ), 'shareworthy_policy' ),
			'term of 17 words'          => array( array( 'shareworthy_policy' => array( 'confidentialMarkers' => array( implode( ' ', range( 1, 17 ) ) ) ) ), 'shareworthy_policy' ),
			'disclosure of emoji only'  => array( array( 'shareworthy_policy' => array( 'requiredDisclosure' => array( '👩‍👩‍👧' ) ) ), 'shareworthy_policy' ),
			'link domain with a path'   => array( array( 'shareworthy_policy' => array( 'allowedLinkDomains' => array( 'example.com/jobs' ) ) ), 'shareworthy_policy' ),
			'unknown policy key'        => array( array( 'shareworthy_policy' => array( 'blockEverything' => true ) ), 'shareworthy_policy' ),
		);
	}

	/**
	 * @dataProvider bad_values
	 *
	 * @param array<string, mixed> $body   Settings.
	 * @param string               $option Option that must stay unchanged.
	 */
	public function test_bad_values_are_rejected_with_a_message( array $body, string $option ): void {
		$before   = get_option( $option );
		$response = $this->save( $body );
		$this->assertSame( 400, $response->get_status() );
		$this->assertNotSame( '', (string) ( $response->get_data()['message'] ?? '' ) );
		$this->assertSame( $before, get_option( $option ) );
	}

	public function test_the_policy_message_names_the_entry(): void {
		$response = $this->save( array( 'shareworthy_policy' => array( 'blockedTerms' => array( 'ok', '***' ) ) ) );
		$this->assertStringContainsString( '“***”', (string) wp_json_encode( $response->get_data(), JSON_UNESCAPED_UNICODE ) );
	}

	public function test_rtl_and_accented_terms_compile(): void {
		$response = $this->save( array( 'shareworthy_policy' => array( 'blockedTerms' => array( 'سري', 'confidentiel', 'Ünternehmen intern' ) ) ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
	}

	public function test_a_changed_policy_text_raises_the_version(): void {
		$before = (int) get_option( Shareworthy_Blocks::POLICY_VERSION_OPTION, 0 );
		$this->assertSame( 200, $this->save( array( 'shareworthy_policy_text' => 'Be kind. ' . wp_generate_password( 6, false ) ) )->get_status() );
		$this->assertSame( $before + 1, (int) get_option( Shareworthy_Blocks::POLICY_VERSION_OPTION, 0 ) );
	}

	public function test_editors_cannot_change_settings(): void {
		$this->as_role( 'editor' );
		$this->assertSame( 403, $this->rest( 'POST', '/wp/v2/settings', array( 'shareworthy_cost_per_click' => 5 ) )->get_status() );
	}
}
