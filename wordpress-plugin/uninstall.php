<?php
/**
 * Uninstall: removes tables, options, post and user meta, terms and capabilities, on every
 * site of a network.
 *
 * @package Shareworthy
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/class-shareworthy-plugin.php';
if ( ! defined( 'SHAREWORTHY_DIR' ) ) {
	define( 'SHAREWORTHY_DIR', __DIR__ );
}
Shareworthy_Plugin::load();

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $shareworthy_site_id ) {
		switch_to_blog( (int) $shareworthy_site_id );
		Shareworthy_Uninstaller::uninstall_site();
		restore_current_blog();
	}
} else {
	Shareworthy_Uninstaller::uninstall_site();
}
