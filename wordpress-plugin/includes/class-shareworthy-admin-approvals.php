<?php
/**
 * Shareworthy → Approval queue: items submitted for approval, approved or sent back with a comment.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * A server-rendered list (plain forms: it works without JavaScript) of the items whose
 * review status is pending, for users with publish_shareworthy_items.
 */
final class Shareworthy_Admin_Approvals {

	/** Page slug. */
	public const PAGE = 'shareworthy-approvals';

	/**
	 * Post meta: the last decision, {decision, comment, by, at}. Protected through
	 * is_protected_meta rather than a leading underscore, so the uninstaller's shareworthy_%
	 * cleanup removes it.
	 */
	public const REVIEW_META = 'shareworthy_review';

	/** admin-post action of the forms. */
	private const ACTION = 'shareworthy_review';

	/** Longest comment kept, in characters. */
	private const COMMENT_MAX = 2000;

	/**
	 * Adds the hooks (from Shareworthy_Admin::boot).
	 */
	public static function boot(): void {
		add_action( 'admin_menu', array( __CLASS__, 'add_page' ), 20 );
		add_action( 'admin_post_' . self::ACTION, array( __CLASS__, 'handle_form' ) );
		add_filter( 'is_protected_meta', static fn( $protected, $key ): bool => self::REVIEW_META === $key || (bool) $protected, 10, 2 );
	}

	/**
	 * Shareworthy → Approval queue.
	 */
	public static function add_page(): void {
		add_submenu_page( Shareworthy_Admin::REPORTS_PAGE, __( 'Approval queue', 'shareworthy' ), __( 'Approval queue', 'shareworthy' ), Shareworthy_Capabilities::PUBLISH, self::PAGE, array( __CLASS__, 'render' ) );
	}

	/**
	 * Approves an item, or sends it back to draft with a comment its author reads in the editor.
	 *
	 * @param int    $post_id  Item.
	 * @param string $decision 'approve' or 'reject'.
	 * @param string $comment  Why (required to reject).
	 * @return true|WP_Error
	 */
	public static function review( int $post_id, string $decision, string $comment ) {
		if ( ! current_user_can( Shareworthy_Capabilities::PUBLISH ) || ! current_user_can( 'edit_post', $post_id ) ) {
			return new WP_Error( 'shareworthy_forbidden', __( 'You are not allowed to review this item.', 'shareworthy' ), array( 'status' => 403 ) );
		}
		if ( 'pending' !== get_post_meta( $post_id, Shareworthy_Meta::STATUS, true ) ) {
			return new WP_Error( 'shareworthy_not_pending', __( 'This item is not waiting for approval any more.', 'shareworthy' ), array( 'status' => 409 ) );
		}
		$comment = mb_substr( trim( sanitize_textarea_field( $comment ) ), 0, self::COMMENT_MAX );
		if ( ! in_array( $decision, array( 'approve', 'reject' ), true ) ) {
			return new WP_Error( 'shareworthy_invalid_decision', __( 'Choose to approve or to send back.', 'shareworthy' ), array( 'status' => 400 ) );
		}
		if ( 'reject' === $decision && '' === $comment ) {
			return new WP_Error( 'shareworthy_comment_required', __( 'Say what to change when you send an item back.', 'shareworthy' ), array( 'status' => 400 ) );
		}
		update_post_meta( $post_id, Shareworthy_Meta::STATUS, 'approve' === $decision ? 'approved' : 'draft' );
		update_post_meta(
			$post_id,
			self::REVIEW_META,
			array(
				'decision' => $decision,
				'comment'  => $comment,
				'by'       => get_current_user_id(),
				'at'       => gmdate( 'c' ),
			)
		);
		return true;
	}

	/**
	 * The forms' target: one decision, then back to the queue with a notice.
	 */
	public static function handle_form(): void {
		$post_id = isset( $_POST['item'] ) ? absint( $_POST['item'] ) : 0;
		check_admin_referer( self::ACTION . '_' . $post_id );
		$result = self::review( $post_id, sanitize_key( wp_unslash( $_POST['decision'] ?? '' ) ), (string) wp_unslash( $_POST['comment'] ?? '' ) ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- sanitized in review().
		$args   = true === $result
			? array( 'reviewed' => sanitize_key( wp_unslash( $_POST['decision'] ?? '' ) ) )
			: array( 'review_error' => $result->get_error_code() );
		wp_safe_redirect( add_query_arg( $args + array( 'page' => self::PAGE ), admin_url( 'admin.php' ) ) );
		exit;
	}

	/**
	 * Items waiting for approval, oldest change first.
	 *
	 * @return list<WP_Post>
	 */
	public static function pending(): array {
		return get_posts(
			array(
				'post_type'        => Shareworthy_Items::post_types(),
				'post_status'      => array( 'publish', 'future', 'draft', 'pending', 'private' ),
				'meta_key'         => Shareworthy_Meta::STATUS, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key
				'meta_value'       => 'pending', // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_value
				'orderby'          => 'modified',
				'order'            => 'ASC',
				'numberposts'      => 100,
				'suppress_filters' => false,
			)
		);
	}

	/**
	 * The queue.
	 */
	public static function render(): void {
		if ( ! current_user_can( Shareworthy_Capabilities::PUBLISH ) ) {
			return;
		}
		echo '<div class="wrap"><h1>' . esc_html__( 'Approval queue', 'shareworthy' ) . '</h1>';
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- display only.
		$done  = sanitize_key( wp_unslash( $_GET['reviewed'] ?? '' ) );
		$error = sanitize_key( wp_unslash( $_GET['review_error'] ?? '' ) );
		// phpcs:enable
		if ( 'approve' === $done || 'reject' === $done ) {
			printf( '<div class="notice notice-success" role="status"><p>%s</p></div>', esc_html( 'approve' === $done ? __( 'Item approved: employees can share it.', 'shareworthy' ) : __( 'Item sent back to its author with your comment.', 'shareworthy' ) ) );
		} elseif ( '' !== $error ) {
			$messages = array(
				'shareworthy_comment_required' => __( 'Say what to change when you send an item back.', 'shareworthy' ),
				'shareworthy_not_pending'      => __( 'This item is not waiting for approval any more.', 'shareworthy' ),
			);
			printf( '<div class="notice notice-error" role="alert"><p>%s</p></div>', esc_html( $messages[ $error ] ?? __( 'The item could not be reviewed.', 'shareworthy' ) ) );
		}
		$items = self::pending();
		if ( array() === $items ) {
			echo '<p>' . esc_html__( 'Nothing is waiting for approval.', 'shareworthy' ) . '</p></div>';
			return;
		}
		echo '<table class="widefat striped"><caption class="screen-reader-text">' . esc_html__( 'Items waiting for approval', 'shareworthy' ) . '</caption><thead><tr>';
		foreach ( array( __( 'Item', 'shareworthy' ), __( 'Author', 'shareworthy' ), __( 'Campaign', 'shareworthy' ), __( 'Last change', 'shareworthy' ), __( 'Decision', 'shareworthy' ) ) as $header ) {
			echo '<th scope="col">' . esc_html( $header ) . '</th>';
		}
		echo '</tr></thead><tbody>';
		foreach ( $items as $item ) {
			$campaign = Shareworthy_Items::campaign( $item );
			$comment  = 'shareworthy-comment-' . $item->ID;
			echo '<tr><th scope="row"><a href="' . esc_url( (string) get_edit_post_link( $item->ID ) ) . '">' . esc_html( get_the_title( $item ) ) . '</a></th>';
			echo '<td>' . esc_html( (string) get_the_author_meta( 'display_name', (int) $item->post_author ) ) . '</td>';
			echo '<td>' . esc_html( null === $campaign ? '—' : html_entity_decode( $campaign['name'], ENT_QUOTES, 'UTF-8' ) ) . '</td>';
			echo '<td>' . esc_html( (string) get_the_modified_date( '', $item ) ) . '</td><td>';
			echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
			wp_nonce_field( self::ACTION . '_' . $item->ID );
			printf( '<input type="hidden" name="action" value="%s"><input type="hidden" name="item" value="%d">', esc_attr( self::ACTION ), (int) $item->ID );
			/* translators: %s: item title */
			printf( '<label for="%1$s">%2$s</label><br><textarea id="%1$s" name="comment" rows="2" cols="40" maxlength="%3$d"></textarea><br>', esc_attr( $comment ), esc_html( sprintf( __( 'Comment on “%s” (required to send back)', 'shareworthy' ), get_the_title( $item ) ) ), (int) self::COMMENT_MAX );
			printf( '<button type="submit" name="decision" value="approve" class="button button-primary">%s</button> ', esc_html__( 'Approve', 'shareworthy' ) );
			printf( '<button type="submit" name="decision" value="reject" class="button">%s</button>', esc_html__( 'Send back', 'shareworthy' ) );
			echo '</form></td></tr>';
		}
		echo '</tbody></table></div>';
	}
}
