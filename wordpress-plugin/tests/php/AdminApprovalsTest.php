<?php
/**
 * Shareworthy → Approval queue.
 *
 * @package Shareworthy
 */

/**
 * Pending items are listed; editors approve them or send them back with a comment.
 */
final class AdminApprovalsTest extends Shareworthy_TestCase {

	public function test_pending_items_are_listed_with_a_form_each(): void {
		$pending  = $this->item( array( Shareworthy_Meta::STATUS => 'pending' ), '', array( 'post_title' => 'Nouvelle usine à Grenoble' ) );
		$approved = $this->item( array(), '', array( 'post_title' => 'Already approved' ) );
		$this->as_role( 'editor' );
		$ids = array_map( static fn( WP_Post $post ): int => $post->ID, Shareworthy_Admin_Approvals::pending() );
		$this->assertContains( $pending, $ids );
		$this->assertNotContains( $approved, $ids );
		ob_start();
		Shareworthy_Admin_Approvals::render();
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( '>Nouvelle usine à Grenoble</a>', $html );
		$this->assertStringContainsString( 'name="item" value="' . $pending . '"', $html );
		$this->assertStringNotContainsString( 'Already approved', $html );
	}

	public function test_an_editor_approves_a_pending_item(): void {
		$item   = $this->item( array( Shareworthy_Meta::STATUS => 'pending' ) );
		$editor = $this->as_role( 'editor' );
		$this->assertTrue( Shareworthy_Admin_Approvals::review( $item, 'approve', '' ) );
		$this->assertSame( 'approved', get_post_meta( $item, Shareworthy_Meta::STATUS, true ) );
		$this->assertSame( $editor, get_post_meta( $item, Shareworthy_Admin_Approvals::REVIEW_META, true )['by'] );
		$this->assertTrue( is_protected_meta( Shareworthy_Admin_Approvals::REVIEW_META, 'post' ) );
	}

	public function test_sending_back_needs_a_comment_and_keeps_it(): void {
		$item = $this->item( array( Shareworthy_Meta::STATUS => 'pending' ) );
		$this->as_role( 'editor' );
		$this->assertSame( 'shareworthy_comment_required', Shareworthy_Admin_Approvals::review( $item, 'reject', " \n " )->get_error_code() );
		$this->assertSame( 'pending', get_post_meta( $item, Shareworthy_Meta::STATUS, true ) );
		$this->assertTrue( Shareworthy_Admin_Approvals::review( $item, 'reject', "Retirez le chiffre d'affaires <b>interne</b>." ) );
		$this->assertSame( 'draft', get_post_meta( $item, Shareworthy_Meta::STATUS, true ) );
		$this->assertSame( "Retirez le chiffre d'affaires interne.", get_post_meta( $item, Shareworthy_Admin_Approvals::REVIEW_META, true )['comment'] );
	}

	public function test_only_reviewers_review_and_only_pending_items(): void {
		$item = $this->item( array( Shareworthy_Meta::STATUS => 'pending' ) );
		foreach ( array( 'subscriber', 'author' ) as $role ) {
			$this->as_role( $role );
			$this->assertSame( 'shareworthy_forbidden', Shareworthy_Admin_Approvals::review( $item, 'approve', '' )->get_error_code(), $role );
		}
		$this->as_role( 'editor' );
		$this->assertSame( 'shareworthy_invalid_decision', Shareworthy_Admin_Approvals::review( $item, 'publish', '' )->get_error_code() );
		$this->assertTrue( Shareworthy_Admin_Approvals::review( $item, 'approve', '' ) );
		$this->assertSame( 'shareworthy_not_pending', Shareworthy_Admin_Approvals::review( $item, 'approve', '' )->get_error_code() );
	}
}
