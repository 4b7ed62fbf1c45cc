<?php
/**
 * Per-post summary: the post list column, its sort, and GET /shareworthy/v1/summaries/{id}.
 *
 * @package Shareworthy
 */

/**
 * Shareworthy_Post_Summary.
 */
final class PostSummaryTest extends Shareworthy_TestCase {

	/** Items: busy (3 shares, 7 counted clicks), quiet (1 share, 0 clicks), never shared. */
	private array $items = array();

	/** The main query globals as the test found them. */
	private array $globals = array();

	protected function setUp(): void {
		parent::setUp();
		foreach ( array( 'wp_query', 'wp_the_query' ) as $name ) {
			$this->globals[ $name ] = $GLOBALS[ $name ] ?? null;
		}
	}

	protected function tearDown(): void {
		unset( $GLOBALS['current_screen'] );
		foreach ( $this->globals as $name => $value ) {
			$GLOBALS[ $name ] = $value;
		}
		parent::tearDown();
	}

	/**
	 * The fixture: busy has 3 shares, 7 counted clicks and 2 repeats (not counted); quiet has
	 * one share and no click; never has nothing.
	 */
	private function fixture(): void {
		global $wpdb;
		$shares = Shareworthy_Schema::shares_table();
		$clicks = Shareworthy_Schema::clicks_table();
		$wpdb->query( "DELETE FROM {$clicks}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$wpdb->query( "DELETE FROM {$shares}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$user = $this->user( 'subscriber' );
		foreach ( array( 'busy', 'quiet', 'never' ) as $name ) {
			$this->items[ $name ] = $this->item( array(), '', array( 'post_title' => ucfirst( $name ) ) );
		}
		$share = function ( int $item ) use ( $wpdb, $shares, $user ): int {
			$wpdb->insert( $shares, array( 'item_id' => $item, 'user_id' => $user, 'network' => 'x', 'code' => 'ps' . wp_generate_password( 12, false ), 'created_at' => '2026-03-01 10:00:00' ), array( '%d', '%d', '%s', '%s', '%s' ) );
			return (int) $wpdb->insert_id;
		};
		$click = function ( int $share, int $counted ) use ( $wpdb, $clicks ): void {
			$wpdb->insert( $clicks, array( 'share_id' => $share, 'visitor_key' => hash( 'sha256', wp_generate_password( 8, false ) ), 'created_at' => '2026-03-02 10:00:00', 'counted' => $counted ), array( '%d', '%s', '%s', '%d' ) );
		};
		$busy = array( $share( $this->items['busy'] ), $share( $this->items['busy'] ), $share( $this->items['busy'] ) );
		foreach ( array( 0, 0, 0, 1, 1, 2, 2 ) as $index ) {
			$click( $busy[ $index ], 1 );
		}
		$click( $busy[0], 0 );
		$click( $busy[2], 0 );
		$share( $this->items['quiet'] );
	}

	public function test_counts_reads_shares_and_counted_clicks_of_many_posts_in_one_query(): void {
		global $wpdb;
		$this->fixture();
		$before = $wpdb->num_queries;
		$counts = Shareworthy_Post_Summary::counts( array_values( $this->items ) );
		$this->assertSame( 1, $wpdb->num_queries - $before );
		$this->assertSame(
			array(
				$this->items['busy']  => array( 'shares' => 3, 'clicks' => 7 ),
				$this->items['quiet'] => array( 'shares' => 1, 'clicks' => 0 ),
				$this->items['never'] => array( 'shares' => 0, 'clicks' => 0 ),
			),
			$counts
		);
		$this->assertSame( array(), Shareworthy_Post_Summary::counts( array( 0, -3 ) ), 'no query for no valid id' );
	}

	public function test_the_column_shows_shares_clicks_and_clicks_per_share_reading_the_whole_page_once(): void {
		global $wpdb;
		$this->fixture();
		$this->as_role( 'editor' );
		$GLOBALS['wp_query'] = new WP_Query( array( 'post__in' => array_values( $this->items ), 'orderby' => 'post__in', 'post_type' => 'post' ) );
		$cells  = array();
		$before = $wpdb->num_queries;
		foreach ( $this->items as $name => $id ) {
			ob_start();
			Shareworthy_Post_Summary::column( Shareworthy_Post_Summary::COLUMN, $id );
			$cells[ $name ] = ob_get_clean();
		}
		$this->assertSame( 1, $wpdb->num_queries - $before, 'one query for the page, not one per row' );
		$this->assertSame(
			array(
				'busy'  => '3 / 7 / 2.33',
				'quiet' => '1 / 0 / 0.00',
				'never' => '—',
			),
			$cells
		);
		ob_start();
		Shareworthy_Post_Summary::column( 'title', $this->items['busy'] );
		$this->assertSame( '', ob_get_clean(), 'other columns are left alone' );
	}

	public function test_the_column_is_added_for_report_readers_only_and_sorts_by_shares(): void {
		Shareworthy_Post_Summary::add_columns();
		$this->as_role( 'author' );
		$this->assertArrayNotHasKey( Shareworthy_Post_Summary::COLUMN, apply_filters( 'manage_post_posts_columns', array( 'title' => 'Title' ) ) );
		$this->as_role( 'editor' );
		$columns = apply_filters( 'manage_page_posts_columns', array( 'title' => 'Title' ) );
		$this->assertSame( 'Shares / clicks / CTR', $columns[ Shareworthy_Post_Summary::COLUMN ] );
		$this->assertSame( array( Shareworthy_Post_Summary::ORDERBY, true ), apply_filters( 'manage_edit-post_sortable_columns', array() )[ Shareworthy_Post_Summary::COLUMN ] );
	}

	public function test_sorting_the_list_by_the_column_orders_posts_by_shares(): void {
		$this->fixture();
		$this->as_role( 'editor' );
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		$GLOBALS['current_screen'] = WP_Screen::get( 'edit-post' );
		foreach ( array( 'DESC' => array( 'busy', 'quiet', 'never' ), 'ASC' => array( 'never', 'quiet', 'busy' ) ) as $order => $expected ) {
			$query                   = new WP_Query();
			$GLOBALS['wp_the_query'] = $query;
			$ids                     = $query->query(
				array(
					'post__in'  => array_values( $this->items ),
					'orderby'   => Shareworthy_Post_Summary::ORDERBY,
					'order'     => $order,
					'post_type' => 'post',
					'fields'    => 'ids',
				)
			);
			$this->assertSame( array_map( fn( string $name ): int => $this->items[ $name ], $expected ), array_map( 'intval', $ids ), $order );
		}
	}

	public function test_the_summary_route_answers_the_figures_of_one_post_to_report_readers(): void {
		$this->fixture();
		$this->as_role( 'editor' );
		$response = $this->rest( 'GET', '/shareworthy/v1/summaries/' . $this->items['busy'] );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array( 'itemId' => $this->items['busy'], 'shares' => 3, 'clicks' => 7, 'ctr' => 7 / 3 ), $response->get_data() );
		$never = $this->rest( 'GET', '/shareworthy/v1/summaries/' . $this->items['never'] )->get_data();
		$this->assertSame( array( 0, 0, 0.0 ), array( $never['shares'], $never['clicks'], $never['ctr'] ) );
		$this->assertSame( 404, $this->rest( 'GET', '/shareworthy/v1/summaries/999999999' )->get_status() );
	}

	public function test_the_summary_route_is_closed_to_authors_and_visitors(): void {
		$this->fixture();
		$this->assertSame( 401, $this->rest( 'GET', '/shareworthy/v1/summaries/' . $this->items['busy'] )->get_status() );
		$this->as_role( 'author' );
		$this->assertSame( 403, $this->rest( 'GET', '/shareworthy/v1/summaries/' . $this->items['busy'] )->get_status() );
	}
}
