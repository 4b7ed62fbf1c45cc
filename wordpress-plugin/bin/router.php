<?php
/**
 * Router for `php -S`: real files and folders are served by the built-in server itself,
 * everything else goes to WordPress' front controller (pretty permalinks, /wp-json/, /go/…).
 */
$shareworthy_path = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
if ( is_string( $shareworthy_path ) && file_exists( $_SERVER['DOCUMENT_ROOT'] . urldecode( $shareworthy_path ) ) ) {
	return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
