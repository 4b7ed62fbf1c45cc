<?php
/**
 * Shareworthy_Settings: retention in days, the one-time migrations, the options' defaults.
 *
 * @package Shareworthy
 */

/**
 * Older sites keep their values: months become days, the policy's network list becomes the
 * site's, the share block's public-links attribute becomes the site-wide setting.
 */
final class SettingsTest extends Shareworthy_TestCase {

	/**
	 * Pretends the migrations never ran.
	 */
	private function before_migration(): void {
		delete_option( Shareworthy_Settings::MIGRATION_OPTION );
		delete_option( Shareworthy_Settings::RETENTION_DAYS_OPTION );
		delete_option( Shareworthy_Settings::PUBLIC_BUTTONS_OPTION );
	}

	public function test_retention_defaults_to_395_days(): void {
		delete_option( Shareworthy_Settings::RETENTION_DAYS_OPTION );
		delete_option( Shareworthy_Settings::RETENTION_MONTHS_OPTION );
		$this->assertSame( 395, Shareworthy_Settings::retention_days() );
	}

	public function test_months_never_become_more_days_than_those_months_hold(): void {
		$this->assertSame( 30, Shareworthy_Settings::months_to_days( 1 ) );
		$this->assertSame( 365, Shareworthy_Settings::months_to_days( 12 ) );
		$this->assertSame( 395, Shareworthy_Settings::months_to_days( 13 ) );
		$this->assertSame( 3650, Shareworthy_Settings::months_to_days( 120 ) );
	}

	public function test_retention_in_months_is_migrated_once_to_days(): void {
		$this->before_migration();
		update_option( Shareworthy_Settings::RETENTION_MONTHS_OPTION, 6 );
		$this->assertSame( 182, Shareworthy_Settings::retention_days(), 'read before the migration ran' );
		Shareworthy_Settings::maybe_migrate();
		$this->assertSame( 182, (int) get_option( Shareworthy_Settings::RETENTION_DAYS_OPTION ) );
		$this->assertFalse( get_option( Shareworthy_Settings::RETENTION_MONTHS_OPTION ) );
		// Once: a later change in days is not overwritten.
		update_option( Shareworthy_Settings::RETENTION_DAYS_OPTION, 20 );
		update_option( Shareworthy_Settings::RETENTION_MONTHS_OPTION, 6 );
		Shareworthy_Settings::maybe_migrate();
		$this->assertSame( 20, Shareworthy_Settings::retention_days() );
	}

	public function test_the_policy_network_list_becomes_the_sites_network_list(): void {
		$this->before_migration();
		update_option( Shareworthy_Settings::NETWORKS_OPTION, array( 'linkedin', 'x', 'bluesky' ) );
		update_option( Shareworthy_Blocks::POLICY_OPTION, array( 'blockedTerms' => array( 'secret' ), 'allowedNetworks' => array( 'x', 'linkedin', 'facebook' ) ) );
		Shareworthy_Settings::maybe_migrate();
		$this->assertSame( array( 'linkedin', 'x' ), Shareworthy_Items::networks() );
		$this->assertSame( array( 'blockedTerms' => array( 'secret' ) ), get_option( Shareworthy_Blocks::POLICY_OPTION ) );
	}

	public function test_an_empty_policy_network_list_meant_all_and_changes_nothing(): void {
		$this->before_migration();
		update_option( Shareworthy_Settings::NETWORKS_OPTION, array( 'linkedin', 'x' ) );
		update_option( Shareworthy_Blocks::POLICY_OPTION, array( 'allowedNetworks' => array() ) );
		Shareworthy_Settings::maybe_migrate();
		$this->assertSame( array( 'linkedin', 'x' ), Shareworthy_Items::networks() );
	}

	public function test_public_buttons_stay_on_where_a_share_block_had_public_links(): void {
		$this->before_migration();
		Shareworthy_Settings::maybe_migrate();
		$this->assertFalse( Shareworthy_Settings::public_buttons(), 'off by default' );

		$this->before_migration();
		$this->item( array(), '', array( 'post_content' => '<!-- wp:paragraph --><p>x</p><!-- /wp:paragraph --><!-- wp:shareworthy/share {"publicLinks":true} /-->' ) );
		Shareworthy_Settings::maybe_migrate();
		$this->assertTrue( Shareworthy_Settings::public_buttons() );
	}

	public function test_gamification_falls_back_to_its_defaults(): void {
		delete_option( Shareworthy_Settings::GAMIFICATION_OPTION );
		$this->assertSame( array( 'enabled' => false, 'pointsPerShare' => 10, 'pointsPerClick' => 1 ), Shareworthy_Settings::gamification() );
		update_option( Shareworthy_Settings::GAMIFICATION_OPTION, array( 'enabled' => true ) );
		$this->assertSame( array( 'enabled' => true, 'pointsPerShare' => 10, 'pointsPerClick' => 1 ), Shareworthy_Settings::gamification() );
	}

	public function test_hosts_are_lower_case_punycode_without_scheme_or_path(): void {
		$this->assertSame( array( 'example.com', 'xn--bcher-kva.example', 'intranet.example.org' ), Shareworthy_Settings::sanitize_hosts( "Example.COM.\nbücher.example, intranet.example.org\nhttps://evil.example/path\n*.wild.example" ) );
	}
}
