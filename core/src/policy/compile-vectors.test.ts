import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePolicy, type PolicyConfig } from './policy.js';

interface CompileCase {
  readonly behaviour: string;
  readonly config: unknown;
  readonly ok: boolean;
  readonly issues: readonly (readonly [readonly (string | number)[], string])[];
}

/**
 * tests/vectors/policy-compile.json is written by scripts/build-policy-compile-vectors.mjs from
 * compilePolicy's output, and the WordPress plugin's PHP validation is tested against it: a
 * change to compilePolicy must regenerate the file (and the PHP port must follow).
 */
const { cases } = JSON.parse(readFileSync(join(__dirname, '../../../tests/vectors/policy-compile.json'), 'utf8')) as {
  cases: CompileCase[];
};

describe('tests/vectors/policy-compile.json', () => {
  it('holds both accepted and refused policies', () => {
    expect(cases.filter((c) => c.ok).length).toBeGreaterThan(10);
    expect(cases.filter((c) => !c.ok).length).toBeGreaterThan(10);
  });

  it.each(cases.map((c) => [c.behaviour, c] as const))('%s: is still what compilePolicy answers', (_, c) => {
    const result = compilePolicy(c.config as PolicyConfig);
    expect({ ok: result.success, issues: result.success ? [] : result.issues.map((issue) => [issue.path, issue.code]) }).toEqual({
      ok: c.ok,
      issues: c.issues,
    });
  });
});
