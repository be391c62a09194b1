/** webpack 5 config for the React demo app: classic scripts and a JSONP lazy chunk (see ../webpack-app.cjs). */
module.exports = require('../webpack-app.cjs')(__dirname, { name: 'react', staticFiles: ['index.html', 'src/styles.css'], configFile: __filename });
