<?php
/**
 * Translations.
 *
 * @package Shareworthy
 */

/**
 * The fr_FR catalogue is found in the plugin's languages folder.
 */
final class I18nTest extends Shareworthy_TestCase {

	public function test_a_french_site_gets_french_errors(): void {
		$french = static fn(): string => 'fr_FR';
		add_filter( 'determine_locale', $french );
		unload_textdomain( 'shareworthy' );
		try {
			Shareworthy_Plugin::load_textdomain();
			$response = $this->rest( 'GET', '/shareworthy/v1/items' );
			$this->assertSame( 'Vous n’êtes pas autorisé à partager des contenus.', $response->get_data()['message'] );
			$this->assertSame( 'Campagnes', __( 'Campaigns', 'shareworthy' ) );
		} finally {
			remove_filter( 'determine_locale', $french );
			unload_textdomain( 'shareworthy' );
			Shareworthy_Plugin::load_textdomain();
		}
		$this->assertSame( 'Campaigns', __( 'Campaigns', 'shareworthy' ) );
	}
}
