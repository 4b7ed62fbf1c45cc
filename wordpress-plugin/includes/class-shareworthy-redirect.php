<?php
/**
 * The public side of a tracked link: /go/{code} → 302 to the item's public URL with UTM tags.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

/**
 * Resolves tracked links. The target always comes from the database (a stored, validated
 * public URL or the item's permalink), never from the request, so a link code can never
 * become an open redirect; unknown or malformed codes get the site's 404 page.
 */
final class Shareworthy_Redirect {

	/** Query variable carrying the code (also usable as ?shareworthy_go=code). */
	public const QUERY_VAR = 'shareworthy_go';

	/**
	 * Set when handle_early saw a tracked-link request it could not answer with a redirect.
	 *
	 * @var string|null
	 */
	private static ?string $early_code = null;

	/**
	 * First chance, at plugins_loaded: a /go/ request with a known code whose item has a
	 * public URL is answered before themes, init or the REST server load. Everything else
	 * (bad codes, items that need their permalink) falls through to handle_parsed_request.
	 */
	public static function handle_early(): void {
		$code = self::code_from_request();
		if ( null === $code ) {
			return;
		}
		self::$early_code = $code;
		if ( ! self::is_valid_code( $code ) ) {
			return;
		}
		$target = Shareworthy_Shares::find_target( $code );
		if ( null === $target || '' === $target['public_url'] ) {
			return;
		}
		$result = self::resolve_target( $target, self::current_visit() );
		if ( null !== $result ) {
			self::send( $result['location'] );
		}
	}

	/**
	 * Second chance, at parse_request (the rewrite rule or ?shareworthy_go= matched):
	 * redirect, or turn the request into the site's 404.
	 *
	 * @param WP $wp The request.
	 */
	public static function handle_parsed_request( WP $wp ): void {
		if ( ! isset( $wp->query_vars[ self::QUERY_VAR ] ) && null === self::$early_code ) {
			return;
		}
		$code   = (string) ( $wp->query_vars[ self::QUERY_VAR ] ?? self::$early_code );
		$result = self::resolve( $code, self::current_visit() );
		if ( null !== $result ) {
			self::send( $result['location'] );
		}
		$wp->query_vars = array( 'error' => '404' );
		add_filter( 'wp_headers', array( __CLASS__, 'not_found_headers' ) );
		// No "did you mean" redirect either: a bad tracked link ends here.
		remove_action( 'template_redirect', 'redirect_canonical' );
	}

	/**
	 * Where a code leads and whether this visit counts; records the click when it does.
	 *
	 * @param string                                                                          $code  Code from the URL.
	 * @param array{method: string, user_agent: string, headers: array<string, string>, ip: string, now: int} $visit The visit.
	 * @return array{location: string, counted: bool, reason: string}|null Null: 404.
	 */
	public static function resolve( string $code, array $visit ): ?array {
		if ( ! self::is_valid_code( $code ) ) {
			return null;
		}
		$target = Shareworthy_Shares::find_target( $code );
		return null === $target ? null : self::resolve_target( $target, $visit );
	}

	/**
	 * Adds the /go/{code} rewrite rule.
	 */
	public static function add_rewrite_rule(): void {
		add_rewrite_rule( '^go/([^/]+)/?$', 'index.php?' . self::QUERY_VAR . '=$matches[1]', 'top' );
	}

	/**
	 * Declares the query variable.
	 *
	 * @param list<string> $vars Public query variables.
	 * @return list<string>
	 */
	public static function query_vars( array $vars ): array {
		$vars[] = self::QUERY_VAR;
		return $vars;
	}

	/**
	 * Headers of the 404 answered for bad codes.
	 *
	 * @param array<string, string> $headers Headers.
	 * @return array<string, string>
	 */
	public static function not_found_headers( array $headers ): array {
		return array_merge( $headers, self::headers() );
	}

	/**
	 * Whether a string has the shape of a code.
	 *
	 * @param string $code Candidate.
	 */
	public static function is_valid_code( string $code ): bool {
		return 1 === preg_match( Shareworthy_Shares::CODE_PATTERN, $code );
	}

	/**
	 * Headers sent with every answer to a tracked link.
	 *
	 * @return array<string, string>
	 */
	private static function headers(): array {
		return array(
			'Cache-Control'   => 'no-store',
			// The landing page still learns which network the click came from.
			'Referrer-Policy' => 'strict-origin-when-cross-origin',
			'X-Robots-Tag'    => 'noindex, nofollow',
		);
	}

	/**
	 * Resolves a looked-up share.
	 *
	 * @param array{id: int, item_id: int, network: string, post_status: string, public_url: string, campaign: string} $target Share.
	 * @param array{method: string, user_agent: string, headers: array<string, string>, ip: string, now: int}            $visit  The visit.
	 * @return array{location: string, counted: bool, reason: string}|null
	 */
	private static function resolve_target( array $target, array $visit ): ?array {
		if ( 'trash' === $target['post_status'] ) {
			return null;
		}
		$url = '' !== $target['public_url'] ? $target['public_url'] : (string) get_permalink( $target['item_id'] );
		// Checked again at each click: a host removed from the allowlist stops being a target.
		if ( is_wp_error( Shareworthy_Utm::validate_target_url( $url ) ) ) {
			return null;
		}
		$location = Shareworthy_Utm::append_utm( $url, Shareworthy_Utm::share_utm( $target['network'], $target['campaign'], $target['id'] ) );
		if ( is_wp_error( $location ) ) {
			return null;
		}
		$classified = Shareworthy_Tracking::classify( $visit['method'], $visit['user_agent'], $visit['headers'] );
		$counted    = false;
		if ( $classified['count'] ) {
			$key     = Shareworthy_Visitor::key( $visit['ip'], $visit['user_agent'], $visit['now'] );
			$counted = Shareworthy_Clicks::record( $target['id'], $key, $visit['now'] );
		}
		return array(
			'location' => $location,
			'counted'  => $counted,
			'reason'   => $counted || ! $classified['count'] ? $classified['reason'] : 'repeat',
		);
	}

	/**
	 * The current request as a visit.
	 *
	 * @return array{method: string, user_agent: string, headers: array<string, string>, ip: string, now: int}
	 */
	private static function current_visit(): array {
		return array(
			'method'     => isset( $_SERVER['REQUEST_METHOD'] ) ? (string) $_SERVER['REQUEST_METHOD'] : 'GET', // phpcs:ignore WordPress.Security.ValidatedSanitizedInput
			'user_agent' => isset( $_SERVER['HTTP_USER_AGENT'] ) ? (string) $_SERVER['HTTP_USER_AGENT'] : '', // phpcs:ignore WordPress.Security.ValidatedSanitizedInput
			'headers'    => Shareworthy_Tracking::request_headers(),
			'ip'         => Shareworthy_Visitor::client_ip(),
			'now'        => time(),
		);
	}

	/**
	 * The code in this request's URL (/go/{code} under the home path, or ?shareworthy_go=),
	 * or null when the request is not for a tracked link.
	 */
	private static function code_from_request(): ?string {
		$uri  = isset( $_SERVER['REQUEST_URI'] ) ? (string) $_SERVER['REQUEST_URI'] : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput
		// Repeated slashes collapsed: //go//x is a (malformed) tracked link too, not a page.
		$path = (string) preg_replace( '#/{2,}#', '/', (string) parse_url( 'http://h' . $uri, PHP_URL_PATH ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- wp_parse_url adds nothing here.
		$home = rtrim( (string) parse_url( home_url(), PHP_URL_PATH ), '/' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url
		if ( str_starts_with( $path, $home . '/go/' ) ) {
			return rtrim( substr( $path, strlen( $home ) + 4 ), '/' );
		}
		if ( isset( $_GET[ self::QUERY_VAR ] ) && is_string( $_GET[ self::QUERY_VAR ] ) ) { // phpcs:ignore WordPress.Security.NonceVerification -- a public link.
			return (string) $_GET[ self::QUERY_VAR ]; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- validated against CODE_PATTERN.
		}
		return null;
	}

	/**
	 * Sends the redirect and ends the request.
	 *
	 * @param string $location Validated target with UTM tags.
	 */
	private static function send( string $location ): void {
		status_header( 302 );
		header( 'Location: ' . $location );
		foreach ( self::headers() as $name => $value ) {
			header( "{$name}: {$value}" );
		}
		exit;
	}
}
