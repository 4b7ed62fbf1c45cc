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
		$this->in_locale(
			'fr_FR',
			function (): void {
				$response = $this->rest( 'GET', '/shareworthy/v1/items' );
				$this->assertSame( 'Vous n’êtes pas autorisé à partager des contenus.', $response->get_data()['message'] );
				$this->assertSame( 'Campagnes', __( 'Campaigns', 'shareworthy' ) );
			}
		);
		$this->assertSame( 'Campaigns', __( 'Campaigns', 'shareworthy' ) );
	}

	public function test_after_a_french_test_french_still_loads_just_in_time(): void {
		$this->in_locale( 'fr_FR', static fn() => null );
		$french = static fn(): string => 'fr_FR';
		add_filter( 'determine_locale', $french );
		unload_textdomain( 'shareworthy', true );
		WP_Translation_Controller::get_instance()->set_locale( 'fr_FR' );
		try {
			// No explicit load: what a page in another locale does on its first __() call.
			$this->assertSame( 'Campagnes', __( 'Campaigns', 'shareworthy' ) );
		} finally {
			remove_filter( 'determine_locale', $french );
			unload_textdomain( 'shareworthy', true );
			WP_Translation_Controller::get_instance()->set_locale( determine_locale() );
		}
	}
}
