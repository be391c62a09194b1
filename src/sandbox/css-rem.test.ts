import { expect } from '@open-wc/testing';
import { rewriteRemText } from './css-rem.js';

describe('rem rewriting', () => {
  it('turns rem lengths into multiples of the app root size, font sizes into multiples of the initial size', () => {
    expect(rewriteRemText('width: 10rem; margin: 0px auto -0.5rem; font-size: 2rem;')).to.equal(
      'width: calc(10 * var(--portico-rem)); margin: 0px auto calc(-0.5 * var(--portico-rem)); font-size: calc(2 * var(--portico-rem-font));',
    );
    expect(rewriteRemText('height: calc(100% - .25rem); --gap: 1.5REM;')).to.equal(
      'height: calc(100% - calc(.25 * var(--portico-rem))); --gap: calc(1.5 * var(--portico-rem));',
    );
  });

  it('leaves strings, urls, other units and its own output alone', () => {
    const kept = 'content: "2rem;x: 1rem"; background: url("a;1rem.png"); width: 2em; top: 3vmin; grid-area: a1rem;';
    expect(rewriteRemText(kept)).to.equal(kept);
    const once = rewriteRemText('width: 1rem;');
    expect(rewriteRemText(once)).to.equal(once);
  });

  it('the rewritten block parses back to the same declarations with the rem lengths replaced', () => {
    const style = document.createElement('div').style;
    style.cssText = 'padding: var(--x, 1rem) 2rem; font: italic 1rem/1.5 serif; width: 3rem !important';
    style.cssText = rewriteRemText(style.cssText);
    expect(style.getPropertyValue('width')).to.equal('calc(3 * var(--portico-rem))');
    expect(style.getPropertyPriority('width')).to.equal('important');
    expect(style.getPropertyValue('padding')).to.equal('var(--x, calc(1 * var(--portico-rem))) calc(2 * var(--portico-rem))');
    // A shorthand holding var() keeps its value on the shorthand (the longhands wait for substitution).
    expect(style.getPropertyValue('font')).to.equal('italic calc(1 * var(--portico-rem-font)) / 1.5 serif');
  });
});
