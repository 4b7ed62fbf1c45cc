<?php
/**
 * Seeds a copy of the Shareworthy site for tests/e2e/leaderboard.test.mjs: gamification on
 * (10 points a share, 1 a counted click), the demo shares replaced by a known set, three
 * employees opted in to the leaderboard and one who did not, and a page with the block.
 *
 * Usage: SHAREWORTHY_DB_DIR=/tmp/copy/ php leaderboard-seed.php <site dir> [on|off]
 * "off" only turns gamification off. Prints one JSON line: { page, item, expected }.
 */

$_SERVER['HTTP_HOST'] = '127.0.0.1';
require $argv[1] . '/wp-load.php';

$mode = $argv[2] ?? 'on';
update_option( Shareworthy_Points::OPTION, array( 'enabled' => 'off' !== $mode, 'pointsPerShare' => 10, 'pointsPerClick' => 1 ) );
if ( 'off' === $mode ) {
	echo wp_json_encode( array( 'enabled' => false ) ), "\n";
	exit;
}

global $wpdb;
$shares = Shareworthy_Schema::shares_table();
$clicks = Shareworthy_Schema::clicks_table();
$wpdb->query( "DELETE FROM {$clicks}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
$wpdb->query( "DELETE FROM {$shares}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
delete_metadata( 'user', 0, Shareworthy_Report::OPT_IN_META, '', true );

$user = static function ( string $login, string $name ): int {
	$found = get_user_by( 'login', $login );
	$id    = $found ? $found->ID : wp_insert_user( array( 'user_login' => $login, 'user_pass' => 'password', 'user_email' => "{$login}@example.org", 'role' => 'subscriber' ) );
	wp_update_user( array( 'ID' => $id, 'display_name' => $name ) );
	return (int) $id;
};
$people = array(
	'ana'      => $user( 'lb_ana', 'Ana Lefèvre' ),
	'employee' => $user( 'employee', 'Élodie Martin' ),
	'ben'      => $user( 'lb_ben', 'Ben Okafor' ),
	'cid'      => $user( 'lb_cid', 'Cid Moreau' ),
);
foreach ( array( 'ana', 'employee', 'ben' ) as $name ) {
	update_user_meta( $people[ $name ], Shareworthy_Report::OPT_IN_META, '1' );
}

$item = (int) get_posts( array( 'post_type' => 'post', 'post_status' => 'publish', 'numberposts' => 1, 'fields' => 'ids', 'orderby' => 'ID', 'order' => 'ASC' ) )[0];
$ago  = static fn( int $days ): string => gmdate( 'Y-m-d H:i:s', time() - $days * DAY_IN_SECONDS );
$made = 0;
// shares, counted clicks per employee, all in the last 30 days: Ana 3 + 5 = 35 points,
// Élodie 2 + 2 = 22, Ben 1 + 0 = 10, Cid 10 + 20 = 120 (not opted in, never shown).
foreach ( array( 'ana' => array( 3, 5 ), 'employee' => array( 2, 2 ), 'ben' => array( 1, 0 ), 'cid' => array( 10, 20 ) ) as $name => [ $share_count, $click_count ] ) {
	$ids = array();
	for ( $i = 0; $i < $share_count; $i++ ) {
		$wpdb->insert( $shares, array( 'item_id' => $item, 'user_id' => $people[ $name ], 'network' => 'linkedin', 'code' => 'lbseed' . ( $made++ ), 'created_at' => $ago( 3 ) ), array( '%d', '%d', '%s', '%s', '%s' ) );
		$ids[] = (int) $wpdb->insert_id;
	}
	for ( $i = 0; $i < $click_count; $i++ ) {
		$wpdb->insert( $clicks, array( 'share_id' => $ids[ $i % $share_count ], 'visitor_key' => hash( 'sha256', "{$name}{$i}" ), 'created_at' => $ago( 2 ), 'counted' => 1 ), array( '%d', '%s', '%s', '%d' ) );
	}
}
// A repeat click: stored, never counted.
$wpdb->insert( $clicks, array( 'share_id' => $ids[0], 'visitor_key' => hash( 'sha256', 'repeat' ), 'created_at' => $ago( 2 ), 'counted' => 0 ), array( '%d', '%s', '%s', '%d' ) );

$page = wp_insert_post(
	array(
		'post_type'    => 'page',
		'post_status'  => 'publish',
		'post_title'   => 'Leaderboard',
		'post_name'    => 'leaderboard-e2e',
		'post_content' => '<!-- wp:shareworthy/leaderboard {"period":"30","limit":10} /-->',
	)
);
echo wp_json_encode(
	array(
		'page'     => wp_make_link_relative( get_permalink( $page ) ),
		'pageId'   => $page,
		'item'     => $item,
		'expected' => array( array( 'Ana Lefèvre', 35 ), array( 'Élodie Martin', 22 ), array( 'Ben Okafor', 10 ) ),
	)
), "\n";
