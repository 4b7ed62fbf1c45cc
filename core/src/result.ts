/**
 * Expected failures are returned as values (valibot's shape); exceptions are left for bugs.
 */

/** One problem with an input: where it is (`path`, e.g. `['messages', 'x']`) and what is wrong. */
export interface Issue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** Stable machine-readable code, e.g. `invalid-url`, for hosts that translate messages. */
  readonly code: string;
}

/** The outcome of a function that can reject its input. */
export type Result<T> =
  | { readonly success: true; readonly output: T }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Wraps a value as a successful result.
 * @param output the value
 * @returns `{ success: true, output }`
 * @example ok('https://example.com/') // { success: true, output: 'https://example.com/' }
 */
export const ok = <T>(output: T): Result<T> => ({ success: true, output });

/**
 * Builds a failed result with one issue.
 * @param code stable machine-readable code
 * @param message human-readable explanation (English; hosts may translate by `code`)
 * @param path where in the input the problem is
 * @returns `{ success: false, issues: [issue] }`
 * @example fail('invalid-url', 'Not an absolute http(s) URL') // { success: false, issues: [...] }
 */
export const fail = <T = never>(code: string, message: string, path: readonly (string | number)[] = []): Result<T> => ({
  success: false,
  issues: [{ code, message, path }],
});
