<?php
/**
 * Shareworthy → Reported concerns.
 *
 * @package Shareworthy
 */

/**
 * Concerns are listed by state; editors resolve or archive them.
 */
final class AdminConcernsTest extends Shareworthy_TestCase {

	/**
	 * A concern about an item, as the front end stores it.
	 *
	 * @param int    $item_id Item.
	 * @param string $reason  Text.
	 */
	private function concern( int $item_id, string $reason ): int {
		$id = wp_insert_post(
			array(
				'post_type'    => Shareworthy_Blocks::CONCERN_TYPE,
				'post_status'  => 'private',
				'post_parent'  => $item_id,
				'post_title'   => 'Concern about item ' . $item_id,
				'post_content' => $reason,
			),
			true
		);
		$this->assertIsInt( $id );
		return $id;
	}

	public function test_open_concerns_are_listed_with_their_item_and_text(): void {
		$item    = $this->item( array(), '', array( 'post_title' => 'Plant opening' ) );
		$concern = $this->concern( $item, "Le chiffre <b>interne</b> est cité.\nدقيق؟" );
		$this->as_role( 'editor' );
		$this->assertContains( $concern, array_map( static fn( WP_Post $p ): int => $p->ID, Shareworthy_Admin_Concerns::concerns( 'open' ) ) );
		ob_start();
		Shareworthy_Admin_Concerns::render();
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( '>Plant opening</a>', $html );
		$this->assertStringContainsString( 'Le chiffre &lt;b&gt;interne&lt;/b&gt; est cité.<br />', $html );
		$this->assertStringContainsString( 'name="concern" value="' . $concern . '"', $html );
	}

	public function test_resolving_and_archiving_move_a_concern_between_lists(): void {
		$concern = $this->concern( $this->item(), 'Wrong date.' );
		$this->as_role( 'editor' );
		$this->assertTrue( Shareworthy_Admin_Concerns::set_state( $concern, 'resolved' ) );
		$ids = static fn( string $state ): array => array_map( static fn( WP_Post $p ): int => $p->ID, Shareworthy_Admin_Concerns::concerns( $state ) );
		$this->assertNotContains( $concern, $ids( 'open' ) );
		$this->assertContains( $concern, $ids( 'resolved' ) );
		$this->assertTrue( Shareworthy_Admin_Concerns::set_state( $concern, 'archived' ) );
		$this->assertSame( array( false, true ), array( in_array( $concern, $ids( 'resolved' ), true ), in_array( $concern, $ids( 'archived' ), true ) ) );
	}

	public function test_only_reviewers_change_concerns_and_only_to_known_states(): void {
		$concern = $this->concern( $this->item(), 'Typo.' );
		$item    = $this->item();
		foreach ( array( 'subscriber', 'author' ) as $role ) {
			$this->as_role( $role );
			$this->assertSame( 'shareworthy_forbidden', Shareworthy_Admin_Concerns::set_state( $concern, 'resolved' )->get_error_code(), $role );
		}
		$this->as_role( 'editor' );
		$this->assertSame( 'shareworthy_invalid_state', Shareworthy_Admin_Concerns::set_state( $concern, 'deleted' )->get_error_code() );
		$this->assertSame( 'shareworthy_concern_not_found', Shareworthy_Admin_Concerns::set_state( $item, 'resolved' )->get_error_code() );
		$this->assertSame( '', get_post_meta( $concern, Shareworthy_Admin_Concerns::STATE_META, true ) );
	}
}
