/**
 * webpack 5 config for the antd demo app (React 19 + antd 5, no JSX, no loaders:
 * antd 5 styles itself with CSS-in-JS). Its Select, Dropdown, Modal, message and
 * notification popups are appended to `document.body`. See ../webpack-app.cjs.
 */
module.exports = require('../webpack-app.cjs')(__dirname, { name: 'antd', configFile: __filename });
