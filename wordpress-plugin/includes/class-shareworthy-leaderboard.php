<?php
/**
 * Gamification: the leaderboard block, its REST route and the admin view; per-post summaries.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/class-shareworthy-points.php';
require_once __DIR__ . '/class-shareworthy-report-period.php';
require_once __DIR__ . '/class-shareworthy-rest-leaderboard-controller.php';
require_once __DIR__ . '/class-shareworthy-post-summary.php';

/**
 * The `shareworthy/leaderboard` block (rendered in PHP), Shareworthy → Leaderboard, and the
 * route both read through. Nothing shows points while gamification is off.
 */
final class Shareworthy_Leaderboard {

	/** Slug of the admin page. */
	public const PAGE = 'shareworthy-leaderboard';

	/** Periods the block and the admin page offer: days, or 'all'. */
	public const PERIODS = array( '7', '30', '90', 'all' );

	/**
	 * Adds the hooks (called once from the bootstrap).
	 */
	public static function boot(): void {
		add_action( 'init', array( __CLASS__, 'register_block' ), 30 );
		add_action( 'rest_api_init', array( __CLASS__, 'register_routes' ) );
		// After Shareworthy_Admin's menu (priority 10), whose top-level page is the parent.
		add_action( 'admin_menu', array( __CLASS__, 'add_page' ), 30 );
		// Only on one's own profile: appearing by name is each employee's own choice.
		add_action( 'show_user_profile', array( __CLASS__, 'profile_field' ) );
		add_action( 'personal_options_update', array( __CLASS__, 'save_profile_field' ) );
		foreach ( array( 'added_user_meta', 'updated_user_meta', 'deleted_user_meta' ) as $hook ) {
			add_action( $hook, array( 'Shareworthy_Points', 'forget' ), 10, 3 );
		}
		Shareworthy_Post_Summary::boot();
	}

	/**
	 * The opt-in on the user's own profile (the same user meta as REST users/me).
	 *
	 * @param WP_User $user The user whose profile it is.
	 */
	public static function profile_field( WP_User $user ): void {
		if ( get_current_user_id() !== $user->ID ) {
			return;
		}
		printf(
			'<h2>%1$s</h2><table class="form-table" role="presentation"><tr><th scope="row">%2$s</th><td><label for="shareworthy-opt-in"><input type="checkbox" id="shareworthy-opt-in" name="shareworthy_leaderboard_opt_in" value="1"%3$s> %4$s</label><p class="description">%5$s</p></td></tr></table>',
			esc_html__( 'Shareworthy', 'shareworthy' ),
			esc_html__( 'Leaderboard', 'shareworthy' ),
			checked( Shareworthy_Points::opted_in( $user->ID ), true, false ),
			esc_html__( 'Show my name, shares, clicks and points on the leaderboard and in reports', 'shareworthy' ),
			esc_html__( 'Colleagues who are logged in see it. Unchecked, your activity only counts in totals.', 'shareworthy' )
		);
	}

	/**
	 * Saves the opt-in from the user's own profile form (WordPress checked its nonce).
	 *
	 * @param int $user_id The user saved.
	 */
	public static function save_profile_field( int $user_id ): void {
		if ( get_current_user_id() !== $user_id || ! current_user_can( 'edit_user', $user_id ) ) {
			return;
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- verified by wp-admin/profile.php (update-user_{id}).
		if ( isset( $_POST['shareworthy_leaderboard_opt_in'] ) ) {
			update_user_meta( $user_id, Shareworthy_Report::OPT_IN_META, '1' );
		} else {
			delete_user_meta( $user_id, Shareworthy_Report::OPT_IN_META );
		}
	}

	/**
	 * GET /shareworthy/v1/leaderboard.
	 */
	public static function register_routes(): void {
		( new Shareworthy_REST_Leaderboard_Controller() )->register_routes();
	}

	/**
	 * The block, from build/ like the share and feed blocks; the editor learns whether
	 * gamification is on, to show a notice instead of an empty preview.
	 */
	public static function register_block(): void {
		$dir = SHAREWORTHY_DIR . '/build/blocks/leaderboard';
		if ( ! is_readable( "{$dir}/block.json" ) ) {
			return;
		}
		$type = register_block_type( $dir );
		if ( ! $type instanceof WP_Block_Type ) {
			return;
		}
		foreach ( $type->editor_script_handles as $handle ) {
			wp_set_script_translations( $handle, 'shareworthy', SHAREWORTHY_DIR . '/languages' );
			wp_add_inline_script(
				$handle,
				'window.shareworthyLeaderboard = ' . wp_json_encode(
					array(
						'enabled'     => Shareworthy_Points::enabled(),
						'settingsUrl' => current_user_can( Shareworthy_Capabilities::MANAGE ) ? admin_url( 'admin.php?page=' . Shareworthy_Admin_Settings::PAGE ) : '',
					)
				) . ';',
				'before'
			);
		}
	}

	/**
	 * First day of a period ending today, in the site's zone, or null for all time.
	 *
	 * @param string $period One of PERIODS.
	 */
	private static function period_start( string $period ): ?string {
		if ( ! in_array( $period, self::PERIODS, true ) || 'all' === $period ) {
			return null;
		}
		return ( new DateTimeImmutable( 'today', wp_timezone() ) )->modify( '-' . ( (int) $period - 1 ) . ' days' )->format( 'Y-m-d' );
	}

	/**
	 * The leaderboard of a period for the current user.
	 *
	 * @param string $period One of PERIODS.
	 * @param int    $limit  Rows.
	 * @return array{rows: list<array<string, int|string>>, me: array<string, int|string>|null}
	 */
	private static function board( string $period, int $limit ): array {
		$options = array(
			'time_zone' => wp_timezone(),
			'limit'     => $limit,
			'viewer'    => get_current_user_id(),
		);
		$from    = self::period_start( $period );
		if ( null !== $from ) {
			$options['from'] = $from;
		}
		return Shareworthy_Points::leaderboard( $options );
	}

	/**
	 * Server render of the block: nothing for logged-out readers (employees opted in to be
	 * seen by colleagues, not by the public) or while gamification is off; otherwise the
	 * ranking as a table, the reader's row marked, and their own position below when it is
	 * not among the rows shown.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	public static function render_block( array $attributes ): string {
		if ( ! is_user_logged_in() || ! Shareworthy_Points::enabled() ) {
			return '';
		}
		$period = in_array( (string) ( $attributes['period'] ?? '30' ), self::PERIODS, true ) ? (string) $attributes['period'] : '30';
		$board  = self::board( $period, (int) ( $attributes['limit'] ?? 10 ) );
		$title_id = wp_unique_id( 'shareworthy-leaderboard-' );
		$title    = sprintf( '<h2 class="shareworthy-leaderboard__title" id="%1$s">%2$s</h2>', esc_attr( $title_id ), esc_html( self::period_label( $period ) ) );
		if ( array() === $board['rows'] ) {
			return sprintf( '<div %1$s>%2$s<p class="shareworthy-leaderboard__empty">%3$s</p></div>', get_block_wrapper_attributes(), $title, esc_html__( 'No one has opted in yet.', 'shareworthy' ) );
		}
		$viewer = get_current_user_id();
		$shown  = in_array( $viewer, array_column( $board['rows'], 'userId' ), true );
		$after  = '';
		if ( null !== $board['me'] && ! $shown ) {
			/* translators: 1: the reader's rank, 2: their points */
			$after = esc_html( sprintf( __( 'You are number %1$s with %2$s points.', 'shareworthy' ), number_format_i18n( (int) $board['me']['rank'] ), number_format_i18n( (int) $board['me']['points'] ) ) );
		} elseif ( null === $board['me'] ) {
			$after = sprintf(
				/* translators: %s: address of the reader's profile, where the opt-in is */
				wp_kses( __( 'You are not on the leaderboard: you can join it from <a href="%s">your profile</a>.', 'shareworthy' ), array( 'a' => array( 'href' => true ) ) ),
				esc_url( admin_url( 'profile.php#shareworthy-opt-in' ) )
			);
		}
		return sprintf(
			'<div %1$s>%2$s%3$s%4$s</div>',
			get_block_wrapper_attributes(),
			$title,
			// A narrow column may still be too narrow for large numbers: the table then scrolls
			// inside a focusable region, not the page (keyboard users can scroll it too).
			sprintf( '<div class="shareworthy-leaderboard__scroll" role="region" tabindex="0" aria-labelledby="%1$s">%2$s</div>', esc_attr( $title_id ), self::table( $board['rows'], $viewer, 'shareworthy-leaderboard__table' ) ),
			'' === $after ? '' : '<p class="shareworthy-leaderboard__me">' . $after . '</p>'
		);
	}

	/**
	 * The ranking as an accessible table (caption, column headers, the name as row header),
	 * the viewer's row marked with aria-current and a visible "(you)".
	 *
	 * @param list<array<string, int|string>> $rows   Rows of Shareworthy_Points::leaderboard().
	 * @param int                             $viewer Current user.
	 * @param string                          $class  Class of the table.
	 */
	public static function table( array $rows, int $viewer, string $class ): string {
		$body = '';
		foreach ( $rows as $row ) {
			$is_viewer = (int) $row['userId'] === $viewer;
			$body     .= sprintf(
				'<tr%1$s><td>%2$s</td><th scope="row">%3$s%4$s</th><td>%5$s</td><td>%6$s</td><td>%7$s</td></tr>',
				$is_viewer ? ' class="is-viewer" aria-current="true"' : '',
				esc_html( number_format_i18n( (int) $row['rank'] ) ),
				esc_html( (string) $row['name'] ),
				$is_viewer ? ' <span class="shareworthy-leaderboard__you">' . esc_html__( '(you)', 'shareworthy' ) . '</span>' : '',
				esc_html( number_format_i18n( (int) $row['shares'] ) ),
				esc_html( number_format_i18n( (int) $row['clicks'] ) ),
				esc_html( number_format_i18n( (int) $row['points'] ) )
			);
		}
		return sprintf(
			'<table class="%1$s"><caption class="screen-reader-text">%2$s</caption><thead><tr><th scope="col">%3$s</th><th scope="col">%4$s</th><th scope="col">%5$s</th><th scope="col">%6$s</th><th scope="col">%7$s</th></tr></thead><tbody>%8$s</tbody></table>',
			esc_attr( $class ),
			esc_html__( 'Employees by points', 'shareworthy' ),
			esc_html__( 'Rank', 'shareworthy' ),
			esc_html__( 'Employee', 'shareworthy' ),
			esc_html__( 'Shares', 'shareworthy' ),
			esc_html__( 'Clicks', 'shareworthy' ),
			esc_html__( 'Points', 'shareworthy' ),
			$body
		);
	}

	/**
	 * Heading of a period.
	 *
	 * @param string $period One of PERIODS.
	 */
	private static function period_label( string $period ): string {
		switch ( $period ) {
			case '7':
				return __( 'Leaderboard: last 7 days', 'shareworthy' );
			case '90':
				return __( 'Leaderboard: last 90 days', 'shareworthy' );
			case 'all':
				return __( 'Leaderboard: all time', 'shareworthy' );
			default:
				return __( 'Leaderboard: last 30 days', 'shareworthy' );
		}
	}

	/**
	 * Shareworthy → Leaderboard.
	 */
	public static function add_page(): void {
		add_submenu_page( Shareworthy_Admin::REPORTS_PAGE, __( 'Shareworthy leaderboard', 'shareworthy' ), __( 'Leaderboard', 'shareworthy' ), Shareworthy_Capabilities::VIEW_REPORTS, self::PAGE, array( __CLASS__, 'render_page' ) );
	}

	/**
	 * The admin view: a period form and the table; while gamification is off, only a note
	 * with a link to the settings.
	 */
	public static function render_page(): void {
		if ( ! current_user_can( Shareworthy_Capabilities::VIEW_REPORTS ) ) {
			return;
		}
		echo '<div class="wrap"><h1>' . esc_html__( 'Shareworthy leaderboard', 'shareworthy' ) . '</h1>';
		if ( ! Shareworthy_Points::enabled() ) {
			$settings = admin_url( 'admin.php?page=' . Shareworthy_Admin_Settings::PAGE );
			printf(
				'<div class="notice notice-info inline"><p>%1$s %2$s</p></div></div>',
				esc_html__( 'Gamification is off: no points are counted or shown.', 'shareworthy' ),
				current_user_can( Shareworthy_Capabilities::MANAGE )
					? '<a href="' . esc_url( $settings ) . '">' . esc_html__( 'Turn it on in the settings.', 'shareworthy' ) . '</a>'
					: esc_html__( 'An administrator can turn it on in the Shareworthy settings.', 'shareworthy' )
			);
			return;
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a read-only filter.
		$period = isset( $_GET['period'] ) && in_array( $_GET['period'], self::PERIODS, true ) ? (string) $_GET['period'] : '30';
		$rules  = Shareworthy_Points::rules();
		$board  = self::board( $period, Shareworthy_Points::MAX_LIMIT );
		$labels = array(
			'7'   => __( 'Last 7 days', 'shareworthy' ),
			'30'  => __( 'Last 30 days', 'shareworthy' ),
			'90'  => __( 'Last 90 days', 'shareworthy' ),
			'all' => __( 'All time', 'shareworthy' ),
		);
		$options = '';
		foreach ( $labels as $value => $label ) {
			$options .= sprintf( '<option value="%1$s"%2$s>%3$s</option>', esc_attr( (string) $value ), selected( $period, (string) $value, false ), esc_html( $label ) );
		}
		printf(
			'<form method="get"><input type="hidden" name="page" value="%1$s"><label for="shareworthy-leaderboard-period">%2$s</label> <select id="shareworthy-leaderboard-period" name="period">%3$s</select> <button type="submit" class="button">%4$s</button></form>',
			esc_attr( self::PAGE ),
			esc_html__( 'Period', 'shareworthy' ),
			$options, // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped above.
			esc_html__( 'Show', 'shareworthy' )
		);
		printf(
			'<p>%s</p>',
			/* translators: 1: points per share, 2: points per click */
			esc_html( sprintf( __( 'Points: %1$s per share, %2$s per counted click on one’s shares. Only employees who opted in from their profile are listed.', 'shareworthy' ), number_format_i18n( $rules['pointsPerShare'] ), number_format_i18n( $rules['pointsPerClick'] ) ) )
		);
		if ( array() === $board['rows'] ) {
			echo '<p>' . esc_html__( 'No one has opted in yet.', 'shareworthy' ) . '</p></div>';
			return;
		}
		echo self::table( $board['rows'], get_current_user_id(), 'widefat striped shareworthy-leaderboard__table' ) . '</div>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped in table().
	}
}
