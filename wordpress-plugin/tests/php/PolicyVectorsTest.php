<?php
/**
 * The server's policy validation against core's compilePolicy().
 *
 * @package Shareworthy
 */

/**
 * Every case of tests/vectors/policy-compile.json (made by scripts/build-policy-compile-vectors.mjs
 * from core's own output): the PHP port accepts and refuses the same policies, with the same
 * issue paths and codes, in the same order.
 */
final class PolicyVectorsTest extends Shareworthy_TestCase {

	/**
	 * @return array<string, array{0: mixed, 1: bool, 2: list<array{0: list<string|int>, 1: string}>}>
	 */
	public function cases(): array {
		$file = dirname( __DIR__, 3 ) . '/tests/vectors/policy-compile.json';
		$data = json_decode( (string) file_get_contents( $file ), true, 512, JSON_THROW_ON_ERROR );
		$out  = array();
		foreach ( $data['cases'] as $case ) {
			$out[ $case['behaviour'] ] = array( $case['config'], $case['ok'], $case['issues'] );
		}
		return $out;
	}

	/**
	 * @dataProvider cases
	 *
	 * @param mixed                                        $config Policy.
	 * @param bool                                         $ok     Whether core compiles it.
	 * @param list<array{0: list<string|int>, 1: string}> $issues Core's issues as [path, code].
	 */
	public function test_php_validation_agrees_with_core( $config, bool $ok, array $issues ): void {
		$found = array_map(
			static fn( array $issue ): array => array( $issue['path'], $issue['code'] ),
			Shareworthy_Admin_Settings::policy_issues( $config )
		);
		$this->assertSame( $issues, $found );
		$this->assertSame( $ok, true === Shareworthy_Admin_Settings::validate_policy( $config ) );
	}
}
