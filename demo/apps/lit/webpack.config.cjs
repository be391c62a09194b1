/** webpack 5 config for the lit 3 demo app: classic scripts (see ../webpack-app.cjs). */
module.exports = require('../webpack-app.cjs')(__dirname, { name: 'lit', configFile: __filename });
