<?php
/**
 * Per-post summary: shares, counted clicks and clicks per share of each item, in the post
 * list and in the editor.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * A "Shares / clicks / CTR" column in the post lists of shareable post types (sortable by
 * shares), filled by one query for the whole page, and GET /shareworthy/v1/summaries/{id}
 * for the editor's Sharing panel. All time; for users who may see reports.
 */
final class Shareworthy_Post_Summary {

	/** The column's key. */
	public const COLUMN = 'shareworthy_summary';

	/** The orderby value of the column. */
	public const ORDERBY = 'shareworthy_shares';

	/** Figures already read for this request, by post id. */
	private static array $counts = array();

	/**
	 * Adds the hooks (called from Shareworthy_Leaderboard::boot()).
	 */
	public static function boot(): void {
		add_action( 'rest_api_init', array( __CLASS__, 'register_routes' ) );
		add_action( 'admin_init', array( __CLASS__, 'add_columns' ) );
		add_filter( 'posts_clauses', array( __CLASS__, 'order_by_shares' ), 10, 2 );
		add_action( 'enqueue_block_editor_assets', array( __CLASS__, 'editor_data' ), 20 );
	}

	/**
	 * Shares and counted clicks of items, in one query (GROUP BY item).
	 *
	 * @param list<int> $ids Post ids.
	 * @return array<int, array{shares: int, clicks: int}> Every asked id, zeros included.
	 */
	public static function counts( array $ids ): array {
		global $wpdb;
		$ids = array_values( array_unique( array_filter( array_map( 'intval', $ids ), static fn( int $id ): bool => $id > 0 ) ) );
		$out = array_fill_keys( $ids, array( 'shares' => 0, 'clicks' => 0 ) );
		if ( array() === $ids ) {
			return $out;
		}
		$in     = implode( ',', $ids ); // Integers only, filtered above.
		$shares = Shareworthy_Schema::shares_table();
		$clicks = Shareworthy_Schema::clicks_table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names from $wpdb, ids are integers.
		$rows = (array) $wpdb->get_results(
			"SELECT t.item_id, SUM(t.shares) AS shares, SUM(t.clicks) AS clicks FROM (
				SELECT s.item_id, COUNT(*) AS shares, 0 AS clicks FROM {$shares} s WHERE s.item_id IN ({$in}) GROUP BY s.item_id
				UNION ALL
				SELECT s.item_id, 0 AS shares, COUNT(*) AS clicks FROM {$clicks} c JOIN {$shares} s ON s.id = c.share_id WHERE c.counted = 1 AND s.item_id IN ({$in}) GROUP BY s.item_id
			) t GROUP BY t.item_id",
			ARRAY_A
		);
		foreach ( $rows as $row ) {
			$out[ (int) $row['item_id'] ] = array(
				'shares' => (int) $row['shares'],
				'clicks' => (int) $row['clicks'],
			);
		}
		return $out;
	}

	/**
	 * Clicks per share (the reports' ctr), 0 without shares.
	 *
	 * @param array{shares: int, clicks: int} $counts Figures.
	 */
	public static function ctr( array $counts ): float {
		return $counts['shares'] > 0 ? $counts['clicks'] / $counts['shares'] : 0.0;
	}

	/**
	 * Column hooks for every shareable post type.
	 */
	public static function add_columns(): void {
		foreach ( Shareworthy_Items::post_types() as $type ) {
			add_filter( "manage_{$type}_posts_columns", array( __CLASS__, 'columns' ) );
			add_action( "manage_{$type}_posts_custom_column", array( __CLASS__, 'column' ), 10, 2 );
			add_filter( "manage_edit-{$type}_sortable_columns", array( __CLASS__, 'sortable' ) );
		}
	}

	/**
	 * Adds the column for users who may see reports.
	 *
	 * @param array<string, string> $columns Columns.
	 * @return array<string, string>
	 */
	public static function columns( array $columns ): array {
		if ( current_user_can( Shareworthy_Capabilities::VIEW_REPORTS ) ) {
			$columns[ self::COLUMN ] = __( 'Shares / clicks / CTR', 'shareworthy' );
		}
		return $columns;
	}

	/**
	 * Makes the column sortable by shares.
	 *
	 * @param array<string, mixed> $columns Sortable columns.
	 * @return array<string, mixed>
	 */
	public static function sortable( array $columns ): array {
		$columns[ self::COLUMN ] = array( self::ORDERBY, true );
		return $columns;
	}

	/**
	 * Prints a cell. The first cell reads the figures of every post of the list at once.
	 *
	 * @param string $column  Column key.
	 * @param int    $post_id Post.
	 */
	public static function column( string $column, int $post_id ): void {
		if ( self::COLUMN !== $column ) {
			return;
		}
		if ( ! isset( self::$counts[ $post_id ] ) ) {
			global $wp_query;
			$ids           = $wp_query instanceof WP_Query ? wp_list_pluck( (array) $wp_query->posts, 'ID' ) : array();
			self::$counts += self::counts( array_merge( array( $post_id ), $ids ) );
		}
		echo esc_html( self::cell( self::$counts[ $post_id ] ) );
	}

	/**
	 * Text of a cell: "12 / 30 / 2.5", or a dash for a post never shared.
	 *
	 * @param array{shares: int, clicks: int} $counts Figures.
	 */
	public static function cell( array $counts ): string {
		if ( 0 === $counts['shares'] && 0 === $counts['clicks'] ) {
			return '—';
		}
		return sprintf( '%1$s / %2$s / %3$s', number_format_i18n( $counts['shares'] ), number_format_i18n( $counts['clicks'] ), number_format_i18n( self::ctr( $counts ), 2 ) );
	}

	/**
	 * Orders the admin post list by shares when the column is sorted: a join on the shares
	 * counted per item (GROUP BY over the item_created index).
	 *
	 * @param array<string, string> $clauses Query clauses.
	 * @param WP_Query              $query   The query.
	 * @return array<string, string>
	 */
	public static function order_by_shares( array $clauses, WP_Query $query ): array {
		global $wpdb;
		if ( ! is_admin() || ! $query->is_main_query() || self::ORDERBY !== $query->get( 'orderby' ) || ! current_user_can( Shareworthy_Capabilities::VIEW_REPORTS ) ) {
			return $clauses;
		}
		$order               = 'ASC' === strtoupper( (string) $query->get( 'order' ) ) ? 'ASC' : 'DESC';
		$clauses['join']    .= ' LEFT JOIN (SELECT item_id, COUNT(*) AS n FROM ' . Shareworthy_Schema::shares_table() . " GROUP BY item_id) shareworthy_counts ON shareworthy_counts.item_id = {$wpdb->posts}.ID";
		$clauses['orderby']  = "COALESCE(shareworthy_counts.n, 0) {$order}, {$wpdb->posts}.ID {$order}";
		return $clauses;
	}

	/**
	 * GET /shareworthy/v1/summaries/{id}.
	 */
	public static function register_routes(): void {
		register_rest_route(
			'shareworthy/v1',
			'/summaries/(?P<id>\d+)',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( __CLASS__, 'rest_get' ),
				'permission_callback' => array( __CLASS__, 'rest_permissions_check' ),
				'args'                => array(
					'id' => array(
						'type'        => 'integer',
						'minimum'     => 1,
						'description' => __( 'The post.', 'shareworthy' ),
					),
				),
			)
		);
	}

	/**
	 * Summaries need view_shareworthy_reports.
	 *
	 * @return true|WP_Error
	 */
	public static function rest_permissions_check() {
		if ( current_user_can( Shareworthy_Capabilities::VIEW_REPORTS ) ) {
			return true;
		}
		return new WP_Error( 'shareworthy_forbidden', __( 'You are not allowed to see reports.', 'shareworthy' ), array( 'status' => rest_authorization_required_code() ) );
	}

	/**
	 * `{ itemId, shares, clicks, ctr }` of a post of a shareable type.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function rest_get( WP_REST_Request $request ) {
		$post = get_post( (int) $request['id'] );
		if ( ! $post instanceof WP_Post || ! in_array( $post->post_type, Shareworthy_Items::post_types(), true ) ) {
			return new WP_Error( 'shareworthy_item_not_found', __( 'No such item.', 'shareworthy' ), array( 'status' => 404 ) );
		}
		$counts = self::counts( array( $post->ID ) )[ $post->ID ];
		return rest_ensure_response(
			array(
				'itemId' => $post->ID,
				'shares' => $counts['shares'],
				'clicks' => $counts['clicks'],
				'ctr'    => self::ctr( $counts ),
			)
		);
	}

	/**
	 * Tells the Sharing panel whether to show the figures (users who may see reports).
	 */
	public static function editor_data(): void {
		if ( wp_script_is( 'shareworthy-sidebar', 'enqueued' ) ) {
			wp_add_inline_script( 'shareworthy-sidebar', 'window.shareworthySummary = ' . wp_json_encode( array( 'canView' => current_user_can( Shareworthy_Capabilities::VIEW_REPORTS ) ) ) . ';', 'before' );
		}
	}
}
