/** Jest transform for SPFx loc files: runs the AMD `define([], factory)` and exports what the factory returns. */
module.exports = {
  process(source) {
    return { code: `module.exports = (function () { var define = function (deps, factory) { return factory(); }; return ${source.trim().replace(/;\s*$/u, '')}; })();` };
  },
};
