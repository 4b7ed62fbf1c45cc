import { fail, ok } from './result.js';

describe('result values', () => {
  it('wraps a success', () => {
    expect(ok(3)).toEqual({ success: true, output: 3 });
  });
  it('carries code, message and path of a failure', () => {
    expect(fail('invalid-url', 'bad', ['url'])).toEqual({
      success: false,
      issues: [{ code: 'invalid-url', message: 'bad', path: ['url'] }],
    });
  });
});
