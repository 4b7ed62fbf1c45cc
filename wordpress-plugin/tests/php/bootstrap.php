<?php
/**
 * PHPUnit bootstrap: loads the real local WordPress (made by bin/wp-env.mjs) on a throw-away
 * copy of its database. With SHAREWORTHY_DB=mariadb the site runs on MariaDB instead (see
 * bin/test.mjs), on a database the runner created for the tests.
 *
 * @package Shareworthy
 */

$shareworthy_site = getenv( 'SHAREWORTHY_SITE_DIR' ) ?: dirname( __DIR__, 3 ) . '/.wp/site';
if ( ! is_file( $shareworthy_site . '/wp-load.php' ) ) {
	fwrite( STDERR, "No WordPress at {$shareworthy_site}: run the tests through `npm test` (bin/test.mjs sets the site up).\n" );
	exit( 1 );
}
if ( 'mariadb' !== getenv( 'SHAREWORTHY_DB' ) ) {
	$shareworthy_db_dir = sys_get_temp_dir() . '/shareworthy-phpunit-' . getmypid() . '/';
	@mkdir( $shareworthy_db_dir, 0700, true ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
	copy( $shareworthy_site . '/wp-content/database/.ht.sqlite', $shareworthy_db_dir . '.ht.sqlite' );
	define( 'DB_DIR', $shareworthy_db_dir );
	register_shutdown_function(
		static function () use ( $shareworthy_db_dir ): void {
			array_map( 'unlink', array_filter( glob( $shareworthy_db_dir . '{,.}*', GLOB_BRACE ) ?: array(), 'is_file' ) );
			@rmdir( $shareworthy_db_dir ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
		}
	);
}
$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
define( 'WP_USE_THEMES', false );
// bcrypt at its default cost makes every test user ~0.1 s; these passwords protect nothing.
$GLOBALS['wp_filter'] = array( 'wp_hash_password_options' => array( 10 => array( array( 'function' => static fn(): array => array( 'cost' => 4 ), 'accepted_args' => 0 ) ) ) );
require $shareworthy_site . '/wp-load.php';
require __DIR__ . '/TestCase.php';

if ( ! defined( 'SHAREWORTHY_VERSION' ) ) {
	fwrite( STDERR, "The Shareworthy plugin is not active on the test site.\n" );
	exit( 1 );
}
