<?php
/**
 * Shareworthy → Settings through GET/POST /shareworthy/v1/settings.
 *
 * @package Shareworthy
 */

/**
 * Every setting is read and saved through the plugin's route, for manage_shareworthy only;
 * bad values are 400s that name the field; the policy is checked like core compiles it.
 */
final class AdminSettingsTest extends Shareworthy_TestCase {

	private const ROUTE = '/shareworthy/v1/settings';

	/**
	 * POST the settings as an administrator.
	 *
	 * @param array<string, mixed> $body Settings.
	 */
	private function save( array $body ): WP_REST_Response {
		$this->as_role( 'administrator' );
		return $this->rest( 'POST', self::ROUTE, $body );
	}

	/**
	 * Logs in a user whose only role grants manage_shareworthy (and reading), not manage_options.
	 */
	private function as_shareworthy_manager(): int {
		add_role( 'sw_settings_manager', 'Shareworthy manager', array( 'read' => true, Shareworthy_Capabilities::MANAGE => true ) );
		$id = $this->as_role( 'sw_settings_manager' );
		$this->assertFalse( current_user_can( 'manage_options' ) );
		return $id;
	}

	protected function tearDown(): void {
		remove_role( 'sw_settings_manager' );
		parent::tearDown();
	}

	public function test_get_answers_every_setting_of_the_page(): void {
		$this->as_role( 'administrator' );
		$data = $this->rest( 'GET', self::ROUTE )->get_data();
		foreach ( array( 'policyText', 'policyVersion', 'policy', 'networks', 'utmMedium', 'defaultCampaign', 'costPerClick', 'retentionDays', 'postTypes', 'allowedHosts', 'publicButtons', 'gamification' ) as $field ) {
			$this->assertArrayHasKey( $field, $data, $field );
		}
		$this->assertSame( array( 'enabled' => false, 'pointsPerShare' => 10, 'pointsPerClick' => 1 ), $data['gamification'] );
		$this->assertFalse( $data['publicButtons'] );
	}

	public function test_a_role_with_manage_shareworthy_but_not_manage_options_saves(): void {
		$this->as_shareworthy_manager();
		$response = $this->rest( 'POST', self::ROUTE, array( 'policy' => array( 'blockedTerms' => array( 'Projet Falcon' ) ), 'costPerClick' => 0.8 ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( array( 'Projet Falcon' ), get_option( Shareworthy_Blocks::POLICY_OPTION )['blockedTerms'] );
		$this->assertSame( 0.8, (float) get_option( Shareworthy_Report::COST_PER_CLICK_OPTION ) );
	}

	/**
	 * @return array<string, array{0: string, 1: int}>
	 */
	public function roles(): array {
		return array(
			'editor'     => array( 'editor', 403 ),
			'author'     => array( 'author', 403 ),
			'subscriber' => array( 'subscriber', 403 ),
			'logged out' => array( '', 401 ),
		);
	}

	/**
	 * @dataProvider roles
	 *
	 * @param string $role   Role ('' = logged out).
	 * @param int    $status Expected status.
	 */
	public function test_other_roles_can_neither_read_nor_save( string $role, int $status ): void {
		if ( '' !== $role ) {
			$this->as_role( $role );
		}
		$before = get_option( Shareworthy_Report::COST_PER_CLICK_OPTION );
		$this->assertSame( $status, $this->rest( 'GET', self::ROUTE )->get_status() );
		$this->assertSame( $status, $this->rest( 'POST', self::ROUTE, array( 'costPerClick' => 5 ) )->get_status() );
		$this->assertSame( $before, get_option( Shareworthy_Report::COST_PER_CLICK_OPTION ) );
	}

	public function test_valid_values_are_saved_and_answered(): void {
		$response = $this->save(
			array(
				'costPerClick'    => 1.25,
				'retentionDays'   => 90,
				'networks'        => array( 'linkedin', 'x' ),
				'utmMedium'       => 'employee-advocacy',
				'defaultCampaign' => 'Été 2026',
				'allowedHosts'    => array( 'www.example.com' ),
				'publicButtons'   => true,
				'gamification'    => array( 'enabled' => true, 'pointsPerShare' => 5, 'pointsPerClick' => 0 ),
				'policy'          => array( 'blockedTerms' => array( 'secret', ' Projet Éclair ', 'secret' ), 'allowedLinkDomains' => array( 'https://Example.com/' ), 'detectPersonalData' => true ),
			)
		);
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		$this->assertSame( 1.25, $data['costPerClick'] );
		$this->assertSame( 90, $data['retentionDays'] );
		$this->assertSame( 90, Shareworthy_Settings::retention_days() );
		$this->assertSame( array( 'linkedin', 'x' ), Shareworthy_Items::networks() );
		$this->assertSame( 'employee-advocacy', Shareworthy_Utm::medium() );
		$this->assertSame( 'ete-2026', Shareworthy_Utm::campaign( '' ) );
		$this->assertTrue( Shareworthy_Settings::public_buttons() );
		$this->assertSame( array( 'enabled' => true, 'pointsPerShare' => 5, 'pointsPerClick' => 0 ), get_option( Shareworthy_Settings::GAMIFICATION_OPTION ) );
		$this->assertSame( array( 'secret', 'Projet Éclair' ), get_option( Shareworthy_Blocks::POLICY_OPTION )['blockedTerms'] );
		$this->assertTrue( $data['policy']->detectPersonalData );
	}

	public function test_fields_left_out_keep_their_values(): void {
		$this->save( array( 'utmMedium' => 'intranet', 'costPerClick' => 2 ) );
		$this->assertSame( 200, $this->save( array( 'costPerClick' => 3 ) )->get_status() );
		$this->assertSame( 'intranet', get_option( Shareworthy_Settings::UTM_MEDIUM_OPTION ) );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string}>
	 */
	public function bad_values(): array {
		return array(
			'negative cost per click'   => array( array( 'costPerClick' => -1 ), 'costPerClick' ),
			'cost per click as text'    => array( array( 'costPerClick' => 'cheap' ), 'costPerClick' ),
			'retention of 0 days'       => array( array( 'retentionDays' => 0 ), 'retentionDays' ),
			'retention over ten years'  => array( array( 'retentionDays' => 3651 ), 'retentionDays' ),
			'retention of 1.5 days'     => array( array( 'retentionDays' => 1.5 ), 'retentionDays' ),
			'unknown network'           => array( array( 'networks' => array( 'myspace' ) ), 'networks' ),
			'utm medium with a space'   => array( array( 'utmMedium' => 'employee advocacy' ), 'utmMedium' ),
			'campaign of punctuation'   => array( array( 'defaultCampaign' => '!!! ---' ), 'defaultCampaign' ),
			'empty campaign'            => array( array( 'defaultCampaign' => '' ), 'defaultCampaign' ),
			'host with a scheme'        => array( array( 'allowedHosts' => array( 'https://example.com' ) ), 'allowedHosts' ),
			'unknown post type'         => array( array( 'postTypes' => array( 'nope' ) ), 'postTypes' ),
			'public buttons as text'    => array( array( 'publicButtons' => 'maybe' ), 'publicButtons' ),
			'negative points per share' => array( array( 'gamification' => array( 'pointsPerShare' => -1 ) ), 'gamification' ),
			'points as a fraction'      => array( array( 'gamification' => array( 'pointsPerClick' => 0.5 ) ), 'gamification' ),
			'unknown gamification key'  => array( array( 'gamification' => array( 'pointsPerLike' => 3 ) ), 'gamification' ),
			'policy text too long'      => array( array( 'policyText' => str_repeat( 'é', 20001 ) ), 'policyText' ),
			'blocked term of dashes'    => array( array( 'policy' => array( 'blockedTerms' => array( '---' ) ) ), 'policy' ),
			'blocked zero-width only'   => array( array( 'policy' => array( 'blockedTerms' => array( "\u{200B}\u{200D}" ) ) ), 'policy' ),
			'term of 17 words'          => array( array( 'policy' => array( 'confidentialMarkers' => array( implode( ' ', range( 1, 17 ) ) ) ) ), 'policy' ),
			'disclosure of emoji only'  => array( array( 'policy' => array( 'requiredDisclosure' => array( '👩‍👩‍👧' ) ) ), 'policy' ),
			'link domain without a dot' => array( array( 'policy' => array( 'allowedLinkDomains' => array( 'localhost' ) ) ), 'policy' ),
			'unknown policy key'        => array( array( 'policy' => array( 'blockEverything' => true ) ), 'policy' ),
			'term over 200 characters'  => array( array( 'policy' => array( 'blockedTerms' => array( str_repeat( 'a', 201 ) ) ) ), 'policy' ),
		);
	}

	/**
	 * @dataProvider bad_values
	 *
	 * @param array<string, mixed> $body  Settings.
	 * @param string               $field Field that must be named and stay unchanged.
	 */
	public function test_bad_values_are_refused_with_a_message_naming_the_field( array $body, string $field ): void {
		$this->as_role( 'administrator' );
		$before   = $this->rest( 'GET', self::ROUTE )->get_data()[ $field ];
		$response = $this->save( $body + array( 'costPerClick' => 7 ) );
		$data     = $response->get_data();
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_param', $data['code'] );
		$this->assertNotSame( '', (string) ( $data['data']['params'][ $field ] ?? '' ), (string) wp_json_encode( $data ) );
		$this->assertEquals( $before, $this->rest( 'GET', self::ROUTE )->get_data()[ $field ] );
		$this->assertNotEquals( 7.0, (float) get_option( Shareworthy_Report::COST_PER_CLICK_OPTION ), 'nothing is saved when one field is bad' );
	}

	public function test_one_refusal_names_every_bad_field(): void {
		$data = $this->save( array( 'utmMedium' => 'employee advocacy', 'defaultCampaign' => '!!!', 'retentionDays' => 0, 'policy' => array( 'blockedTerms' => array( '---' ) ) ) )->get_data();
		$this->assertEqualsCanonicalizing( array( 'utmMedium', 'defaultCampaign', 'retentionDays', 'policy' ), array_keys( $data['data']['params'] ) );
	}

	public function test_the_policy_error_names_the_entry_and_its_position(): void {
		$data = $this->save( array( 'policy' => array( 'blockedTerms' => array( 'ok', '***' ) ) ) )->get_data();
		$this->assertStringContainsString( '“***”', $data['data']['params']['policy'] );
		$issues = $data['data']['details']['policy']['data']['issues'];
		$this->assertSame( array( 'blockedTerms', 1 ), $issues[0]['path'] );
		$this->assertSame( 'empty-term', $issues[0]['code'] );
	}

	public function test_rtl_accented_and_international_entries_are_accepted(): void {
		$response = $this->save( array( 'policy' => array( 'blockedTerms' => array( 'سري', 'confidentiel', 'Ünternehmen intern' ), 'allowedLinkDomains' => array( 'café.fr', '*.example.org' ) ) ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
	}

	public function test_a_changed_policy_text_raises_the_version_and_keeps_acceptances(): void {
		$employee = $this->user( 'subscriber' );
		$this->save( array( 'policyText' => 'Be kind. ' . wp_generate_password( 6, false ) ) );
		$version = Shareworthy_Blocks::policy_version();
		update_user_meta( $employee, Shareworthy_Blocks::ACCEPTED_META, $version );
		$this->assertTrue( Shareworthy_Blocks::policy_accepted( $employee ) );

		$same = $this->save( array( 'policyText' => get_option( Shareworthy_Blocks::POLICY_TEXT_OPTION ) ) )->get_data();
		$this->assertSame( $version, $same['policyVersion'], 'saving the same text keeps the version' );

		$changed = $this->save( array( 'policyText' => 'Be kind, and say you work here.' ) )->get_data();
		$this->assertSame( $version + 1, $changed['policyVersion'] );
		$this->assertFalse( Shareworthy_Blocks::policy_accepted( $employee ), 'the employee must accept the new version' );
		$this->assertSame( $version, (int) get_user_meta( $employee, Shareworthy_Blocks::ACCEPTED_META, true ), 'the earlier acceptance is kept' );
	}

	public function test_the_tracker_key_is_answered_masked_and_the_mask_keeps_it(): void {
		if ( ! class_exists( 'Shareworthy_Tracker_Client' ) ) {
			$this->markTestSkipped( 'No click tracker client in this build.' );
		}
		$key  = 'k3y-for-the-tracker-0123456789';
		$data = $this->save( array( 'trackerUrl' => 'https://go.example.com', 'trackerApiKey' => $key ) )->get_data();
		$this->assertSame( $key, get_option( Shareworthy_Tracker_Client::KEY_OPTION ) );
		$this->assertStringNotContainsString( 'k3y-for', (string) wp_json_encode( $data ) );
		$this->assertSame( 200, $this->save( array( 'trackerApiKey' => $data['trackerApiKey'] ) )->get_status() );
		$this->assertSame( $key, get_option( Shareworthy_Tracker_Client::KEY_OPTION ) );
		$refused = $this->save( array( 'trackerApiKey' => 'a key, with commas', 'trackerUrl' => 'ftp://go.example.com' ) );
		$this->assertSame( 400, $refused->get_status() );
		$this->assertEqualsCanonicalizing( array( 'trackerApiKey', 'trackerUrl' ), array_keys( $refused->get_data()['data']['params'] ) );
		$this->assertSame( $key, get_option( Shareworthy_Tracker_Client::KEY_OPTION ) );
	}

	public function test_the_old_pages_are_gone_and_the_new_one_is_for_managers(): void {
		global $submenu;
		$this->as_shareworthy_manager();
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		$submenu = array(); // phpcs:ignore WordPress.WP.GlobalVariablesOverride
		Shareworthy_Admin_Settings::add_page();
		$this->assertSame( Shareworthy_Admin_Settings::PAGE, $submenu[ Shareworthy_Admin::REPORTS_PAGE ][0][2] ?? null );
		$this->assertFalse( has_action( 'admin_menu', array( 'Shareworthy_Blocks', 'add_policy_page' ) ) );
		$this->assertFalse( method_exists( 'Shareworthy_Settings', 'render' ) );
		$this->assertArrayNotHasKey( 'shareworthy_policy', get_registered_settings() );
		ob_start();
		Shareworthy_Admin_Settings::render();
		$this->assertStringContainsString( 'id="shareworthy-settings"', (string) ob_get_clean() );
		$this->as_role( 'editor' );
		ob_start();
		Shareworthy_Admin_Settings::render();
		$this->assertSame( '', ob_get_clean() );
	}
}
