<?php
/**
 * Seeds report data into a Shareworthy site fast: shares and clicks spread over the last
 * days, written with multi-row INSERTs (500 rows a statement, one transaction), on the
 * published posts and users the site already has. Deterministic (mt_srand) so tests can
 * compare periods. Used by tests/bench/wp-reports.bench.mjs and tests/e2e/admin-reports.test.mjs.
 *
 * Usage: SHAREWORTHY_DB_DIR=/tmp/copy/ php wp-reports-seed.php <site dir> <clicks> <days> [shares]
 * Prints one JSON line: { shares, clicks, first, last }.
 */

$_SERVER['HTTP_HOST'] = '127.0.0.1';
require $argv[1] . '/wp-load.php';

$click_count = max( 0, (int) ( $argv[2] ?? 1000 ) );
$days        = max( 1, (int) ( $argv[3] ?? 90 ) );
$share_count = max( 1, (int) ( $argv[4] ?? max( 1, intdiv( $click_count, 20 ) ) ) );
mt_srand( 20260301 );

global $wpdb;
$items = array_map( 'intval', get_posts( array( 'post_type' => array( 'post', 'page' ), 'post_status' => 'publish', 'numberposts' => 50, 'fields' => 'ids' ) ) );
$users = array_map( 'intval', get_users( array( 'fields' => 'ID' ) ) );
if ( array() === $items || array() === $users ) {
	fwrite( STDERR, "No posts or users to attach shares to.\n" );
	exit( 1 );
}
$networks = array( 'linkedin', 'linkedin', 'linkedin', 'x', 'x', 'facebook', 'email', 'teams' );
$now      = time();
$at       = static fn( int $seconds_ago ): string => gmdate( 'Y-m-d H:i:s', $now - $seconds_ago );
$shares   = Shareworthy_Schema::shares_table();
$clicks   = Shareworthy_Schema::clicks_table();

$flush = static function ( string $head, array $values ) use ( $wpdb ): void {
	if ( array() !== $values ) {
		$wpdb->query( $head . implode( ',', $values ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- values prepared below.
	}
};

$wpdb->query( 'START TRANSACTION' );
$first_id = null;
$made     = array(); // share id => seconds ago.
$batch    = array();
for ( $i = 0; $i < $share_count; $i++ ) {
	$ago     = mt_rand( 0, $days * DAY_IN_SECONDS - 1 );
	$batch[] = $wpdb->prepare( '(%d, %d, %s, %s, %s)', $items[ mt_rand( 0, count( $items ) - 1 ) ], $users[ mt_rand( 0, count( $users ) - 1 ) ], $networks[ mt_rand( 0, count( $networks ) - 1 ) ], 'seed' . $i . '_' . wp_generate_password( 10, false ), $at( $ago ) );
	$made[]  = $ago;
	if ( count( $batch ) === 500 || $i === $share_count - 1 ) {
		$flush( "INSERT INTO {$shares} (item_id, user_id, network, code, created_at) VALUES ", $batch );
		$batch = array();
	}
}
$last_id  = (int) $wpdb->get_var( "SELECT MAX(id) FROM {$shares}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
$first_id = $last_id - $share_count + 1;
for ( $i = 0; $i < $click_count; $i++ ) {
	$index   = mt_rand( 0, $share_count - 1 );
	$ago     = mt_rand( 0, $made[ $index ] ); // a click comes after its share.
	// Keys hash the UTC day in, as Shareworthy_Visitor's do: one person, one key per day.
	$visitor = 'visitor' . mt_rand( 0, max( 1, intdiv( $click_count, 3 ) ) );
	$batch[] = $wpdb->prepare( '(%d, %s, %s, %d)', $first_id + $index, hash( 'sha256', $visitor . "\0" . substr( $at( $ago ), 0, 10 ) ), $at( $ago ), mt_rand( 0, 19 ) > 0 ? 1 : 0 );
	if ( count( $batch ) === 500 || $i === $click_count - 1 ) {
		$flush( "INSERT INTO {$clicks} (share_id, visitor_key, created_at, counted) VALUES ", $batch );
		$batch = array();
	}
}
Shareworthy_Click_Days::rebuild(); // The rows above bypassed Shareworthy_Clicks::record().
$wpdb->query( 'COMMIT' );
echo wp_json_encode( array( 'shares' => $share_count, 'clicks' => $click_count, 'first' => gmdate( 'Y-m-d', $now - $days * DAY_IN_SECONDS ), 'last' => gmdate( 'Y-m-d', $now ) ) ), "\n";
