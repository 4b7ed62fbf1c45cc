<?php
/**
 * /go/{code} over real HTTP, against the php -S server bin/test.mjs starts on a copy of
 * the site's database.
 *
 * @package Shareworthy
 */

/**
 * A few redirect cases end to end: headers, status codes, what gets counted.
 */
final class HttpRedirectTest extends Shareworthy_TestCase {

	private const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

	/**
	 * The server's database (read-only here).
	 */
	private static ?PDO $db = null;

	/**
	 * Skips when the runner did not start a server.
	 */
	protected function setUp(): void {
		parent::setUp();
		if ( ! getenv( 'SHAREWORTHY_HTTP_URL' ) ) {
			$this->markTestSkipped( 'SHAREWORTHY_HTTP_URL is not set: run through bin/test.mjs.' );
		}
	}

	/**
	 * Runs a query on the server's database.
	 *
	 * @param string       $sql    SQL with ? placeholders.
	 * @param list<scalar> $params Parameters.
	 * @return list<array<string, mixed>>
	 */
	private static function server_query( string $sql, array $params = array() ): array {
		if ( 'mariadb' === getenv( 'SHAREWORTHY_DB' ) ) {
			global $wpdb; // Same database as the server: read through $wpdb outside the test transaction.
			$wpdb->query( 'COMMIT' );
			$rows = $wpdb->get_results( $params ? $wpdb->prepare( str_replace( '?', '%s', $sql ), ...$params ) : $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL
			$wpdb->query( 'START TRANSACTION' );
			return $rows;
		}
		self::$db ??= new PDO( 'sqlite:' . getenv( 'SHAREWORTHY_HTTP_DB' ) );
		$statement = self::$db->prepare( $sql );
		$statement->execute( $params );
		return $statement->fetchAll( PDO::FETCH_ASSOC );
	}

	/**
	 * A request without following redirects.
	 *
	 * @param string                $path    Path under the site.
	 * @param string                $method  Method.
	 * @param array<string, string> $headers Headers.
	 * @return array{status: int, headers: array<string, string>}
	 */
	private function fetch( string $path, string $method = 'GET', array $headers = array( 'User-Agent' => self::BROWSER ) ): array {
		$curl = curl_init( getenv( 'SHAREWORTHY_HTTP_URL' ) . $path );
		$got  = array();
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_CUSTOMREQUEST  => $method,
				CURLOPT_NOBODY         => 'HEAD' === $method,
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_FOLLOWLOCATION => false,
				CURLOPT_TIMEOUT        => 20,
				CURLOPT_HTTPHEADER     => array_map( static fn( $k, $v ): string => "{$k}: {$v}", array_keys( $headers ), $headers ),
				CURLOPT_HEADERFUNCTION => static function ( $handle, string $line ) use ( &$got ): int {
					$parts = explode( ':', $line, 2 );
					if ( 2 === count( $parts ) ) {
						$got[ strtolower( trim( $parts[0] ) ) ] = trim( $parts[1] );
					}
					return strlen( $line );
				},
			)
		);
		curl_exec( $curl );
		$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		curl_close( $curl );
		return array( 'status' => $status, 'headers' => $got );
	}

	/**
	 * A demo share of the server's database and its counted clicks.
	 *
	 * @return array{id: int, code: string}
	 */
	private function demo_share(): array {
		$row = self::server_query( 'SELECT s.id, s.code FROM wp_shareworthy_shares s JOIN wp_postmeta m ON m.post_id = s.item_id AND m.meta_key = ? ORDER BY s.id LIMIT 1', array( 'shareworthy_public_url' ) )[0];
		return array( 'id' => (int) $row['id'], 'code' => (string) $row['code'] );
	}

	/**
	 * Counted clicks on the server.
	 *
	 * @param int $share_id Share.
	 */
	private function server_clicks( int $share_id ): int {
		return (int) self::server_query( 'SELECT COUNT(*) AS n FROM wp_shareworthy_clicks WHERE share_id = ? AND counted = 1', array( $share_id ) )[0]['n'];
	}

	public function test_a_browser_click_redirects_with_utm_tags_and_counts_once(): void {
		$share    = $this->demo_share();
		$before   = $this->server_clicks( $share['id'] );
		$response = $this->fetch( '/go/' . $share['code'] );

		$this->assertSame( 302, $response['status'] );
		$this->assertMatchesRegularExpression( '#^https://www\.example\.com/[^?]+\?ref=intranet&utm_source=[a-z]+&utm_medium=employee_advocacy&utm_campaign=[a-z0-9-]+&utm_content=' . $share['id'] . '$#', $response['headers']['location'] );
		$this->assertSame( 'no-store', $response['headers']['cache-control'] );
		$this->assertSame( 'strict-origin-when-cross-origin', $response['headers']['referrer-policy'] );
		$this->assertSame( 'noindex, nofollow', $response['headers']['x-robots-tag'] );
		$this->assertSame( $before + 1, $this->server_clicks( $share['id'] ) );

		$this->assertSame( 302, $this->fetch( '/go/' . $share['code'] )['status'] ); // Same visitor again: not counted.
		$this->assertSame( $before + 1, $this->server_clicks( $share['id'] ) );
	}

	public function test_head_bots_and_prefetches_are_redirected_without_counting(): void {
		$share  = $this->demo_share();
		$before = $this->server_clicks( $share['id'] );
		$this->assertSame( 302, $this->fetch( '/go/' . $share['code'], 'HEAD' )['status'] );
		$this->assertSame( 302, $this->fetch( '/go/' . $share['code'], 'GET', array( 'User-Agent' => 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)' ) )['status'] );
		$this->assertSame( 302, $this->fetch( '/go/' . $share['code'], 'GET', array( 'User-Agent' => 'Other ' . self::BROWSER, 'Sec-Purpose' => 'prefetch;prerender' ) )['status'] );
		$this->assertSame( $before, $this->server_clicks( $share['id'] ) );
	}

	public function test_the_query_form_works_too(): void {
		$share = $this->demo_share();
		$this->assertSame( 302, $this->fetch( '/?shareworthy_go=' . $share['code'] )['status'] );
	}

	public function test_bad_codes_get_a_404_page_and_never_a_redirect(): void {
		$share = $this->demo_share();
		$paths = array( '/go/AAAAAAAAAAA', '/go/' . strrev( $share['code'] ) . 'x', '/go/abc', '/go/example.com', '//go//example.com', '/go/%2F%2Fevil.example', '/go/https:%2F%2Fevil.example', '/?shareworthy_go=//evil.example', '/go/' . str_repeat( 'a', 40 ) );
		foreach ( $paths as $path ) {
			$response = $this->fetch( $path );
			$this->assertSame( 404, $response['status'], $path );
			$this->assertArrayNotHasKey( 'location', $response['headers'], $path );
			$this->assertSame( 'no-store', $response['headers']['cache-control'] ?? '', $path );
		}
	}

	public function test_no_ip_address_reaches_the_servers_database(): void {
		$share = $this->demo_share();
		$this->fetch( '/go/' . $share['code'], 'GET', array( 'User-Agent' => 'Ip check ' . self::BROWSER ) );
		// The client is 127.0.0.1 here; the site URL holds it too, so only the plugin's rows are searched.
		$queries = array( 'SELECT * FROM wp_shareworthy_clicks', 'SELECT * FROM wp_shareworthy_shares', "SELECT * FROM wp_options WHERE option_name LIKE 'shareworthy%'" );
		foreach ( $queries as $sql ) {
			$rows = self::server_query( $sql );
			$this->assertNotEmpty( $rows, $sql );
			$this->assertFalse( str_contains( (string) wp_json_encode( $rows ), '127.0.0.1' ), $sql );
		}
	}
}
