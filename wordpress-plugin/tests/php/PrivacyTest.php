<?php
/**
 * Privacy tools.
 *
 * @package Shareworthy
 */

/**
 * Export and erase an employee's shares through WordPress' personal-data tools.
 */
final class PrivacyTest extends Shareworthy_TestCase {

	public function test_the_exporter_and_eraser_are_registered(): void {
		$this->assertArrayHasKey( 'shareworthy', apply_filters( 'wp_privacy_personal_data_exporters', array() ) );
		$this->assertArrayHasKey( 'shareworthy', apply_filters( 'wp_privacy_personal_data_erasers', array() ) );
	}

	public function test_an_export_lists_the_employees_shares_with_clicks(): void {
		$user  = $this->as_role( 'subscriber' );
		$item  = $this->item( array(), '', array( 'post_title' => 'Nous recrutons' ) );
		$share = $this->share( $item, 'x' );
		Shareworthy_Clicks::record( $share['id'], str_repeat( 'c', 64 ), time() );
		$this->as_role( 'subscriber' );
		$this->share( $item ); // Someone else's share.

		$export = Shareworthy_Privacy::export( get_userdata( $user )->user_email );
		$this->assertTrue( $export['done'] );
		$this->assertCount( 1, $export['data'] );
		$fields = array_column( $export['data'][0]['data'], 'value', 'name' );
		$this->assertSame( 'Nous recrutons', $fields['Item'] );
		$this->assertSame( 'x', $fields['Network'] );
		$this->assertSame( $share['trackedUrl'], $fields['Tracked link'] );
		$this->assertSame( '1', $fields['Clicks'] );
	}

	public function test_an_unknown_address_exports_nothing(): void {
		$this->assertSame( array( 'data' => array(), 'done' => true ), Shareworthy_Privacy::export( 'nobody@example.invalid' ) );
	}

	public function test_erasing_removes_the_employees_shares_and_their_clicks_only(): void {
		$user   = $this->as_role( 'subscriber' );
		$item   = $this->item();
		$mine   = $this->share( $item );
		Shareworthy_Clicks::record( $mine['id'], str_repeat( 'd', 64 ), time() );
		$this->as_role( 'subscriber' );
		$theirs = $this->share( $item );
		Shareworthy_Clicks::record( $theirs['id'], str_repeat( 'e', 64 ), time() );

		$result = Shareworthy_Privacy::erase( get_userdata( $user )->user_email );
		$this->assertTrue( $result['items_removed'] );
		$this->assertTrue( $result['done'] );
		$this->assertNull( Shareworthy_Shares::find( $mine['id'] ) );
		$this->assertSame( 0, Shareworthy_Clicks::count_for_share( $mine['id'] ) );
		$this->assertNotNull( Shareworthy_Shares::find( $theirs['id'] ) );
		$this->assertSame( 1, Shareworthy_Clicks::count_for_share( $theirs['id'] ) );
		$this->assertFalse( Shareworthy_Privacy::erase( get_userdata( $user )->user_email )['items_removed'] );
	}

	public function test_deleting_a_user_deletes_their_shares(): void {
		require_once ABSPATH . 'wp-admin/includes/user.php';
		$user  = $this->as_role( 'subscriber' );
		$share = $this->share( $this->item() );
		wp_set_current_user( 0 );
		wp_delete_user( $user );
		$this->assertNull( Shareworthy_Shares::find( $share['id'] ) );
	}
}
