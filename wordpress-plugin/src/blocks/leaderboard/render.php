<?php
/**
 * Server render of shareworthy/leaderboard.
 *
 * @package Shareworthy
 *
 * @var array<string, mixed> $attributes Block attributes.
 */

defined( 'ABSPATH' ) || exit;

echo Shareworthy_Leaderboard::render_block( $attributes ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped where built.
