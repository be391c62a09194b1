/** webpack 5 config for the react-router demo app: classic scripts (see ../webpack-app.cjs). */
module.exports = require('../webpack-app.cjs')(__dirname, { name: 'router-react', configFile: __filename });
