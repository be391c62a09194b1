/**
 * webpack 5 config for bench/'s lifecycle React app: the React demo app again, from
 * src/lifecycle.js, as a UMD library `bench-lifecycle` (bootstrap/mount/unmount),
 * into demo/fixtures/bench-lifecycle/dist/ (served at /fixtures/bench-lifecycle/dist/).
 * The demo's own build (webpack.config.cjs, into dist/) is untouched.
 */
const path = require('node:path');

const base = require('../webpack-app.cjs')(__dirname, { name: 'react-lifecycle', staticFiles: [], configFile: __filename });

module.exports = {
  ...base,
  entry: { main: './src/lifecycle.js' },
  output: {
    ...base.output,
    path: path.resolve(__dirname, '..', '..', 'fixtures', 'bench-lifecycle', 'dist'),
    library: { name: 'bench-lifecycle', type: 'umd' },
  },
};
