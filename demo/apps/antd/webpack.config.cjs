/**
 * webpack 5 config for the antd demo app (React 19 + antd 5, no JSX, no loaders:
 * antd 5 styles itself with CSS-in-JS). One classic script, `publicPath: 'auto'`;
 * index.html is copied verbatim. Its Select, Dropdown, Modal, message and
 * notification popups are appended to `document.body`.
 */
const fs = require('node:fs');
const path = require('node:path');

class CopyIndexPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('CopyIndexPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyIndexPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const file = path.join(__dirname, 'index.html');
        compilation.fileDependencies.add(file);
        compilation.emitAsset('index.html', new sources.RawSource(fs.readFileSync(file)), { minimized: true });
      });
    });
  }
}

/** @type {import('webpack').Configuration} */
module.exports = {
  mode: 'production',
  context: __dirname,
  target: 'web',
  entry: { main: './src/index.js' },
  devtool: false,
  output: {
    path: path.join(__dirname, 'dist'),
    filename: '[name].js',
    publicPath: 'auto',
    uniqueName: 'portico-demo-antd',
    clean: true,
  },
  cache: { type: 'filesystem', buildDependencies: { config: [__filename] } },
  performance: { hints: false },
  plugins: [new CopyIndexPlugin()],
};
