/**
 * webpack 5 config for the react-router demo app: classic scripts and
 * `publicPath: 'auto'` (derived at runtime from the <script> that loaded main.js).
 */
const fs = require('node:fs');
const path = require('node:path');

/** Static files copied verbatim into dist/ (no loaders, no html plugin). */
const STATIC_FILES = ['index.html'];

class CopyStaticFilesPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('CopyStaticFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CopyStaticFilesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const file of STATIC_FILES) {
            const absolute = path.join(__dirname, file);
            compilation.fileDependencies.add(absolute);
            // `minimized: true` keeps the built-in minimizers away: these are verbatim copies.
            compilation.emitAsset(path.basename(file), new sources.RawSource(fs.readFileSync(absolute)), {
              minimized: true,
            });
          }
        },
      );
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
    chunkFilename: '[name].[contenthash:8].js',
    publicPath: 'auto',
    // Distinct JSONP global so several webpack apps can share one window.
    uniqueName: 'portico-demo-router-react',
    clean: true,
  },
  cache: {
    type: 'filesystem',
    buildDependencies: { config: [__filename] },
  },
  performance: { hints: false },
  plugins: [new CopyStaticFilesPlugin()],
};
