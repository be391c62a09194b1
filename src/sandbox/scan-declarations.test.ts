import { expect } from '@open-wc/testing';
import { scanDeclarations } from './scan-declarations.js';
import { APPS } from '../test/helpers.js';

describe('scanDeclarations', () => {
  it('finds top-level declarations past function bodies full of regexes, templates, strings and comments', () => {
    const code = [
      'function a(x, y) { var inner = /}/g; return `${ {b: 1}.b }}` + x / y / 2 }',
      'const c = 1, [d] = [2];',
      'let { e, f: [g], h = () => { let notTop = 1 } } = obj;',
      'async function i() { x = typeof /re}/; return /[/}]/ }',
      "function j() { // }\n /* } */ return \"\\\"}\" + '\\'}' }",
      'class K { m() { return "{" } }',
      'var l = function () { var notVar = 1 }, m = 2;',
      'if (ok) { var n = 3 }',
    ].join('\n');
    const found = scanDeclarations(code);
    expect(found.lexical).to.deep.equal(['a', 'c', 'd', 'e', 'g', 'h', 'i', 'j', 'K']);
    expect(found.vars).to.deep.equal(['l', 'm', 'n']);
  });

  it('finds eval used as a value inside function bodies, not direct calls, properties or other names', () => {
    const code = 'function z() { return (0, eval)("1") } function y() { eval("2"); o.eval; medieval; ({ eval: 1 }) } var e = eval;';
    const { evalValues } = scanDeclarations(code);
    expect(evalValues).to.deep.equal([code.indexOf('eval)'), code.lastIndexOf('eval')]);
  });

  it('reads real library builds to the end (a failed scan would report nothing)', async () => {
    const expected: Record<string, string[]> = {
      'fixtures/vendor/vue3.global.prod.js': ['Vue'],
      'fixtures/vendor/moment.min.js': [],
      'react/main.js': [],
    };
    for (const [path, vars] of Object.entries(expected)) {
      const code = await (await fetch(`${APPS}/${path}`)).text();
      expect(scanDeclarations(code).vars, path).to.deep.equal(vars);
    }
    // jQuery's UMD wrapper declares nothing at the top; appending a declaration proves the scan reached the end.
    for (const path of ['fixtures/vendor/jquery.min.js', 'fixtures/vendor/lodash.min.js', 'react/main.js']) {
      const code = await (await fetch(`${APPS}/${path}`)).text();
      expect(scanDeclarations(`${code}\n;const endMarker = 1;`).lexical, path).to.deep.equal(['endMarker']);
    }
  });
});
