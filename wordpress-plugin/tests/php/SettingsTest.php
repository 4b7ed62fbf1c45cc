<?php
/**
 * Settings → Shareworthy.
 *
 * @package Shareworthy
 */

/**
 * Options are sanitized, the page is for manage_shareworthy.
 */
final class SettingsTest extends Shareworthy_TestCase {

	/**
	 * Registers the settings as admin_init would.
	 */
	protected function setUp(): void {
		parent::setUp();
		Shareworthy_Settings::register();
	}

	/**
	 * Unregisters them (sanitize filters would leak into other tests).
	 */
	protected function tearDown(): void {
		foreach ( array_keys( Shareworthy_Settings::options() ) as $name ) {
			unregister_setting( Shareworthy_Settings::PAGE, $name );
		}
		parent::tearDown();
	}

	public function test_options_are_sanitized(): void {
		$this->assertSame( array( 'linkedin', 'x' ), sanitize_option( 'shareworthy_networks', array( '', 'x', 'myspace', 'linkedin' ) ) );
		$this->assertSame( array( 'example.com', 'xn--bcher-kva.example', 'intranet.example.org' ), sanitize_option( 'shareworthy_allowed_hosts', "Example.COM.\nbücher.example, intranet.example.org\nhttps://evil.example/path\n*.wild.example" ) );
		$this->assertSame( 120, sanitize_option( 'shareworthy_click_retention_months', '999' ) );
		$this->assertSame( 1, sanitize_option( 'shareworthy_click_retention_months', '-3' ) );
		$this->assertSame( 'newsletter2script', sanitize_option( 'shareworthy_utm_medium', ' Newsletter 2<script> ' ) );
		$this->assertSame( 'employee_advocacy', sanitize_option( 'shareworthy_utm_medium', 'Employee_Advocacy' ) );
		$this->assertSame( 'shareworthy', sanitize_option( 'shareworthy_default_campaign', '!!! ---' ) );
		$this->assertSame( array(), sanitize_option( 'shareworthy_post_types', array( 'nope', '' ) ) );
	}

	public function test_the_networks_setting_narrows_what_employees_can_share_to(): void {
		update_option( 'shareworthy_networks', sanitize_option( 'shareworthy_networks', array( 'x', 'linkedin' ) ) );
		$this->assertSame( array( 'linkedin', 'x' ), Shareworthy_Items::networks() );
	}

	public function test_only_managers_get_the_page(): void {
		require_once ABSPATH . 'wp-admin/includes/template.php';
		$this->assertSame( 'manage_shareworthy', apply_filters( 'option_page_capability_shareworthy', 'manage_options' ) );
		$this->as_role( 'editor' );
		ob_start();
		Shareworthy_Settings::render();
		$this->assertSame( '', ob_get_clean() );
		$this->as_role( 'administrator' );
		ob_start();
		Shareworthy_Settings::render();
		$html = (string) ob_get_clean();
		foreach ( array_keys( Shareworthy_Settings::options() ) as $name ) {
			$this->assertStringContainsString( 'name="' . $name, $html );
		}
		$this->assertStringContainsString( 'value="shareworthy"', $html ); // settings_fields() group.
	}
}
