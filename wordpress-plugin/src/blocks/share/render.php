<?php
/**
 * Server render of shareworthy/share: the article in context (or the current post).
 *
 * @package Shareworthy
 *
 * @var array<string, mixed> $attributes Block attributes.
 * @var WP_Block             $block      Block instance.
 */

defined( 'ABSPATH' ) || exit;

$shareworthy_post_id = isset( $block->context['postId'] ) ? (int) $block->context['postId'] : (int) get_the_ID();
echo Shareworthy_Blocks::render_share_block( $attributes, get_post( $shareworthy_post_id ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped where built.
