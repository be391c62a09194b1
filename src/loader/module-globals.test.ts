import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount, until } from '../test/helpers.js';
import { importedNames, scanModuleNames } from './module-globals.js';

const none = () => [];

describe('ES module globals', () => {
  it('a global one module makes (and reads bare) and a timer it replaces are what the next module reads bare', async () => {
    const hostTimeout = window.setTimeout;
    const el = await mount('module-globals', `${APPS}/fixtures/module-globals/`);
    try {
      expect(el.status).to.equal('mounted');
      const { root, window: win } = inside(el);
      await until(() => root.getElementById('out')!.textContent !== 'waiting', 2000, 'the app module ran');
      expect(root.getElementById('out')!.textContent).to.equal('calls 1, read bare true');
      expect(win!.Tracker.calls).to.equal(1);
      expect('Tracker' in window, 'the global stays off the host').to.equal(false);
      expect(window.setTimeout).to.equal(hostTimeout);
    } finally {
      await unmount(el);
    }
  });

  it('imports the names a module reads bare that are, or that it makes, globals, never one it declares', () => {
    const source = [
      'import{a as b,c}from"./x.js";import d,{e}from"./y.js";import*as ns from"./z.js";',
      'export const Exported=1;export function exportedFn(){}',
      'var first=1,second=2;let lexical=3;class Klass{}',
      'globalThis.Zone=makeZone();Zone.current;window["Made"]=1;Made;',
      'b(c,d,e,ns,first,second,lexical,Klass,Exported,exportedFn,Promise,localStorage,x.y,this.t=1,t);',
      'typeof eval;arguments;',
    ].join('\n');
    const names = scanModuleNames(source, (s) => (s.includes('lexical') ? ['lexical', 'Klass', 'first', 'second'] : []));
    const globals = new Set(['window', 'globalThis', 'Promise']);
    const imported = importedNames(names, (name) => globals.has(name));
    expect(imported.sort()).to.deep.equal(['Made', 'Promise', 'Zone', 'globalThis', 'window']);
    // Declared names are never candidates, whatever the sandbox has.
    const all = importedNames(names, () => true);
    for (const declared of ['b', 'c', 'd', 'e', 'ns', 'first', 'second', 'lexical', 'Klass', 'Exported', 'exportedFn', 'eval', 'arguments']) {
      expect(all, declared).to.not.include(declared);
    }
    // A host global the app never set (localStorage) and a short name assigned as a property (t) stay out.
    expect(imported).to.not.include('localStorage');
    expect(imported).to.not.include('t');
  });

  it('scans a module with no declarations scanner (the regexes alone) without importing its imports', () => {
    const names = scanModuleNames('import{setTimeout}from"./timers.js";setTimeout(f)', none);
    const imported = importedNames(names, () => true);
    expect(imported).to.include('f');
    expect(imported).to.not.include('setTimeout');
    expect(imported, 'contextual keywords').to.not.include('from');
  });
});
