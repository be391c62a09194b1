/**
 * The webpack 5 set-up the classic-script demo apps share (react, router-react,
 * antd): production mode, classic scripts, JSONP lazy chunks, `publicPath: 'auto'`
 * (derived at run time from the <script> that loaded main.js), and static files
 * copied verbatim into dist/ (no loaders, no html plugin).
 */
const fs = require('node:fs');
const path = require('node:path');

class CopyStaticFilesPlugin {
  constructor(dir, files) {
    this.dir = dir;
    this.files = files;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('CopyStaticFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyStaticFilesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const file of this.files) {
          const absolute = path.join(this.dir, file);
          compilation.fileDependencies.add(absolute);
          // `minimized: true` keeps the built-in minimizers away: these are verbatim copies.
          compilation.emitAsset(path.basename(file), new sources.RawSource(fs.readFileSync(absolute)), { minimized: true });
        }
      });
    });
  }
}

/**
 * @param {string} dir the app's folder (its webpack config's __dirname)
 * @param {{ name: string, staticFiles?: string[], configFile: string }} options
 * @returns {import('webpack').Configuration}
 */
module.exports = function webpackApp(dir, { name, staticFiles = ['index.html'], configFile }) {
  return {
    mode: 'production',
    context: dir,
    target: 'web',
    entry: { main: './src/index.js' },
    devtool: false,
    output: {
      path: path.join(dir, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: 'auto',
      // Distinct JSONP global so several webpack apps can share one window.
      uniqueName: `portico-demo-${name}`,
      clean: true,
    },
    cache: { type: 'filesystem', buildDependencies: { config: [configFile, __filename] } },
    performance: { hints: false },
    plugins: [new CopyStaticFilesPlugin(dir, staticFiles)],
  };
};
