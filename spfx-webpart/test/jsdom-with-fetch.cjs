/**
 * jsdom (for React) plus the Fetch API classes the fake transport answers with: jsdom has no
 * Response or Headers, Node 20 has, and PnPjs reads its answers through them as a browser would.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

module.exports = class JsdomWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.assign(this.global, { Response, Headers, Request });
  }
};
