<?php
/**
 * Server render of shareworthy/feed: the reader's ranked items.
 *
 * @package Shareworthy
 *
 * @var array<string, mixed> $attributes Block attributes.
 */

defined( 'ABSPATH' ) || exit;

echo Shareworthy_Blocks::render_feed_block( $attributes ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped where built.
