<?php
/**
 * Plugin Name:       Shareworthy
 * Plugin URI:        https://github.com/shareworthy/shareworthy
 * Description:       Employee advocacy inside your intranet: editors mark articles shareable, employees share them with tracked links, clicks are counted without storing IP addresses.
 * Version:           0.1.0
 * Requires at least: 6.6
 * Requires PHP:      8.1
 * Author:            Shareworthy contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       shareworthy
 * Domain Path:       /languages
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

define( 'SHAREWORTHY_VERSION', '0.1.0' );
define( 'SHAREWORTHY_FILE', __FILE__ );
define( 'SHAREWORTHY_DIR', __DIR__ );

require_once __DIR__ . '/includes/class-shareworthy-plugin.php';

Shareworthy_Plugin::load();
register_activation_hook( __FILE__, array( 'Shareworthy_Plugin', 'activate' ) );
register_deactivation_hook( __FILE__, array( 'Shareworthy_Plugin', 'deactivate' ) );
Shareworthy_Plugin::boot();
require_once __DIR__ . '/includes/class-shareworthy-blocks.php'; Shareworthy_Blocks::boot(); // Front end (blocks, sidebar, policy, concerns); owned by the blocks helper.
require_once __DIR__ . '/includes/class-shareworthy-admin.php'; Shareworthy_Admin::boot(); // Admin menu: reports (GET /reports), settings; owned by the admin helper.
require_once __DIR__ . '/includes/class-shareworthy-leaderboard.php'; Shareworthy_Leaderboard::boot(); // Gamification (points, leaderboard block and page) and per-post summaries; owned by the leaderboard helper.
