<?php
/**
 * The Shareworthy click tracker (packages/tracker) as the source of tracked links, for
 * intranets the public cannot reach: their own /go/ links would lead nowhere outside.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Talks to the tracker's API (short links, reports, erasure), keeps the short link of each
 * share in its own table, and falls back to the site's /go/ link when the tracker fails: the
 * share is never lost, and the failure is shown to the employee (trackerError in the REST
 * answer), to administrators (a notice) and in the PHP error log.
 */
final class Shareworthy_Tracker_Client {

	/** Option: the tracker's base URL (http or https, no query); empty: the tracker is off. */
	public const URL_OPTION = 'shareworthy_tracker_url';

	/**
	 * What a tracker URL looks like (JSON Schema / JavaScript regex syntax, for REST schemas and
	 * the settings page): empty, or http(s)://host[:port][/path] in RFC 3986 characters (an IDN
	 * host in punycode), without credentials, query or fragment; a path is fine (a tracker
	 * behind a proxy under /tracker).
	 */
	public const URL_PATTERN = '^(https?://[-A-Za-z0-9._~%!$&+,;=:\\[\\]]+(/[-A-Za-z0-9._~%!$&+,;=:@/]*)?)?$';

	/** Option: the API key (scopes issue and erase; report for report()). Never shown in full. */
	public const KEY_OPTION = 'shareworthy_tracker_api_key';

	/** Option: the last failure to get a short link, for the admin notice (cleared by a success). */
	public const FAILURE_OPTION = 'shareworthy_tracker_failure';

	/** Option holding this class's table version. */
	public const DB_VERSION_OPTION = 'shareworthy_tracker_db_version';

	/** Bump when the CREATE TABLE statement changes; dbDelta migrates. */
	public const DB_VERSION = 1;

	/** REST field of a share: why its link is the site's own although a tracker is set. */
	public const REST_FIELD = 'trackerError';

	/**
	 * Seconds to wait for the tracker. An employee is waiting for the share dialog, and the
	 * tracker answers in milliseconds when it is up: a longer wait only delays the fallback.
	 */
	private const TIMEOUT = 3;

	/** Most orphaned links erased per call, so a bulk deletion cannot hang a request. */
	private const ERASE_BATCH = 25;

	/** The masked key starts with this; no valid key contains it, so it is never stored. */
	private const MASK = '••••••••';

	/**
	 * Rows already read or written in this request, by share code.
	 *
	 * @var array<string, array{share_id: int, code: string, short_url: ?string, error: ?string}|null>
	 */
	private static array $rows = array();

	/**
	 * Adds the hooks (called once from Shareworthy_Plugin::boot()).
	 */
	public static function boot(): void {
		add_action( 'plugins_loaded', array( __CLASS__, 'maybe_upgrade' ), 0 );
		add_action( 'init', array( __CLASS__, 'register_settings' ) );
		add_filter( 'rest_pre_get_setting', array( __CLASS__, 'mask_rest_setting' ), 10, 2 );
		add_action( 'update_option_' . self::URL_OPTION, array( __CLASS__, 'forget_failure' ) );
		add_action( 'update_option_' . self::KEY_OPTION, array( __CLASS__, 'forget_failure' ) );
		add_action( 'shareworthy_share_created', array( __CLASS__, 'on_share_created' ) );
		add_filter( 'shareworthy_tracked_url', array( __CLASS__, 'tracked_url' ), 10, 2 );
		add_action( 'rest_api_init', array( __CLASS__, 'register_rest_field' ) );
		add_action( 'rest_api_init', array( __CLASS__, 'register_check_route' ) );
		add_action( 'admin_notices', array( __CLASS__, 'failure_notice' ) );
		add_filter( 'wp_privacy_personal_data_erasers', array( __CLASS__, 'register_eraser' ), 20 );
		// After Shareworthy_Shares deleted the shares (priority 10): their links are orphans then.
		add_action( 'deleted_post', array( __CLASS__, 'erase_orphans' ), 20, 0 );
		add_action( 'deleted_user', array( __CLASS__, 'on_deleted_user' ), 20 );
		add_action( Shareworthy_Cron::HOOK, array( __CLASS__, 'erase_orphans' ), 10, 0 );
	}

	/**
	 * Table holding each share's short link (or why there is none).
	 */
	public static function table(): string {
		global $wpdb;
		return $wpdb->prefix . 'shareworthy_tracker_links';
	}

	/**
	 * Creates the table when the stored version is older (an autoloaded option read).
	 */
	public static function maybe_upgrade(): void {
		if ( (int) get_option( self::DB_VERSION_OPTION, 0 ) < self::DB_VERSION ) {
			self::install();
		}
	}

	/**
	 * Creates or migrates the table with dbDelta and records its version. A row without
	 * short_url records a failed request (error says why); a row whose share is gone is a
	 * link still to erase on the tracker.
	 */
	public static function install(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$table   = self::table();
		$charset = $wpdb->get_charset_collate();
		dbDelta(
			"CREATE TABLE {$table} (
  share_id bigint(20) unsigned NOT NULL,
  code varchar(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  short_url varchar(2048) DEFAULT NULL,
  error varchar(1000) DEFAULT NULL,
  created_at datetime NOT NULL,
  PRIMARY KEY  (share_id),
  UNIQUE KEY code (code)
) {$charset};"
		);
		update_option( self::DB_VERSION_OPTION, self::DB_VERSION, true );
	}

	/**
	 * Drops the table and forgets its version (uninstall; the options go with shareworthy_*).
	 */
	public static function drop(): void {
		global $wpdb;
		$wpdb->query( 'DROP TABLE IF EXISTS ' . self::table() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- name from $wpdb->prefix.
		delete_option( self::DB_VERSION_OPTION );
	}

	/**
	 * Registers both options with the Settings API and the REST settings API (where the
	 * settings page saves). The key is masked on the way out by mask_rest_setting().
	 */
	public static function register_settings(): void {
		register_setting(
			Shareworthy_Settings::PAGE,
			self::URL_OPTION,
			array(
				'type'              => 'string',
				'description'       => __( 'Click tracker URL (empty: the site\'s own /go/ links)', 'shareworthy' ),
				'default'           => '',
				'sanitize_callback' => array( __CLASS__, 'sanitize_url' ),
				'show_in_rest'      => array(
					'schema' => array(
						'type'      => 'string',
						'maxLength' => 2048,
						// The rule sanitize_url() applies, so the REST API answers 400 instead of keeping the old value.
						'pattern'   => self::URL_PATTERN,
					),
				),
			)
		);
		register_setting(
			Shareworthy_Settings::PAGE,
			self::KEY_OPTION,
			array(
				'type'              => 'string',
				'description'       => __( 'Click tracker API key (scopes issue and erase)', 'shareworthy' ),
				'default'           => '',
				'sanitize_callback' => array( __CLASS__, 'sanitize_key' ),
				'show_in_rest'      => array(
					'schema' => array(
						'type'      => 'string',
						'maxLength' => 300,
					),
				),
			)
		);
	}

	/**
	 * The tracker URL as stored: trimmed, without trailing slashes; '' turns the tracker off.
	 * Anything but an absolute http(s) URL without credentials, query or fragment is refused:
	 * the old value stays and a settings error says why.
	 *
	 * @param mixed $value Submitted value.
	 */
	public static function sanitize_url( $value ): string {
		$url = is_scalar( $value ) ? rtrim( trim( (string) $value ), '/' ) : null;
		if ( '' === $url || ( null !== $url && self::is_tracker_url( $url ) ) ) {
			return $url;
		}
		self::settings_error( self::URL_OPTION, __( 'The click tracker URL must be an absolute http:// or https:// address, without user name, password, query or fragment. The previous value was kept.', 'shareworthy' ) );
		return (string) get_option( self::URL_OPTION, '' );
	}

	/**
	 * The API key as stored. The masked value coming back unchanged (the settings page shows
	 * the mask) keeps the stored key; '' removes it; anything else must look like a tracker
	 * key (8 to 256 visible ASCII characters without "," or ":", see TRACKER_API_KEYS).
	 *
	 * @param mixed $value Submitted value.
	 */
	public static function sanitize_key( $value ): string {
		$key    = is_scalar( $value ) ? trim( (string) $value ) : null;
		$stored = (string) get_option( self::KEY_OPTION, '' );
		if ( '' !== $stored && self::mask( $stored ) === $key ) {
			return $stored;
		}
		if ( '' === $key || ( null !== $key && 1 === preg_match( '/^[\x21-\x2b\x2d-\x39\x3b-\x7e]{8,256}$/D', $key ) ) ) {
			return $key;
		}
		self::settings_error( self::KEY_OPTION, __( 'The click tracker API key must be 8 to 256 visible ASCII characters, without spaces, commas or colons. The previous key was kept.', 'shareworthy' ) );
		return $stored;
	}

	/**
	 * What is shown of a key: a fixed run of dots and, for long keys, the last four
	 * characters, so an administrator can tell which key is set without anyone reading it.
	 *
	 * @param string $key Key in clear.
	 * @return string '' for no key.
	 */
	public static function mask( string $key ): string {
		if ( '' === $key ) {
			return '';
		}
		return self::MASK . ( strlen( $key ) >= 16 ? substr( $key, -4 ) : '' );
	}

	/**
	 * rest_pre_get_setting: /wp/v2/settings answers the masked key, never the key.
	 *
	 * @param mixed  $result Value so far (null: read the option).
	 * @param string $name   Setting name.
	 * @return mixed
	 */
	public static function mask_rest_setting( $result, $name ) {
		return self::KEY_OPTION === $name ? self::mask( (string) get_option( self::KEY_OPTION, '' ) ) : $result;
	}

	/**
	 * Whether short links come from the tracker: both options are set.
	 */
	public static function enabled(): bool {
		return '' !== (string) get_option( self::URL_OPTION, '' ) && '' !== (string) get_option( self::KEY_OPTION, '' );
	}

	/**
	 * Asks the tracker for a share's short link (POST /api/links). The tracker tags the target
	 * with the same UTM scheme as /go/ (core's trackedShareUrl), with the share's code as
	 * utm_content: random and already public in /go/{code}, it is unique across every site and
	 * SharePoint tenant that uses the same tracker, where WordPress share IDs are not.
	 *
	 * @param array<string, mixed> $share A stored share (id, item_id, user_id, network, code).
	 * @return string|WP_Error The short URL, or why there is none.
	 */
	public static function issue_link( array $share ) {
		$code   = (string) ( $share['code'] ?? '' );
		$target = Shareworthy_Shares::find_target( $code );
		if ( null === $target ) {
			return new WP_Error( 'shareworthy_tracker_unknown_share', __( 'This share does not exist (any more).', 'shareworthy' ) );
		}
		$url  = '' !== $target['public_url'] ? $target['public_url'] : (string) get_permalink( $target['item_id'] );
		$body = array(
			'targetUrl'  => $url,
			// Post IDs repeat between the sites of a network; the site ID keeps them apart.
			'itemId'     => is_multisite() ? get_current_blog_id() . '-' . $target['item_id'] : (string) $target['item_id'],
			'campaign'   => Shareworthy_Utm::campaign( $target['campaign'] ),
			'network'    => $target['network'],
			'shareId'    => $code,
			// Stays in the tracker's database (reports, erasure); never in the link.
			'employeeId' => (string) (int) ( $share['user_id'] ?? 0 ),
		);
		$answer = self::request( 'POST', '/api/links', $body );
		if ( is_wp_error( $answer ) ) {
			return $answer;
		}
		$short = $answer['shortUrl'] ?? null;
		if ( ! is_string( $short ) || null !== Shareworthy_Utm::url_problem( $short ) ) {
			return new WP_Error( 'shareworthy_tracker_bad_answer', __( 'The click tracker answered without a usable short link.', 'shareworthy' ) );
		}
		return $short;
	}

	/**
	 * Erases a share's link and its clicks on the tracker (DELETE /api/shares/{code}), then
	 * forgets the link here. A share that never got a tracker link needs no request.
	 *
	 * @param int $share_id WordPress share ID.
	 * @return array{links: int, clicks: int}|WP_Error What the tracker removed.
	 */
	public static function erase_share( int $share_id ) {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT code, short_url FROM {$table} WHERE share_id = %d", $share_id ), ARRAY_A );
		$removed = array(
			'links'  => 0,
			'clicks' => 0,
		);
		if ( is_array( $row ) && null !== $row['short_url'] ) {
			$answer = self::request( 'DELETE', '/api/shares/' . rawurlencode( (string) $row['code'] ) );
			if ( is_wp_error( $answer ) ) {
				return $answer;
			}
			$removed = self::removed( $answer );
		}
		$wpdb->delete( $table, array( 'share_id' => $share_id ), array( '%d' ) );
		self::$rows = array();
		return $removed;
	}

	/**
	 * Erases every link an employee issued and their clicks on the tracker
	 * (DELETE /api/employees/{id}), including links this site no longer knows about.
	 *
	 * @param int $user_id WordPress user ID.
	 * @return array{links: int, clicks: int}|WP_Error What the tracker removed.
	 */
	public static function erase_employee( int $user_id ) {
		$answer = self::request( 'DELETE', '/api/employees/' . $user_id );
		return is_wp_error( $answer ) ? $answer : self::removed( $answer );
	}

	/**
	 * The tracker's report (GET /api/reports): core's aggregate over the links it issued.
	 *
	 * @param string $from     First UTC day, YYYY-MM-DD.
	 * @param string $to       Last UTC day, YYYY-MM-DD (inclusive).
	 * @param string $group_by item, campaign, network or day.
	 * @return array<string, mixed>|WP_Error { totals, rows, excluded }, or the tracker's error.
	 */
	public static function report( string $from, string $to, string $group_by = 'item' ) {
		return self::request(
			'GET',
			'/api/reports?' . http_build_query(
				array(
					'from'    => $from,
					'to'      => $to,
					'groupBy' => $group_by,
				),
				'',
				'&',
				PHP_QUERY_RFC3986
			)
		);
	}

	/**
	 * A page of the tracker's click feed (GET /api/clicks, scope report): the clicks it stored
	 * after a cursor, in the order it stored them (see Shareworthy_Tracker_Clicks).
	 *
	 * @param string|null $after   Cursor from an earlier page (null: from the first click).
	 * @param int         $limit   Most clicks (1 to 5,000).
	 * @param float       $timeout Seconds to wait for the answer.
	 * @return array<string, mixed>|WP_Error { clicks: [{ shareId, at, visitorKey }], next }.
	 */
	public static function click_feed( ?string $after, int $limit, float $timeout ) {
		$query = array( 'limit' => $limit ) + ( null === $after ? array() : array( 'after' => $after ) );
		return self::request( 'GET', '/api/clicks?' . http_build_query( $query, '', '&', PHP_QUERY_RFC3986 ), null, $timeout );
	}

	/**
	 * Whether the tracker answers and what the key may do, without creating or deleting
	 * anything: the tracker checks the key and its scope before the request, so an empty link
	 * request answers 400 (validation) to a key that may issue, a share id no code can have
	 * is erased as nothing, and a one-day report is read.
	 *
	 * @return array{issue: bool, erase: bool, report: bool}|WP_Error The scopes, or why the
	 *                                                                tracker cannot be used at all.
	 */
	public static function check() {
		$scopes = array();
		$probes = array(
			'issue'  => array( 'POST', '/api/links', array() ),
			'erase'  => array( 'DELETE', '/api/shares/shareworthy-check', null ),
			'report' => array( 'GET', '/api/reports?from=' . gmdate( 'Y-m-d' ) . '&to=' . gmdate( 'Y-m-d' ), null ),
		);
		foreach ( $probes as $scope => $probe ) {
			$answer = self::request( ...$probe );
			$status = is_wp_error( $answer ) ? (int) ( $answer->get_error_data()['status'] ?? 0 ) : 200;
			$type   = is_wp_error( $answer ) ? (string) ( $answer->get_error_data()['type'] ?? '' ) : '';
			if ( 'issue' === $scope ? 'urn:shareworthy:problem:validation' === $type : ! is_wp_error( $answer ) ) {
				$scopes[ $scope ] = true;
			} elseif ( 403 === $status && 'urn:shareworthy:problem:missing-scope' === $type ) {
				$scopes[ $scope ] = false;
			} else {
				/* translators: %d: HTTP status code */
				return $answer instanceof WP_Error ? $answer : new WP_Error( 'shareworthy_tracker_bad_answer', sprintf( __( 'The click tracker gave an answer Shareworthy does not expect (HTTP status %d).', 'shareworthy' ), $status ) );
			}
		}
		return $scopes;
	}

	/**
	 * GET /shareworthy/v1/tracker/check, for the settings page: check() as
	 * { ok, scopes: { issue, erase, report }, message, clicks }, clicks being what the click
	 * imports did (Shareworthy_Tracker_Clicks::status()).
	 */
	public static function register_check_route(): void {
		register_rest_route(
			'shareworthy/v1',
			'/tracker/check',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( __CLASS__, 'rest_check' ),
				'permission_callback' => static fn() => current_user_can( Shareworthy_Capabilities::MANAGE )
					? true
					: new WP_Error( 'rest_forbidden', __( 'Sorry, you are not allowed to manage Shareworthy settings.', 'shareworthy' ), array( 'status' => rest_authorization_required_code() ) ),
			)
		);
	}

	/**
	 * The check route's answer: 200 whatever the tracker said (the check itself worked).
	 */
	public static function rest_check(): WP_REST_Response {
		$scopes = self::check();
		if ( is_wp_error( $scopes ) ) {
			return new WP_REST_Response(
				array(
					'ok'      => false,
					'scopes'  => null,
					'message' => $scopes->get_error_message(),
					'clicks'  => Shareworthy_Tracker_Clicks::status(),
				)
			);
		}
		$ok = $scopes['issue'] && $scopes['erase'];
		return new WP_REST_Response(
			array(
				'ok'      => $ok,
				'scopes'  => $scopes,
				'message' => $ok
					? __( 'The click tracker answers and the key may issue and erase links.', 'shareworthy' )
					: __( 'The click tracker answers, but the key needs both the issue and the erase scopes (TRACKER_API_KEYS key:issue+erase, +report for reports).', 'shareworthy' ),
				'clicks'  => Shareworthy_Tracker_Clicks::status(),
			)
		);
	}

	/**
	 * shareworthy_share_created: gets the new share's short link, or records why not. The
	 * share itself is already stored; whatever the tracker does, it stays.
	 *
	 * @param array<string, mixed> $share The stored share.
	 */
	public static function on_share_created( array $share ): void {
		if ( ! self::enabled() ) {
			return;
		}
		global $wpdb;
		$link = self::issue_link( $share );
		$row  = array(
			'share_id'  => (int) $share['id'],
			'code'      => (string) $share['code'],
			'short_url' => is_wp_error( $link ) ? null : $link,
			'error'     => is_wp_error( $link ) ? mb_substr( $link->get_error_message(), 0, 1000 ) : null,
		);
		$wpdb->insert( self::table(), $row + array( 'created_at' => gmdate( 'Y-m-d H:i:s' ) ), array( '%d', '%s', '%s', '%s', '%s' ) );
		self::$rows[ $row['code'] ] = $row;
		if ( is_wp_error( $link ) ) {
			self::record_failure( $link, $row['share_id'] );
		} elseif ( false !== get_option( self::FAILURE_OPTION ) ) {
			delete_option( self::FAILURE_OPTION );
		}
	}

	/**
	 * shareworthy_tracked_url: the tracker's short link of a share when it has one.
	 *
	 * @param string $url  The site's own tracked link.
	 * @param string $code Share code.
	 */
	public static function tracked_url( string $url, string $code ): string {
		$row = self::row( $code );
		return null !== $row && null !== $row['short_url'] ? $row['short_url'] : $url;
	}

	/**
	 * Adds trackerError to the share REST answer.
	 */
	public static function register_rest_field(): void {
		register_rest_field(
			'shareworthy-share',
			self::REST_FIELD,
			array(
				'get_callback' => static fn( array $share ): ?string => self::share_error( (string) $share['code'] ),
				'schema'       => array(
					'type'        => array( 'string', 'null' ),
					'description' => __( 'Why the click tracker gave no short link for this share (trackedUrl is then the site\'s own link, which people outside the intranet may not reach); null otherwise.', 'shareworthy' ),
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
				),
			)
		);
	}

	/**
	 * What the employee reads when the tracker failed for their share, or null.
	 *
	 * @param string $code Share code.
	 */
	public static function share_error( string $code ): ?string {
		$row = self::row( $code );
		if ( null === $row || null === $row['error'] ) {
			return null;
		}
		/* translators: %s: the tracker's error message */
		return sprintf( __( 'The click tracker could not make a short link (%s). This link is the intranet\'s own: people outside the company network may not be able to open it.', 'shareworthy' ), $row['error'] );
	}

	/**
	 * A notice for those who manage Shareworthy while the last attempt failed.
	 */
	public static function failure_notice(): void {
		$failure = get_option( self::FAILURE_OPTION );
		if ( ! is_array( $failure ) || ! current_user_can( Shareworthy_Capabilities::MANAGE ) ) {
			return;
		}
		$count = (int) ( $failure['count'] ?? 1 );
		printf(
			'<div class="notice notice-warning"><p><strong>%1$s</strong> %2$s</p><p>%3$s</p></div>',
			esc_html__( 'Shareworthy click tracker:', 'shareworthy' ),
			esc_html(
				sprintf(
					/* translators: 1: number of shares, 2: date and time of the first failure, 3: the last error message */
					_n(
						'%1$d share since %2$s got the site\'s own /go/ link instead of a tracker link. Last error: %3$s',
						'%1$d shares since %2$s got the site\'s own /go/ link instead of a tracker link. Last error: %3$s',
						$count,
						'shareworthy'
					),
					$count,
					wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), (int) ( $failure['since'] ?? time() ) ),
					(string) ( $failure['message'] ?? '' )
				)
			),
			esc_html__( 'People outside the intranet may not reach those links. Check the tracker URL and API key in the Shareworthy settings; this notice goes away with the next share the tracker accepts.', 'shareworthy' )
		);
	}

	/**
	 * Adds the eraser that asks the tracker to erase an employee's links and clicks.
	 *
	 * @param array<string, array<string, mixed>> $erasers Erasers.
	 * @return array<string, array<string, mixed>>
	 */
	public static function register_eraser( array $erasers ): array {
		$erasers['shareworthy-tracker'] = array(
			'eraser_friendly_name' => __( 'Shareworthy click tracker', 'shareworthy' ),
			'callback'             => array( __CLASS__, 'erase' ),
		);
		return $erasers;
	}

	/**
	 * Personal data eraser: the employee's links and their clicks on the tracker. When the
	 * tracker cannot be reached, the data is reported as retained, with the reason, so the
	 * request can be run again.
	 *
	 * @param string $email User's e-mail address.
	 * @param int    $page  Page (unused: one request does it all).
	 * @return array{items_removed: bool, items_retained: bool, messages: list<string>, done: bool}
	 */
	public static function erase( string $email, int $page = 1 ): array {
		unset( $page );
		$user   = get_user_by( 'email', $email );
		$result = array(
			'items_removed'  => false,
			'items_retained' => false,
			'messages'       => array(),
			'done'           => true,
		);
		if ( ! $user || ! self::enabled() ) {
			return $result;
		}
		$removed = self::erase_employee( $user->ID );
		if ( is_wp_error( $removed ) ) {
			$result['items_retained'] = true;
			/* translators: %s: the tracker's error message */
			$result['messages'][] = sprintf( __( 'The click tracker could not erase this employee\'s links and clicks: %s Run the erasure again once the tracker answers.', 'shareworthy' ), $removed->get_error_message() );
			return $result;
		}
		$result['items_removed'] = $removed['links'] > 0 || $removed['clicks'] > 0;
		self::erase_orphans();
		return $result;
	}

	/**
	 * deleted_user: the tracker erases the employee's links too.
	 *
	 * @param int $user_id Deleted user.
	 */
	public static function on_deleted_user( int $user_id ): void {
		if ( ! self::enabled() ) {
			return;
		}
		$removed = self::erase_employee( $user_id );
		if ( is_wp_error( $removed ) ) {
			self::log( 'erasing the links of deleted user ' . $user_id, $removed );
		}
		self::erase_orphans();
	}

	/**
	 * Erases on the tracker the links whose share was deleted here (its post or user was
	 * deleted), a batch at a time, stopping at the first failure; the daily event retries.
	 *
	 * @return int Links erased.
	 */
	public static function erase_orphans(): int {
		if ( ! self::enabled() ) {
			return 0; // Links wait until a tracker is set up again; deleting a post costs nothing meanwhile.
		}
		global $wpdb;
		$table  = self::table();
		$shares = Shareworthy_Schema::shares_table();
		// Failed requests left no link anywhere: their rows simply go with their share.
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$wpdb->query( "DELETE FROM {$table} WHERE short_url IS NULL AND share_id NOT IN (SELECT id FROM {$shares})" );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$ids    = $wpdb->get_col( $wpdb->prepare( "SELECT share_id FROM {$table} t WHERE NOT EXISTS (SELECT 1 FROM {$shares} s WHERE s.id = t.share_id) ORDER BY share_id LIMIT %d", self::ERASE_BATCH ) );
		$erased = 0;
		foreach ( $ids as $id ) {
			$removed = self::erase_share( (int) $id );
			if ( is_wp_error( $removed ) ) {
				self::log( 'erasing the link of deleted share ' . $id, $removed );
				break;
			}
			++$erased;
		}
		return $erased;
	}

	/**
	 * A new key or URL deserves a fresh start: the notice was about the old ones.
	 */
	public static function forget_failure(): void {
		delete_option( self::FAILURE_OPTION );
	}

	/**
	 * One API request. The key goes in the Authorization header only; errors carry the
	 * tracker's own explanation (problem+json detail and issues), never the key.
	 *
	 * @param string                    $method  GET, POST or DELETE.
	 * @param string                    $path    Path and query under the tracker URL.
	 * @param array<string, mixed>|null $body    JSON body.
	 * @param float                     $timeout Seconds to wait.
	 * @return array<string, mixed>|WP_Error The decoded JSON answer.
	 */
	private static function request( string $method, string $path, ?array $body = null, float $timeout = self::TIMEOUT ) {
		$base = (string) get_option( self::URL_OPTION, '' );
		$key  = (string) get_option( self::KEY_OPTION, '' );
		if ( '' === $base || '' === $key ) {
			return new WP_Error( 'shareworthy_tracker_off', __( 'No click tracker is set up (URL and API key).', 'shareworthy' ) );
		}
		$args = array(
			'method'      => $method,
			'timeout'     => $timeout,
			// A tracker never redirects its API; following one could send the key elsewhere.
			'redirection' => 0,
			'headers'     => array(
				'Authorization' => 'Bearer ' . $key,
				'Accept'        => 'application/json',
			),
		);
		if ( null !== $body ) {
			$args['headers']['Content-Type'] = 'application/json';
			$args['body']                    = (string) wp_json_encode( $body );
		}
		// The administrator chose this URL, often an internal host: wp_safe_remote_* would refuse it.
		$response = wp_remote_request( $base . $path, $args );
		if ( is_wp_error( $response ) ) {
			return new WP_Error(
				'shareworthy_tracker_unreachable',
				/* translators: 1: tracker URL, 2: the HTTP library's error message */
				sprintf( __( 'The click tracker at %1$s did not answer: %2$s', 'shareworthy' ), $base, $response->get_error_message() )
			);
		}
		$status  = (int) wp_remote_retrieve_response_code( $response );
		$decoded = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		if ( is_array( $decoded ) ) {
			return $status >= 200 && $status < 300 ? $decoded : self::problem_error( $status, $decoded );
		}
		// Not the tracker answering: a proxy, a login page, a web server at the wrong address.
		return new WP_Error(
			'shareworthy_tracker_bad_answer',
			/* translators: 1: tracker URL, 2: HTTP status code */
			sprintf( __( 'What answers at %1$s is not the click tracker (HTTP status %2$d, not JSON). Check the tracker URL.', 'shareworthy' ), $base, $status ),
			array( 'status' => $status )
		);
	}

	/**
	 * A WP_Error from a tracker error answer (RFC 9457 problem+json: type, title, status,
	 * detail, issues), keeping its message and type.
	 *
	 * @param int                  $status  HTTP status.
	 * @param array<string, mixed> $problem Decoded JSON body.
	 */
	private static function problem_error( int $status, array $problem ): WP_Error {
		$message = is_string( $problem['detail'] ?? null ) && '' !== $problem['detail'] ? $problem['detail'] : ( is_string( $problem['title'] ?? null ) ? $problem['title'] : '' );
		$issues  = array();
		foreach ( (array) ( $problem['issues'] ?? array() ) as $issue ) {
			if ( is_array( $issue ) && is_string( $issue['message'] ?? null ) ) {
				$issues[] = $issue['message'];
			}
		}
		if ( array() !== $issues ) {
			$message = trim( $message . ' ' . implode( '; ', $issues ) );
		}
		if ( '' === $message ) {
			/* translators: %d: HTTP status code */
			$message = sprintf( __( 'The click tracker answered with HTTP status %d.', 'shareworthy' ), $status );
		}
		return new WP_Error(
			'shareworthy_tracker_error',
			$message,
			array(
				'status' => $status,
				'type'   => is_string( $problem['type'] ?? null ) ? $problem['type'] : '',
			)
		);
	}

	/**
	 * Counts from an erasure answer.
	 *
	 * @param array<string, mixed> $answer { links, clicks }.
	 * @return array{links: int, clicks: int}
	 */
	private static function removed( array $answer ): array {
		return array(
			'links'  => (int) ( $answer['links'] ?? 0 ),
			'clicks' => (int) ( $answer['clicks'] ?? 0 ),
		);
	}

	/**
	 * A share's row, read once per request.
	 *
	 * @param string $code Share code.
	 * @return array{share_id: int, code: string, short_url: ?string, error: ?string}|null
	 */
	private static function row( string $code ): ?array {
		if ( ! array_key_exists( $code, self::$rows ) ) {
			global $wpdb;
			$table = self::table();
			// BINARY: the SQLite integration makes text columns case-insensitive (see Shareworthy_Shares::find_target).
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$row = $wpdb->get_row( $wpdb->prepare( "SELECT share_id, code, short_url, error FROM {$table} WHERE code = %s AND BINARY code = %s", $code, $code ), ARRAY_A );
			self::$rows[ $code ] = is_array( $row ) ? array(
				'share_id'  => (int) $row['share_id'],
				'code'      => (string) $row['code'],
				'short_url' => null === $row['short_url'] ? null : (string) $row['short_url'],
				'error'     => null === $row['error'] ? null : (string) $row['error'],
			) : null;
		}
		return self::$rows[ $code ];
	}

	/**
	 * Keeps the failure for the admin notice and writes it to the PHP error log.
	 *
	 * @param WP_Error $error    Why.
	 * @param int      $share_id Share that got the fallback link.
	 */
	private static function record_failure( WP_Error $error, int $share_id ): void {
		$previous = get_option( self::FAILURE_OPTION );
		update_option(
			self::FAILURE_OPTION,
			array(
				'message' => $error->get_error_message(),
				'since'   => is_array( $previous ) ? (int) $previous['since'] : time(),
				'count'   => ( is_array( $previous ) ? (int) $previous['count'] : 0 ) + 1,
			),
			false
		);
		self::log( 'getting a short link for share ' . $share_id . ' (it uses the /go/ link)', $error );
	}

	/**
	 * One line in the PHP error log (the site's debug.log with WP_DEBUG_LOG).
	 *
	 * @param string   $doing What failed.
	 * @param WP_Error $error Why.
	 */
	private static function log( string $doing, WP_Error $error ): void {
		error_log( 'Shareworthy click tracker: ' . $doing . ' failed: ' . $error->get_error_message() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- an operator needs this line.
	}

	/**
	 * A settings error on the classic settings screen (absent in REST requests, whose schema
	 * already answered 400 for the same values).
	 *
	 * @param string $setting Option name.
	 * @param string $message Message.
	 */
	private static function settings_error( string $setting, string $message ): void {
		if ( function_exists( 'add_settings_error' ) ) {
			add_settings_error( $setting, $setting . '_invalid', $message );
		}
	}

	/**
	 * Whether a URL can be the tracker's base: absolute http(s), a host, no credentials,
	 * query or fragment (paths are fine: a tracker behind a proxy under /tracker).
	 *
	 * @param string $url Trimmed URL without trailing slash.
	 */
	private static function is_tracker_url( string $url ): bool {
		return null === Shareworthy_Utm::url_problem( $url )
			&& 1 === preg_match( '#' . str_replace( '#', '\\#', self::URL_PATTERN ) . '#D', $url );
	}
}
