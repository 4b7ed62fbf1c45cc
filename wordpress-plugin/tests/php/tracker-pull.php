<?php
/**
 * One click-feed pull in a PHP process of its own, on the tests' database (TrackerClicksTest).
 * Usage: php tracker-pull.php <DB_DIR or ''> <kill|run>. With "kill" the process SIGKILLs
 * itself once a page's clicks are written and before its transaction commits, as a crash would.
 *
 * @package Shareworthy
 */

[ , $shareworthy_db_dir, $shareworthy_mode ] = $argv;
if ( '' !== $shareworthy_db_dir ) {
	define( 'DB_DIR', $shareworthy_db_dir );
}
$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_USE_THEMES', false );
require ( getenv( 'SHAREWORTHY_SITE_DIR' ) ?: dirname( __DIR__, 3 ) . '/.wp/site' ) . '/wp-load.php';
if ( 'kill' === $shareworthy_mode ) {
	add_action( 'shareworthy_tracker_clicks_recorded', static fn() => posix_kill( getmypid(), 9 ) );
}
echo wp_json_encode( Shareworthy_Tracker_Clicks::pull( 10.0 ) );
