<?php
/**
 * wp-config.php of the local Shareworthy site (copied into .wp/site by bin/wp-env.mjs).
 * Local demo and tests only: SQLite, loopback, no outgoing HTTP, no cron, no updates.
 */
if ( 'mariadb' === getenv( 'SHAREWORTHY_DB' ) ) {
	// The second test run (bin/mariadb.mjs made this database and user); db.php steps aside.
	define( 'DB_NAME', getenv( 'SHAREWORTHY_DB_NAME' ) ?: 'shareworthy_test' );
	define( 'DB_USER', 'shareworthy' );
	define( 'DB_PASSWORD', 'shareworthy' );
	define( 'DB_HOST', 'localhost' );
	define( 'DB_CHARSET', 'utf8mb4' );
} else {
	define( 'DB_NAME', 'wordpress' );
	define( 'DB_USER', '' );
	define( 'DB_PASSWORD', '' );
	define( 'DB_HOST', '' );
	// Tests and the HTTP test server point DB_DIR at a throw-away copy of the database.
	defined( 'DB_DIR' ) || define( 'DB_DIR', getenv( 'SHAREWORTHY_DB_DIR' ) ?: __DIR__ . '/wp-content/database/' );
	define( 'DB_FILE', '.ht.sqlite' );
}
$shareworthy_port = (int) ( getenv( 'SHAREWORTHY_PORT' ) ?: 8888 );
define( 'WP_HOME', 'http://127.0.0.1:' . $shareworthy_port );
define( 'WP_SITEURL', 'http://127.0.0.1:' . $shareworthy_port );
unset( $shareworthy_port );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', true );
// Fixed keys are fine for a loopback demo; they make cookies survive restarts.
foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as $shareworthy_key ) {
	define( $shareworthy_key, 'shareworthy-local-' . $shareworthy_key );
}
unset( $shareworthy_key );
$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
