<?php
/**
 * Installs the local site once, then (every run) makes sure the demo users exist and the
 * SQLite and Shareworthy plugins are active. Usage: php install.php <site dir>
 * Prints one status line. Local demo only: the passwords are "password".
 *
 * @package Shareworthy
 */

if ( PHP_SAPI !== 'cli' || ! isset( $argv[1] ) ) {
	exit( 1 );
}
define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST'] = '127.0.0.1';
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
add_filter( 'pre_wp_mail', '__return_false' ); // No sendmail here.

$shareworthy_installed = is_blog_installed();
if ( ! $shareworthy_installed ) {
	wp_install( 'Shareworthy intranet', 'admin', 'admin@example.com', true, '', 'password', 'fr_FR' === getenv( 'SHAREWORTHY_LOCALE' ) ? 'fr_FR' : '' );
	update_option( 'permalink_structure', '/%postname%/' );
	update_option( 'show_avatars', 0 ); // Avatars would load from gravatar.com.
	update_option( 'blogdescription', 'Local demo of the Shareworthy plugin' );
}
foreach ( array( 'editor' => 'editor', 'author' => 'author', 'employee' => 'subscriber' ) as $shareworthy_login => $shareworthy_role ) {
	if ( ! get_user_by( 'login', $shareworthy_login ) ) {
		wp_insert_user(
			array(
				'user_login'   => $shareworthy_login,
				'user_pass'    => 'password',
				'user_email'   => $shareworthy_login . '@example.com',
				'display_name' => ucfirst( $shareworthy_login ),
				'role'         => $shareworthy_role,
			)
		);
	}
}
foreach ( array( 'sqlite-database-integration/load.php', 'shareworthy/shareworthy.php' ) as $shareworthy_plugin ) {
	if ( ! is_plugin_active( $shareworthy_plugin ) ) {
		$shareworthy_result = activate_plugin( $shareworthy_plugin );
		if ( is_wp_error( $shareworthy_result ) ) {
			fwrite( STDERR, "install.php: cannot activate {$shareworthy_plugin}: " . $shareworthy_result->get_error_message() . "\n" );
			exit( 1 );
		}
	}
}
echo ( $shareworthy_installed ? 'site already installed' : 'site installed' ) . ", plugins active\n";
