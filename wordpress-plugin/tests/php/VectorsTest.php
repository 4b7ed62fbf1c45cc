<?php
/**
 * The vectors TypeScript's core passes, through the PHP mirror.
 *
 * @package Shareworthy
 */

/**
 * PHP and TypeScript cannot drift: same vectors, same answers.
 */
final class VectorsTest extends Shareworthy_TestCase {

	/**
	 * A vectors file of the repository.
	 *
	 * @param string $name File name in tests/vectors.
	 * @return array<mixed>
	 */
	private static function vectors( string $name ): array {
		$file = dirname( __DIR__, 3 ) . '/tests/vectors/' . $name;
		$data = json_decode( (string) file_get_contents( $file ), true, 512, JSON_THROW_ON_ERROR );
		return $data['cases'] ?? $data;
	}

	/**
	 * A vectors file's cases, each as one data-provider row named by its behaviour.
	 *
	 * @param string $name File name in tests/vectors.
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	private static function by_behaviour( string $name ): array {
		$cases = array();
		foreach ( self::vectors( $name ) as $case ) {
			$cases[ $case['behaviour'] ] = array( $case );
		}
		return $cases;
	}

	/**
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public function utm_cases(): array {
		return self::by_behaviour( 'links-utm-append.json' );
	}

	/**
	 * @dataProvider utm_cases
	 *
	 * @param array<string, mixed> $case Vector.
	 */
	public function test_utm_tagging_matches_core( array $case ): void {
		$result = Shareworthy_Utm::append_utm( $case['url'], $case['utm'], (bool) ( $case['keepExisting'] ?? false ) );
		if ( isset( $case['error'] ) ) {
			$this->assertInstanceOf( WP_Error::class, $result );
			$this->assertSame( $case['error'], $result->get_error_code() );
		} else {
			$this->assertSame( $case['expected'], $result );
		}
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function campaign_cases(): array {
		$cases = array();
		foreach ( self::vectors( 'links-campaign-slugs.json' ) as $i => $case ) {
			$cases[ "#{$i} " . $case['name'] ] = array( $case['name'], $case['slug'] );
		}
		return $cases;
	}

	/**
	 * @dataProvider campaign_cases
	 */
	public function test_campaign_slugs_match_core( string $name, string $slug ): void {
		$this->assertSame( $slug, Shareworthy_Utm::campaign_slug( $name ) );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public function hashtag_cases(): array {
		return self::by_behaviour( 'curation-hashtags.json' );
	}

	/**
	 * @dataProvider hashtag_cases
	 *
	 * @param array<string, mixed> $case Vector: input, then output or issues as [path, code].
	 */
	public function test_hashtags_match_core( array $case ): void {
		$parsed = Shareworthy_Meta::parse_hashtags( $case['input'] );
		$issues = array_map( static fn( array $issue ): array => array( $issue['path'], $issue['code'] ), $parsed['issues'] );
		$this->assertSame( $case['issues'] ?? array(), $issues );
		if ( isset( $case['output'] ) ) {
			$this->assertSame( $case['output'], $parsed['tags'] );
		}
	}

	public function test_the_generated_data_comes_from_core(): void {
		$data = Shareworthy_Core_Data::all();
		$this->assertStringStartsWith( '@shareworthy/core ', $data['generatedFrom'] );
		$this->assertSame( array( 'link-preview', 'headless', 'http-client', 'monitor', 'crawler' ), array_keys( $data['botKinds'] ) );
		foreach ( array_merge( array( $data['botPattern'] ), $data['botKinds'], $data['prefetchHeaders'] ) as $pattern ) {
			$this->assertNotFalse( @preg_match( $pattern, '' ), $pattern ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
		}
	}

	public function test_visitor_keys_match_core(): void {
		foreach ( Shareworthy_Core_Data::all()['visitorKeyVectors'] as $case ) {
			$this->assertSame( $case['key'], Shareworthy_Visitor::compute( $case['salt'], $case['ip'], $case['userAgent'], $case['day'] ), $case['ip'] );
		}
		foreach ( Shareworthy_Core_Data::all()['normalizeIpVectors'] as $ip => $expected ) {
			$this->assertSame( $expected, Shareworthy_Visitor::normalize_ip( (string) $ip ), (string) $ip );
		}
	}

	public function test_visitor_keys_match_the_shared_vectors(): void {
		$vectors = self::vectors( 'visitor-keys.json' );
		$salt    = json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/tests/vectors/visitor-keys.json' ), true )['salt'];
		$this->assertNotEmpty( $vectors );
		foreach ( $vectors as $case ) {
			$this->assertSame( $case['canonicalIp'], Shareworthy_Visitor::normalize_ip( $case['ip'] ), $case['behaviour'] );
			$this->assertSame( $case['key'], Shareworthy_Visitor::compute( $salt, $case['ip'], $case['userAgent'], $case['day'] ), $case['behaviour'] );
		}
	}

	public function test_bot_detection_agrees_with_core_on_every_labelled_user_agent(): void {
		$rows = self::vectors( 'user-agents.json' );
		// Core's own answers for the same rows, from its build (what the TypeScript tracker runs).
		$script = 'import(process.argv[1]).then((core) => { const rows = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8")); '
			. 'process.stdout.write(JSON.stringify(rows.map((row) => [core.isBot(row.ua), core.botKind(row.ua) ?? null]))); });';
		$core   = dirname( __DIR__, 3 ) . '/core/dist/index.js';
		$json   = shell_exec( 'node -e ' . escapeshellarg( $script ) . ' ' . escapeshellarg( 'file://' . $core ) . ' ' . escapeshellarg( dirname( __DIR__, 3 ) . '/tests/vectors/user-agents.json' ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions
		$answers = json_decode( (string) $json, true );
		$this->assertCount( count( $rows ), (array) $answers, 'core/dist must be built (npm run build)' );

		$disagree = array();
		$wrong    = 0;
		$kinds    = array();
		foreach ( $rows as $i => $row ) {
			$bot  = Shareworthy_Tracking::is_bot( $row['ua'] );
			$kind = Shareworthy_Tracking::is_blank( $row['ua'] ) ? null : Shareworthy_Tracking::bot_kind( $row['ua'] );
			if ( array( $bot, $kind ) !== $answers[ $i ] ) {
				$disagree[] = $row['ua'];
			}
			$wrong += $bot !== $row['bot'] ? 1 : 0;
			if ( $row['bot'] && isset( $row['kind'] ) && $kind !== $row['kind'] ) {
				$kinds[] = "{$row['kind']} ≠ {$kind}: {$row['ua']}";
			}
		}
		$this->assertSame( array(), $disagree, 'PHP and core disagree' );
		// Core's own bar (bots.test.ts): isbot 5.2.3 scores 99.76 % on this corpus.
		$this->assertGreaterThanOrEqual( 0.9976, 1 - $wrong / count( $rows ) );
		$this->assertSame( array(), $kinds );
	}

	/**
	 * @return array<string, array{0: list<string>}>
	 */
	public function allowlists(): array {
		return array(
			'any host'       => array( array() ),
			'one allowed host' => array( array( 'whitelisteddomain.tld' ) ),
		);
	}

	/**
	 * @dataProvider allowlists
	 *
	 * @param list<string> $allowed Allowed hosts.
	 */
	public function test_open_redirect_payloads_as_public_urls_are_never_accepted_where_core_refuses( array $allowed ): void {
		$payloads = json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/tests/vectors/open-redirect-payloads.json' ), true );
		$inputs   = array();
		foreach ( $payloads as $payload ) {
			array_push( $inputs, $payload, 'https://whitelisteddomain.tld' . $payload, 'https:' . $payload );
		}
		$file = tempnam( sys_get_temp_dir(), 'sw-targets-' );
		file_put_contents( $file, (string) wp_json_encode( array( 'inputs' => $inputs, 'allowed' => $allowed ) ) );
		$script = 'import(process.argv[1]).then((core) => { const { inputs, allowed } = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8")); '
			. 'process.stdout.write(JSON.stringify(inputs.map((url) => { const r = core.validateTargetUrl(url, allowed.length ? { allowedHosts: allowed } : {}); return r.success ? new URL(r.output).hostname : null; }))); });';
		$core   = json_decode( (string) shell_exec( 'node -e ' . escapeshellarg( $script ) . ' ' . escapeshellarg( 'file://' . dirname( __DIR__, 3 ) . '/core/dist/index.js' ) . ' ' . escapeshellarg( $file ) ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions
		unlink( $file );
		$this->assertCount( count( $inputs ), (array) $core );

		update_option( Shareworthy_Utm::ALLOWED_HOSTS_OPTION, $allowed );
		$accepted = 0;
		$wrong    = array();
		foreach ( $inputs as $i => $url ) {
			if ( is_wp_error( Shareworthy_Utm::validate_target_url( $url ) ) ) {
				continue;
			}
			++$accepted;
			$host = rtrim( (string) wp_parse_url( Shareworthy_Utm::normalize_url( $url ), PHP_URL_HOST ), '.' );
			if ( null === $core[ $i ] || rtrim( $core[ $i ], '.' ) !== $host ) {
				$wrong[] = $url . ' → PHP ' . $host . ', core ' . var_export( $core[ $i ], true );
			}
		}
		$this->assertSame( array(), $wrong );
		$this->assertGreaterThan( 0, $accepted ); // Plain ones like https://whitelisteddomain.tld/x are fine.
	}
}
