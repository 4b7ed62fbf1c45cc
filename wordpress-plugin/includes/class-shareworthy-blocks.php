<?php
/**
 * The front end: the share and feed blocks, the editor sidebar, the social-media policy
 * employees accept before sharing, and "report a concern".
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the blocks built into build/, enqueues the editor sidebar, renders the share
 * links (which work without JavaScript) and the composer dialog the view module drives.
 */
final class Shareworthy_Blocks {

	/** Option: the policy checks (core's PolicyConfig: blockedTerms, requiredDisclosure, …). */
	public const POLICY_OPTION = 'shareworthy_policy';

	/** Option: the policy text employees accept. */
	public const POLICY_TEXT_OPTION = 'shareworthy_policy_text';

	/** Option: the policy version; raised whenever the text changes, so employees accept again. */
	public const POLICY_VERSION_OPTION = 'shareworthy_policy_version';

	/** User meta: the policy version the employee accepted. */
	public const ACCEPTED_META = 'shareworthy_policy_accepted_version';

	/** Private post type holding the concerns employees report about items. */
	public const CONCERN_TYPE = 'shareworthy_concern';

	/** Longest concern kept, in characters. */
	private const CONCERN_MAX = 2000;

	/** Whether the page-wide interactivity state was already output. */
	private static bool $state_added = false;

	/**
	 * Adds the hooks (called once from the bootstrap).
	 */
	public static function boot(): void {
		add_action( 'init', array( __CLASS__, 'register' ), 30 );
		add_action( 'enqueue_block_editor_assets', array( __CLASS__, 'enqueue_sidebar' ) );
		add_action( 'rest_api_init', array( __CLASS__, 'register_routes' ) );
		add_filter( 'rest_request_before_callbacks', array( __CLASS__, 'require_policy_for_shares' ), 10, 3 );
		add_action( 'admin_post_shareworthy_share', array( __CLASS__, 'handle_share_link' ) );
		add_action( 'admin_post_nopriv_shareworthy_share', 'auth_redirect' );
		add_action( 'admin_post_shareworthy_accept_policy', array( __CLASS__, 'handle_accept_policy' ) );
		add_action( 'admin_post_shareworthy_concern', array( __CLASS__, 'handle_concern_form' ) );
		add_action( 'add_option_' . self::POLICY_TEXT_OPTION, array( __CLASS__, 'bump_policy_version' ) );
		add_action( 'update_option_' . self::POLICY_TEXT_OPTION, array( __CLASS__, 'bump_policy_version' ) );
	}

	/**
	 * Blocks, the concern post type and the acceptance user meta (init).
	 */
	public static function register(): void {
		foreach ( array( 'share', 'feed' ) as $block ) {
			$dir = SHAREWORTHY_DIR . "/build/blocks/{$block}";
			if ( is_readable( "{$dir}/block.json" ) ) {
				$type = register_block_type( $dir );
				if ( $type instanceof WP_Block_Type ) {
					foreach ( $type->editor_script_handles as $handle ) {
						wp_set_script_translations( $handle, 'shareworthy', SHAREWORTHY_DIR . '/languages' );
					}
				}
			}
		}
		register_post_type(
			self::CONCERN_TYPE,
			array(
				'labels'          => array(
					'name'          => __( 'Concerns', 'shareworthy' ),
					'singular_name' => __( 'Concern', 'shareworthy' ),
				),
				'description'     => __( 'Concerns employees reported about shareable items.', 'shareworthy' ),
				'public'          => false,
				'show_ui'         => true,
				'show_in_menu'    => true,
				'menu_icon'       => 'dashicons-flag',
				'supports'        => array( 'title', 'editor', 'author' ),
				'capability_type' => 'post',
				// Editors read and close concerns; they come from employees, not from the admin screen.
				'capabilities'    => array(
					'create_posts'         => 'do_not_allow',
					'edit_posts'           => Shareworthy_Capabilities::PUBLISH,
					'edit_others_posts'    => Shareworthy_Capabilities::PUBLISH,
					'edit_private_posts'   => Shareworthy_Capabilities::PUBLISH,
					'read_private_posts'   => Shareworthy_Capabilities::PUBLISH,
					'publish_posts'        => Shareworthy_Capabilities::PUBLISH,
					'delete_posts'         => Shareworthy_Capabilities::PUBLISH,
					'delete_others_posts'  => Shareworthy_Capabilities::PUBLISH,
					'delete_private_posts' => Shareworthy_Capabilities::PUBLISH,
				),
				'map_meta_cap'    => true,
			)
		);
		register_meta(
			'user',
			self::ACCEPTED_META,
			array(
				'type'         => 'integer',
				'single'       => true,
				'description'  => __( 'Version of the social media policy the user accepted.', 'shareworthy' ),
				'default'      => 0,
				'show_in_rest' => false,
			)
		);
	}

	/**
	 * The editor sidebar, on the post types that can be shared, for users who edit sharing fields.
	 */
	public static function enqueue_sidebar(): void {
		$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		if ( null === $screen || ! in_array( $screen->post_type, Shareworthy_Items::post_types(), true )
			|| ! current_user_can( Shareworthy_Capabilities::EDIT ) ) {
			return;
		}
		$asset_file = SHAREWORTHY_DIR . '/build/sidebar/index.asset.php';
		if ( ! is_readable( $asset_file ) ) {
			return;
		}
		$asset = require $asset_file;
		wp_enqueue_script( 'shareworthy-sidebar', plugins_url( 'build/sidebar/index.js', SHAREWORTHY_FILE ), $asset['dependencies'], $asset['version'], true );
		wp_set_script_translations( 'shareworthy-sidebar', 'shareworthy', SHAREWORTHY_DIR . '/languages' );
		wp_enqueue_style( 'shareworthy-sidebar', plugins_url( 'build/sidebar/index.css', SHAREWORTHY_FILE ), array( 'wp-components' ), $asset['version'] );
		$data = array(
			'networks'   => self::network_labels( self::allowed_networks() ),
			'policy'     => (object) self::policy_config(),
			'locale'     => self::policy_locale(),
			'canPublish' => current_user_can( Shareworthy_Capabilities::PUBLISH ),
			'kinds'      => Shareworthy_Core_Data::curation( 'itemKinds' ),
		);
		wp_add_inline_script( 'shareworthy-sidebar', 'window.shareworthyEditor = ' . wp_json_encode( $data ) . ';', 'before' );
	}

	/**
	 * REST: the policy (GET), accepting it (POST), reporting a concern (POST).
	 */
	public static function register_routes(): void {
		register_rest_route(
			'shareworthy/v1',
			'/policy',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( __CLASS__, 'rest_get_policy' ),
				'permission_callback' => array( 'Shareworthy_REST_Items_Controller', 'can_share' ),
			)
		);
		register_rest_route(
			'shareworthy/v1',
			'/policy/acceptance',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( __CLASS__, 'rest_accept_policy' ),
				'permission_callback' => array( 'Shareworthy_REST_Items_Controller', 'can_share' ),
				'args'                => array(
					'version' => array(
						'type'        => 'integer',
						'minimum'     => 0,
						'required'    => true,
						'description' => __( 'The policy version the user read.', 'shareworthy' ),
					),
				),
			)
		);
		register_rest_route(
			'shareworthy/v1',
			'/concerns',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( __CLASS__, 'rest_create_concern' ),
				'permission_callback' => array( 'Shareworthy_REST_Items_Controller', 'can_share' ),
				'args'                => array(
					'itemId' => array(
						'type'        => 'integer',
						'minimum'     => 1,
						'required'    => true,
						'description' => __( 'The item the concern is about.', 'shareworthy' ),
					),
					'reason' => array(
						'type'        => 'string',
						'minLength'   => 1,
						'maxLength'   => self::CONCERN_MAX,
						'required'    => true,
						'description' => __( 'What is wrong with the item.', 'shareworthy' ),
					),
				),
			)
		);
	}

	/**
	 * GET /shareworthy/v1/policy.
	 *
	 * @return WP_REST_Response
	 */
	public static function rest_get_policy(): WP_REST_Response {
		return rest_ensure_response(
			array(
				'version'  => self::policy_version(),
				'text'     => (string) get_option( self::POLICY_TEXT_OPTION, '' ),
				'config'   => (object) self::policy_config(),
				'accepted' => self::policy_accepted( get_current_user_id() ),
			)
		);
	}

	/**
	 * POST /shareworthy/v1/policy/acceptance: records that the user accepted this version.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error 409 when the policy changed since the user read it.
	 */
	public static function rest_accept_policy( WP_REST_Request $request ) {
		$version = (int) $request['version'];
		if ( self::policy_version() !== $version ) {
			return new WP_Error( 'shareworthy_policy_changed', __( 'The policy changed since you read it. Reload the page to read the new version.', 'shareworthy' ), array( 'status' => 409 ) );
		}
		update_user_meta( get_current_user_id(), self::ACCEPTED_META, $version );
		return rest_ensure_response(
			array(
				'version'  => $version,
				'accepted' => true,
			)
		);
	}

	/**
	 * POST /shareworthy/v1/concerns: stores the concern as a private post.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error 201 with the concern ID.
	 */
	public static function rest_create_concern( WP_REST_Request $request ) {
		$item = get_post( (int) $request['itemId'] );
		if ( ! $item instanceof WP_Post || 'publish' !== $item->post_status || ! in_array( $item->post_type, Shareworthy_Items::post_types(), true ) ) {
			return new WP_Error( 'shareworthy_item_not_found', __( 'No such item.', 'shareworthy' ), array( 'status' => 404 ) );
		}
		$reason = trim( sanitize_textarea_field( (string) $request['reason'] ) );
		if ( '' === $reason ) {
			return new WP_Error( 'shareworthy_empty_concern', __( 'Please describe the concern.', 'shareworthy' ), array( 'status' => 400 ) );
		}
		$id = wp_insert_post(
			array(
				'post_type'    => self::CONCERN_TYPE,
				'post_status'  => 'private',
				'post_parent'  => $item->ID,
				'post_author'  => get_current_user_id(),
				/* translators: %s: title of the item the concern is about */
				'post_title'   => sprintf( __( 'Concern about “%s”', 'shareworthy' ), get_the_title( $item ) ),
				'post_content' => $reason,
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			$id->add_data( array( 'status' => 500 ) );
			return $id;
		}
		/**
		 * Fires when an employee reported a concern about an item.
		 *
		 * @since 0.1.0
		 *
		 * @param int $id      Concern (post) ID.
		 * @param int $item_id Item ID.
		 */
		do_action( 'shareworthy_concern_reported', $id, $item->ID );
		$response = rest_ensure_response(
			array(
				'id'     => $id,
				'itemId' => $item->ID,
			)
		);
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * Shares need the current policy accepted, whatever client creates them.
	 *
	 * @param mixed           $response Response so far (null to go on).
	 * @param array           $handler  Route handler.
	 * @param WP_REST_Request $request  Request.
	 * @return mixed
	 */
	public static function require_policy_for_shares( $response, $handler, WP_REST_Request $request ) {
		unset( $handler );
		if ( null !== $response || 'POST' !== $request->get_method() || '/shareworthy/v1/shares' !== $request->get_route() ) {
			return $response;
		}
		if ( is_user_logged_in() && ! self::policy_accepted( get_current_user_id() ) ) {
			return new WP_Error( 'shareworthy_policy_not_accepted', __( 'Please accept the social media policy before sharing.', 'shareworthy' ), array( 'status' => 403 ) );
		}
		return $response;
	}

	/**
	 * The no-JavaScript share link (admin-post.php): creates the share, then 302 to the
	 * network's share intent with the tracked link. Asks for the policy first if needed.
	 */
	public static function handle_share_link(): void {
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- checked by check_admin_referer.
		$item_id = isset( $_GET['item'] ) ? absint( $_GET['item'] ) : 0;
		$network = isset( $_GET['network'] ) ? sanitize_key( wp_unslash( $_GET['network'] ) ) : '';
		// phpcs:enable
		check_admin_referer( 'shareworthy_share_' . $item_id );
		if ( ! self::policy_accepted( get_current_user_id() ) ) {
			self::policy_page( self::share_link( $item_id, $network ) );
			return;
		}
		$request = new WP_REST_Request( 'POST', '/shareworthy/v1/shares' );
		$request->set_body_params(
			array(
				'itemId'  => $item_id,
				'network' => $network,
			)
		);
		$response = rest_do_request( $request );
		$data     = $response->get_data();
		if ( $response->is_error() ) {
			wp_die( esc_html( (string) ( $data['message'] ?? __( 'The share could not be created.', 'shareworthy' ) ) ), '', array( 'response' => (int) $response->get_status(), 'back_link' => true ) );
		}
		$target = '' !== (string) $data['intentUrl'] ? (string) $data['intentUrl'] : (string) $data['trackedUrl'];
		// wp_redirect, not wp_safe_redirect: the share intent is on the network's host.
		wp_redirect( $target, 302, 'Shareworthy' ); // phpcs:ignore WordPress.Security.SafeRedirect.wp_redirect_wp_redirect
		exit;
	}

	/**
	 * The no-JavaScript policy form's target: records the acceptance, goes back to the share.
	 */
	public static function handle_accept_policy(): void {
		check_admin_referer( 'shareworthy_accept_policy' );
		$version = isset( $_POST['version'] ) ? absint( $_POST['version'] ) : -1;
		$back    = isset( $_POST['redirect_to'] ) ? esc_url_raw( wp_unslash( $_POST['redirect_to'] ) ) : home_url( '/' );
		if ( ! current_user_can( Shareworthy_Capabilities::SHARE ) ) {
			wp_die( esc_html__( 'You are not allowed to share items.', 'shareworthy' ), '', array( 'response' => 403 ) );
		}
		if ( self::policy_version() !== $version ) {
			self::policy_page( $back );
			return;
		}
		update_user_meta( get_current_user_id(), self::ACCEPTED_META, $version );
		wp_safe_redirect( $back );
		exit;
	}

	/**
	 * The no-JavaScript concern form's target.
	 */
	public static function handle_concern_form(): void {
		check_admin_referer( 'shareworthy_concern' );
		$request = new WP_REST_Request( 'POST', '/shareworthy/v1/concerns' );
		$request->set_body_params(
			array(
				'itemId' => isset( $_POST['item'] ) ? absint( $_POST['item'] ) : 0,
				'reason' => isset( $_POST['reason'] ) ? sanitize_textarea_field( wp_unslash( $_POST['reason'] ) ) : '',
			)
		);
		$response = rest_do_request( $request );
		if ( $response->is_error() ) {
			$data = $response->get_data();
			wp_die( esc_html( (string) ( $data['message'] ?? '' ) ), '', array( 'response' => (int) $response->get_status(), 'back_link' => true ) );
		}
		$back = wp_get_referer();
		wp_safe_redirect( add_query_arg( 'shareworthy_concern', 'sent', false !== $back ? $back : home_url( '/' ) ) . '#shareworthy-concern-sent' );
		exit;
	}

	/**
	 * Raises the policy version when its text changes (employees then accept again).
	 */
	public static function bump_policy_version(): void {
		update_option( self::POLICY_VERSION_OPTION, (int) get_option( self::POLICY_VERSION_OPTION, 0 ) + 1 );
	}

	/**
	 * The current policy version; 0 while there is no policy text (nothing to accept).
	 */
	public static function policy_version(): int {
		return '' === trim( (string) get_option( self::POLICY_TEXT_OPTION, '' ) ) ? 0 : max( 1, (int) get_option( self::POLICY_VERSION_OPTION, 1 ) );
	}

	/**
	 * Whether the user accepted the current policy version.
	 *
	 * @param int $user_id User.
	 */
	public static function policy_accepted( int $user_id ): bool {
		$version = self::policy_version();
		return 0 === $version || ( $user_id > 0 && (int) get_user_meta( $user_id, self::ACCEPTED_META, true ) === $version );
	}

	/**
	 * The policy checks, as stored (core's PolicyConfig shape).
	 *
	 * @return array<string, mixed>
	 */
	public static function policy_config(): array {
		$config = get_option( self::POLICY_OPTION, array() );
		return is_array( $config ) ? $config : array();
	}

	/**
	 * Networks employees may share to (Shareworthy → Settings; the policy has no list of its
	 * own since 0.2, see Shareworthy_Settings::maybe_migrate).
	 *
	 * @return list<string>
	 */
	public static function allowed_networks(): array {
		return Shareworthy_Items::networks();
	}

	/**
	 * Display names of networks.
	 *
	 * @param list<string> $networks Network ids.
	 * @return array<string, string> Id => name, in the given order.
	 */
	public static function network_labels( array $networks ): array {
		// Brand names as core writes them; only the word "Email" is translated.
		$names = array( 'email' => __( 'Email', 'shareworthy' ) ) + Shareworthy_Core_Data::network_names();
		$labels = array();
		foreach ( $networks as $network ) {
			$labels[ $network ] = $names[ $network ] ?? $network;
		}
		return $labels;
	}

	/**
	 * The share block (render.php).
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 * @param WP_Post|null         $post       The article.
	 * @return string HTML ('' when there is nothing to share for this reader).
	 */
	public static function render_share_block( array $attributes, ?WP_Post $post ): string {
		unset( $attributes ); // Who sees what is decided by the site's settings, not per block.
		if ( ! $post instanceof WP_Post ) {
			return '';
		}
		$user_id = get_current_user_id();
		if ( 0 === $user_id ) {
			// Visitors get plain, untracked links only where the site turned them on (off by default).
			return Shareworthy_Settings::public_buttons() && Shareworthy_Items::is_live( $post, time() ) ? self::public_links( $post ) : '';
		}
		if ( ! current_user_can( Shareworthy_Capabilities::SHARE ) || ! Shareworthy_Items::is_live( $post, time() ) || ! Shareworthy_Items::is_visible_to( $post, $user_id ) ) {
			return '';
		}
		$shared = Shareworthy_Shares::shared_item_ids( $user_id, array( $post->ID ) );
		self::add_state( array( $post ), $shared );
		$html  = '<p class="shareworthy-share__title">' . esc_html__( 'Share this article', 'shareworthy' ) . '</p>';
		$html .= self::item_actions( $post );
		return self::root( $html );
	}

	/**
	 * The feed block (render.php): the employee's items as the server ranks them (core's
	 * rankFeed rules, Shareworthy_Items::feed), paginated.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 * @return string HTML.
	 */
	public static function render_feed_block( array $attributes ): string {
		$user_id = get_current_user_id();
		if ( 0 === $user_id || ! current_user_can( Shareworthy_Capabilities::SHARE ) ) {
			return '';
		}
		$per_page = max( 1, min( 50, (int) ( $attributes['perPage'] ?? 5 ) ) );
		$items    = Shareworthy_Items::feed( $user_id, time() );
		$pages    = max( 1, (int) ceil( count( $items ) / $per_page ) );
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a page number.
		$page  = isset( $_GET['shareworthy_page'] ) ? min( $pages, max( 1, absint( $_GET['shareworthy_page'] ) ) ) : 1;
		$shown = array_slice( $items, ( $page - 1 ) * $per_page, $per_page );
		$title = '<h2 class="shareworthy-feed__title">' . esc_html( (string) ( $attributes['title'] ?? __( 'Articles to share', 'shareworthy' ) ) ) . '</h2>';
		if ( array() === $shown ) {
			return self::root( $title . '<p class="shareworthy-feed__empty">' . esc_html__( 'Nothing to share right now. New articles will appear here.', 'shareworthy' ) . '</p>', false );
		}
		$posts  = array_map( static fn( array $entry ): WP_Post => $entry['post'], $shown );
		$shared = array();
		foreach ( $shown as $entry ) {
			if ( $entry['alreadyShared'] ) {
				$shared[ $entry['post']->ID ] = true;
			}
		}
		self::add_state( $posts, $shared );
		$list = '';
		foreach ( $posts as $post ) {
			$list .= sprintf(
				'<li class="shareworthy-feed__item"><h3 class="shareworthy-feed__item-title"><a href="%1$s">%2$s</a></h3><p class="shareworthy-feed__excerpt">%3$s</p>%4$s</li>',
				esc_url( (string) get_permalink( $post ) ),
				esc_html( get_the_title( $post ) ),
				esc_html( wp_trim_words( get_the_excerpt( $post ), 30 ) ),
				self::item_actions( $post )
			);
		}
		$nav = '';
		if ( $pages > 1 ) {
			$nav = '<nav class="shareworthy-feed__pages" aria-label="' . esc_attr__( 'Feed pages', 'shareworthy' ) . '">';
			if ( $page > 1 ) {
				$nav .= '<a rel="prev" href="' . esc_url( add_query_arg( 'shareworthy_page', $page - 1 ) ) . '">' . esc_html__( 'Previous', 'shareworthy' ) . '</a> ';
			}
			/* translators: 1: current page, 2: number of pages */
			$nav .= '<span>' . esc_html( sprintf( __( 'Page %1$d of %2$d', 'shareworthy' ), $page, $pages ) ) . '</span>';
			if ( $page < $pages ) {
				$nav .= ' <a rel="next" href="' . esc_url( add_query_arg( 'shareworthy_page', $page + 1 ) ) . '">' . esc_html__( 'Next', 'shareworthy' ) . '</a>';
			}
			$nav .= '</nav>';
		}
		return self::root( $title . '<ul class="shareworthy-feed__items">' . $list . '</ul>' . $nav );
	}

	/**
	 * The no-JavaScript share link of an item and network.
	 *
	 * @param int    $item_id Item.
	 * @param string $network Network id.
	 */
	public static function share_link( int $item_id, string $network ): string {
		return wp_nonce_url(
			add_query_arg(
				array(
					'action'  => 'shareworthy_share',
					'item'    => $item_id,
					'network' => $network,
				),
				admin_url( 'admin-post.php' )
			),
			'shareworthy_share_' . $item_id
		);
	}

	/**
	 * Wraps block content in the interactive region, with the composer dialog when needed.
	 *
	 * @param string $inner       Content.
	 * @param bool   $with_dialog Whether the region has share links.
	 */
	private static function root( string $inner, bool $with_dialog = true ): string {
		$context = array(
			'itemId'       => '',
			'network'      => '',
			'networkLabel' => '',
			'message'      => '',
			'open'         => false,
			'ready'        => false,
			'busy'         => false,
			'error'        => '',
			'intentUrl'    => '',
		);
		return sprintf(
			'<div %1$s data-wp-interactive="shareworthy" %2$s>%3$s%4$s</div>',
			get_block_wrapper_attributes(),
			wp_interactivity_data_wp_context( $context ),
			$inner,
			$with_dialog ? self::dialog() : ''
		);
	}

	/**
	 * An item's share links, "already shared" note and concern form.
	 *
	 * @param WP_Post $post Item.
	 */
	private static function item_actions( WP_Post $post ): string {
		$links    = '';
		$networks = array_values( array_intersect( Shareworthy_Items::networks_for( $post ), self::allowed_networks() ) );
		foreach ( self::network_labels( $networks ) as $network => $label ) {
			$links .= sprintf(
				'<li><a class="shareworthy-share__link" href="%1$s" rel="nofollow" data-item="%2$d" data-network="%3$s" data-label="%4$s" data-wp-on--click="actions.open">%5$s</a></li>',
				esc_url( self::share_link( $post->ID, $network ) ),
				$post->ID,
				esc_attr( $network ),
				esc_attr( $label ),
				esc_html( $label )
			);
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- display only.
		$sent = isset( $_GET['shareworthy_concern'] ) && 'sent' === $_GET['shareworthy_concern'];
		return sprintf(
			'<div class="shareworthy-share" %1$s><ul class="shareworthy-share__links" aria-label="%2$s">%3$s</ul>'
			. '<p class="shareworthy-share__shared" data-wp-bind--hidden="!state.itemShared">%4$s</p>'
			. '<details class="shareworthy-concern"><summary>%5$s</summary>'
			. '<form method="post" action="%6$s" data-wp-on--submit="actions.report">'
			. '<input type="hidden" name="action" value="shareworthy_concern"><input type="hidden" name="item" value="%7$d">%8$s'
			. '<label for="%9$s">%10$s</label><textarea id="%9$s" name="reason" required maxlength="%11$d"></textarea>'
			. '<button type="submit">%12$s</button><p role="status" data-wp-text="context.reportStatus">%13$s</p></form></details></div>',
			wp_interactivity_data_wp_context(
				array(
					'item'         => (string) $post->ID,
					'reportStatus' => '',
				)
			),
			esc_attr__( 'Share on', 'shareworthy' ),
			$links,
			esc_html__( 'You already shared this article. Thank you!', 'shareworthy' ),
			esc_html__( 'Report a concern', 'shareworthy' ),
			esc_url( admin_url( 'admin-post.php' ) ),
			$post->ID,
			wp_nonce_field( 'shareworthy_concern', '_wpnonce', true, false ),
			esc_attr( wp_unique_id( 'shareworthy-concern-' ) ),
			esc_html__( 'What is wrong with this article?', 'shareworthy' ),
			self::CONCERN_MAX,
			esc_html__( 'Send to the editors', 'shareworthy' ),
			$sent ? esc_html__( 'Thank you, the editors will look into it.', 'shareworthy' ) : ''
		);
	}

	/**
	 * The composer dialog the view module opens: the policy to accept, then the message.
	 */
	private static function dialog(): string {
		$id   = wp_unique_id( 'shareworthy-composer-' );
		$text = (string) get_option( self::POLICY_TEXT_OPTION, '' );
		ob_start();
		?>
		<dialog class="shareworthy-composer" aria-labelledby="<?php echo esc_attr( $id ); ?>-title" data-wp-watch="callbacks.syncDialog" data-wp-on--close="actions.close">
			<div data-wp-bind--hidden="!state.needsPolicy">
				<h2 id="<?php echo esc_attr( $id ); ?>-title"><?php esc_html_e( 'Our social media policy', 'shareworthy' ); ?></h2>
				<div class="shareworthy-composer__policy" tabindex="0"><?php echo esc_html( $text ); ?></div>
				<p class="shareworthy-composer__error" role="alert" data-wp-text="context.error"></p>
				<div class="shareworthy-composer__actions">
					<button type="button" data-wp-on--click="actions.cancel"><?php esc_html_e( 'Cancel', 'shareworthy' ); ?></button>
					<button type="button" class="is-primary" data-wp-on--click="actions.acceptPolicy" data-wp-bind--disabled="context.busy"><?php esc_html_e( 'I accept the policy', 'shareworthy' ); ?></button>
				</div>
			</div>
			<div data-wp-bind--hidden="!state.showComposer" data-wp-watch="callbacks.focusMessage">
				<h2 id="<?php echo esc_attr( $id ); ?>-share"><?php esc_html_e( 'Share on', 'shareworthy' ); ?> <span data-wp-text="context.networkLabel"></span></h2>
				<label for="<?php echo esc_attr( $id ); ?>-message"><?php esc_html_e( 'Your message', 'shareworthy' ); ?></label>
				<textarea id="<?php echo esc_attr( $id ); ?>-message" data-wp-bind--value="context.message" data-wp-on--input="actions.edit" aria-describedby="<?php echo esc_attr( $id ); ?>-count <?php echo esc_attr( $id ); ?>-findings"></textarea>
				<p id="<?php echo esc_attr( $id ); ?>-count" class="shareworthy-composer__count" aria-live="polite" data-wp-text="state.counter" data-wp-class--is-over="state.isOver"></p>
				<ul id="<?php echo esc_attr( $id ); ?>-findings" class="shareworthy-composer__findings" aria-live="polite">
					<template data-wp-each--finding="state.findings" data-wp-each-key="context.finding.key"><li data-wp-text="context.finding.text" data-wp-class--is-block="context.finding.isBlock" data-wp-class--is-warn="!context.finding.isBlock"></li></template>
				</ul>
				<p class="shareworthy-composer__error" role="alert" data-wp-text="context.error"></p>
				<p data-wp-bind--hidden="!context.intentUrl"><a target="_blank" rel="noopener" data-wp-bind--href="context.intentUrl"><?php esc_html_e( 'Your browser blocked the share window: open it here.', 'shareworthy' ); ?></a></p>
				<div class="shareworthy-composer__actions">
					<button type="button" data-wp-on--click="actions.cancel"><?php esc_html_e( 'Cancel', 'shareworthy' ); ?></button>
					<button type="button" class="is-primary" data-wp-on--click="actions.share" data-wp-bind--disabled="state.cannotShare"><?php esc_html_e( 'Share', 'shareworthy' ); ?></button>
				</div>
			</div>
		</dialog>
		<?php
		return (string) ob_get_clean();
	}

	/**
	 * Adds the items (and, once per page, what every share region needs) to the state the
	 * view module reads.
	 *
	 * @param list<WP_Post>   $posts  Items shown.
	 * @param array<int,true> $shared Items the user already shared.
	 */
	private static function add_state( array $posts, array $shared ): void {
		$items = array();
		foreach ( $posts as $post ) {
			$starts                          = (string) get_post_meta( $post->ID, Shareworthy_Meta::STARTS_AT, true );
			$expires                         = (string) get_post_meta( $post->ID, Shareworthy_Meta::EXPIRES_AT, true );
			$items[ (string) $post->ID ] = array(
				'title'       => html_entity_decode( wp_strip_all_tags( get_the_title( $post ) ), ENT_QUOTES, 'UTF-8' ),
				'suggestions' => (object) (array) get_post_meta( $post->ID, Shareworthy_Meta::MESSAGES, true ),
				'hashtags'    => array_values( (array) get_post_meta( $post->ID, Shareworthy_Meta::HASHTAGS, true ) ),
				'startsAt'    => $starts,
				'expiresAt'   => $expires,
				'shared'      => isset( $shared[ $post->ID ] ),
			);
		}
		$state = array( 'items' => $items );
		if ( ! self::$state_added ) {
			self::$state_added = true;
			$config            = self::policy_config();
			$state            += array(
				'restUrl' => esc_url_raw( rest_url( 'shareworthy/v1/' ) ),
				'nonce'   => wp_create_nonce( 'wp_rest' ),
				'locale'  => self::policy_locale(),
				'policy'  => array(
					'version'    => self::policy_version(),
					'accepted'   => self::policy_accepted( get_current_user_id() ),
					'config'     => (object) $config,
					'disclosure' => (string) ( $config['requiredDisclosure'][0] ?? '' ),
				),
				'i18n'    => array(
					/* translators: 1: length of the message, 2: the network's limit */
					'counter'        => __( '%1$s / %2$s', 'shareworthy' ),
					/* translators: %1$s: length of the message */
					'counterNoLimit' => __( '%1$s characters', 'shareworthy' ),
					/* translators: %1$s: error message from the server */
					'shareFailed'    => __( 'The share could not be created: %1$s', 'shareworthy' ),
					/* translators: %1$s: error message from the server */
					'acceptFailed'   => __( 'Your acceptance could not be saved: %1$s', 'shareworthy' ),
					/* translators: 1: a policy finding, 2: the words of the message it is about */
					'quoted'         => __( '%1$s “%2$s”', 'shareworthy' ),
					'reportSent'     => __( 'Thank you, the editors will look into it.', 'shareworthy' ),
					/* translators: %1$s: error message from the server */
					'reportFailed'   => __( 'Your concern could not be sent: %1$s', 'shareworthy' ),
				),
				// Derived state for the server-side render; the view module has the same getters.
				'needsPolicy'  => static fn(): bool => ! wp_interactivity_state( 'shareworthy' )['policy']['accepted'],
				'showComposer' => static fn(): bool => (bool) wp_interactivity_state( 'shareworthy' )['policy']['accepted'],
				'itemShared'   => static function (): bool {
					$context = wp_interactivity_get_context( 'shareworthy' );
					$items   = wp_interactivity_state( 'shareworthy' )['items'];
					return ! empty( $items[ $context['item'] ?? '' ]['shared'] );
				},
			);
		}
		wp_interactivity_state( 'shareworthy', $state );
	}

	/**
	 * Plain public share links for visitors (no tracking, no JavaScript).
	 *
	 * @param WP_Post $post Item.
	 */
	private static function public_links( WP_Post $post ): string {
		$url      = Shareworthy_Items::public_url( $post );
		$title    = html_entity_decode( wp_strip_all_tags( get_the_title( $post ) ), ENT_QUOTES, 'UTF-8' );
		$messages = (array) get_post_meta( $post->ID, Shareworthy_Meta::MESSAGES, true );
		$links    = '';
		$networks = array_values( array_intersect( Shareworthy_Items::networks_for( $post ), self::allowed_networks() ) );
		foreach ( self::network_labels( $networks ) as $network => $label ) {
			$intent = Shareworthy_Utm::intent_url( $network, $url, (string) ( $messages[ $network ] ?? $messages['default'] ?? $title ), $title );
			if ( '' === $intent ) {
				continue;
			}
			$links .= sprintf(
				'<li><a class="shareworthy-share__link" href="%1$s" target="_blank" rel="noopener nofollow">%2$s</a></li>',
				esc_url( $intent, array( 'http', 'https', 'mailto' ) ),
				esc_html( $label )
			);
		}
		return sprintf(
			'<div %1$s><p class="shareworthy-share__title">%2$s</p><ul class="shareworthy-share__links" aria-label="%3$s">%4$s</ul></div>',
			get_block_wrapper_attributes(),
			esc_html__( 'Share this article', 'shareworthy' ),
			esc_attr__( 'Share on', 'shareworthy' ),
			$links
		);
	}

	/**
	 * Language of policy findings: French for fr_* sites and users, English otherwise.
	 */
	private static function policy_locale(): string {
		return str_starts_with( determine_locale(), 'fr' ) ? 'fr' : 'en';
	}

	/**
	 * Page asking for the policy before a no-JavaScript share.
	 *
	 * @param string $back Where to go after accepting.
	 */
	private static function policy_page( string $back ): void {
		$form = sprintf(
			'<h1>%1$s</h1><div>%2$s</div><form method="post" action="%3$s"><input type="hidden" name="action" value="shareworthy_accept_policy"><input type="hidden" name="version" value="%4$d"><input type="hidden" name="redirect_to" value="%5$s">%6$s<p><button type="submit" class="button button-primary">%7$s</button></p></form>',
			esc_html__( 'Our social media policy', 'shareworthy' ),
			wpautop( esc_html( (string) get_option( self::POLICY_TEXT_OPTION, '' ) ) ),
			esc_url( admin_url( 'admin-post.php' ) ),
			self::policy_version(),
			esc_attr( $back ),
			wp_nonce_field( 'shareworthy_accept_policy', '_wpnonce', true, false ),
			esc_html__( 'I accept the policy', 'shareworthy' )
		);
		wp_die( $form, esc_html__( 'Our social media policy', 'shareworthy' ), array( 'response' => 200 ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped above.
	}
}
