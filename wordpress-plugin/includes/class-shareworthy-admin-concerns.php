<?php
/**
 * Shareworthy → Reported concerns: what employees reported about items, resolved or archived.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Lists the front end's concerns (private posts of Shareworthy_Blocks::CONCERN_TYPE, parent =
 * the item) by state, with plain forms to resolve or archive each one.
 */
final class Shareworthy_Admin_Concerns {

	/** Page slug. */
	public const PAGE = 'shareworthy-concerns';

	/** Post meta: 'resolved' or 'archived'; absent while the concern is open. */
	public const STATE_META = 'shareworthy_concern_state';

	/** States a concern moves to. */
	public const STATES = array( 'resolved', 'archived' );

	/** admin-post action of the forms. */
	private const ACTION = 'shareworthy_concern_state';

	/**
	 * Adds the hooks (from Shareworthy_Admin::boot).
	 */
	public static function boot(): void {
		add_action( 'admin_menu', array( __CLASS__, 'add_page' ), 20 );
		add_action( 'admin_post_' . self::ACTION, array( __CLASS__, 'handle_form' ) );
	}

	/**
	 * Shareworthy → Reported concerns.
	 */
	public static function add_page(): void {
		add_submenu_page( Shareworthy_Admin::REPORTS_PAGE, __( 'Reported concerns', 'shareworthy' ), __( 'Reported concerns', 'shareworthy' ), Shareworthy_Capabilities::PUBLISH, self::PAGE, array( __CLASS__, 'render' ) );
	}

	/**
	 * Moves a concern to a state.
	 *
	 * @param int    $concern_id Concern.
	 * @param string $state      One of STATES.
	 * @return true|WP_Error
	 */
	public static function set_state( int $concern_id, string $state ) {
		$concern = get_post( $concern_id );
		if ( ! $concern instanceof WP_Post || Shareworthy_Blocks::CONCERN_TYPE !== $concern->post_type ) {
			return new WP_Error( 'shareworthy_concern_not_found', __( 'No such concern.', 'shareworthy' ), array( 'status' => 404 ) );
		}
		if ( ! current_user_can( Shareworthy_Capabilities::PUBLISH ) || ! current_user_can( 'edit_post', $concern_id ) ) {
			return new WP_Error( 'shareworthy_forbidden', __( 'You are not allowed to change this concern.', 'shareworthy' ), array( 'status' => 403 ) );
		}
		if ( ! in_array( $state, self::STATES, true ) ) {
			return new WP_Error( 'shareworthy_invalid_state', __( 'Choose to resolve or to archive.', 'shareworthy' ), array( 'status' => 400 ) );
		}
		update_post_meta( $concern_id, self::STATE_META, $state );
		return true;
	}

	/**
	 * Concerns in a state ('open' for those without one), newest first.
	 *
	 * @param string $state 'open' or one of STATES.
	 * @return list<WP_Post>
	 */
	public static function concerns( string $state ): array {
		$meta = 'open' === $state
			? array(
				'key'     => self::STATE_META,
				'compare' => 'NOT EXISTS',
			)
			: array(
				'key'   => self::STATE_META,
				'value' => $state,
			);
		return get_posts(
			array(
				'post_type'   => Shareworthy_Blocks::CONCERN_TYPE,
				'post_status' => 'private',
				'meta_query'  => array( $meta ), // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query
				'orderby'     => 'date',
				'order'       => 'DESC',
				'numberposts' => 100,
			)
		);
	}

	/**
	 * The forms' target.
	 */
	public static function handle_form(): void {
		$concern_id = isset( $_POST['concern'] ) ? absint( $_POST['concern'] ) : 0;
		check_admin_referer( self::ACTION . '_' . $concern_id );
		$state  = sanitize_key( wp_unslash( $_POST['state'] ?? '' ) );
		$result = self::set_state( $concern_id, $state );
		$args   = true === $result ? array( 'changed' => $state ) : array( 'concern_error' => $result->get_error_code() );
		wp_safe_redirect( add_query_arg( $args + array( 'page' => self::PAGE ), admin_url( 'admin.php' ) ) );
		exit;
	}

	/**
	 * The list, one state at a time.
	 */
	public static function render(): void {
		if ( ! current_user_can( Shareworthy_Capabilities::PUBLISH ) ) {
			return;
		}
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- display only.
		$state   = sanitize_key( wp_unslash( $_GET['state'] ?? 'open' ) );
		$changed = sanitize_key( wp_unslash( $_GET['changed'] ?? '' ) );
		$error   = sanitize_key( wp_unslash( $_GET['concern_error'] ?? '' ) );
		// phpcs:enable
		$labels = array(
			'open'     => __( 'Open', 'shareworthy' ),
			'resolved' => __( 'Resolved', 'shareworthy' ),
			'archived' => __( 'Archived', 'shareworthy' ),
		);
		$state  = isset( $labels[ $state ] ) ? $state : 'open';
		echo '<div class="wrap"><h1>' . esc_html__( 'Reported concerns', 'shareworthy' ) . '</h1>';
		if ( in_array( $changed, self::STATES, true ) ) {
			printf( '<div class="notice notice-success" role="status"><p>%s</p></div>', esc_html( 'resolved' === $changed ? __( 'Concern marked as resolved.', 'shareworthy' ) : __( 'Concern archived.', 'shareworthy' ) ) );
		} elseif ( '' !== $error ) {
			printf( '<div class="notice notice-error" role="alert"><p>%s</p></div>', esc_html__( 'The concern could not be changed.', 'shareworthy' ) );
		}
		echo '<nav aria-label="' . esc_attr__( 'Concerns by state', 'shareworthy' ) . '"><ul class="subsubsub">';
		foreach ( $labels as $key => $label ) {
			$url = add_query_arg(
				array(
					'page'  => self::PAGE,
					'state' => $key,
				),
				admin_url( 'admin.php' )
			);
			printf( '<li><a href="%1$s"%2$s>%3$s</a> %4$s</li>', esc_url( $url ), $key === $state ? ' class="current" aria-current="page"' : '', esc_html( $label ), 'archived' === $key ? '' : '|' );
		}
		echo '</ul></nav><br class="clear">';
		$concerns = self::concerns( $state );
		if ( array() === $concerns ) {
			echo '<p>' . esc_html__( 'No concerns here.', 'shareworthy' ) . '</p></div>';
			return;
		}
		echo '<table class="widefat striped"><caption class="screen-reader-text">' . esc_html( $labels[ $state ] ) . '</caption><thead><tr>';
		foreach ( array( __( 'Item', 'shareworthy' ), __( 'Concern', 'shareworthy' ), __( 'Reported by', 'shareworthy' ), __( 'Date', 'shareworthy' ), __( 'Decision', 'shareworthy' ) ) as $header ) {
			echo '<th scope="col">' . esc_html( $header ) . '</th>';
		}
		echo '</tr></thead><tbody>';
		foreach ( $concerns as $concern ) {
			$item = get_post( $concern->post_parent );
			echo '<tr><th scope="row">' . ( $item instanceof WP_Post ? '<a href="' . esc_url( (string) get_edit_post_link( $item->ID ) ) . '">' . esc_html( get_the_title( $item ) ) . '</a>' : esc_html__( '(deleted item)', 'shareworthy' ) ) . '</th>';
			echo '<td>' . nl2br( esc_html( $concern->post_content ) ) . '</td>';
			echo '<td>' . esc_html( (string) get_the_author_meta( 'display_name', (int) $concern->post_author ) ) . '</td>';
			echo '<td>' . esc_html( (string) get_the_date( '', $concern ) ) . '</td><td>';
			$buttons = array(
				'resolved' => __( 'Resolve', 'shareworthy' ),
				'archived' => __( 'Archive', 'shareworthy' ),
			);
			unset( $buttons[ $state ] );
			echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
			wp_nonce_field( self::ACTION . '_' . $concern->ID );
			printf( '<input type="hidden" name="action" value="%s"><input type="hidden" name="concern" value="%d">', esc_attr( self::ACTION ), (int) $concern->ID );
			foreach ( $buttons as $value => $label ) {
				/* translators: 1: action (Resolve or Archive), 2: concern title */
				printf( '<button type="submit" name="state" value="%1$s" class="button" aria-label="%2$s">%3$s</button> ', esc_attr( $value ), esc_attr( sprintf( __( '%1$s: %2$s', 'shareworthy' ), $label, get_the_title( $concern ) ) ), esc_html( $label ) );
			}
			echo '</form></td></tr>';
		}
		echo '</tbody></table></div>';
	}
}
