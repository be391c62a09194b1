import { expect } from '@open-wc/testing';
import { applyPlan, recordPlan, rulesAt } from './sheet-plans.js';
import { sheetPlans } from '../elements/app-assets.js';
import { APPS, inside, mount, unmount, until } from '../test/helpers.js';

const CSS = `
  @font-face { font-family: Icons; src: url(icons.woff2); }
  :root { --gap: 1rem; }
  .a { color: red; }
  @media (min-width: 1px) { :root .b { margin: 2rem; font-family: Icons, serif; } }
`;
const sheet = (text: string) => {
  const s = new CSSStyleSheet();
  s.replaceSync(text);
  return s;
};
const texts = (s: CSSStyleSheet) => [...s.cssRules].map((r) => r.cssText).join('\n');

describe('stylesheet plans', () => {
  it('recording walks every rule, nested ones included, and changes nothing', () => {
    const s = sheet(CSS);
    const before = texts(s);
    const plan = recordPlan(s.cssRules);
    expect(texts(s)).to.equal(before);
    expect(plan.count).to.equal(4);
    expect(plan.selectors.map((c) => [c.path, c.to])).to.deep.equal([[[1], 'html'], [[3, 0], 'html .b']]);
    expect(plan.blocks.map((c) => c.path)).to.deep.equal([[1], [3, 0]]);
    expect(plan.fonts).to.deep.equal([[0]]);
    expect(plan.families).to.deep.equal([[3, 0]]);
    expect(rulesAt(s.cssRules, plan.fonts, CSSFontFaceRule)).to.have.length(1);
  });

  it('a plan recorded on one sheet rewrites another sheet of the same file like a full walk would', () => {
    const plan = recordPlan(sheet(CSS).cssRules);
    const walked = sheet(CSS);
    expect(applyPlan(recordPlan(walked.cssRules), walked.cssRules)).to.equal(true);
    const replayed = sheet(CSS);
    expect(applyPlan(plan, replayed.cssRules)).to.equal(true);
    expect(texts(replayed)).to.equal(texts(walked));
    expect(texts(replayed)).to.contain('html .b').and.contain('calc(2 * var(--portico-rem))').and.not.contain(':root');
  });

  it('a sheet that no longer matches its plan (another rule count, a changed rule) is refused', () => {
    const plan = recordPlan(sheet(CSS).cssRules);
    expect(applyPlan(plan, sheet(`${CSS} .c { color: blue; }`).cssRules), 'one rule more').to.equal(false);
    expect(applyPlan(plan, sheet(CSS.replace('--gap: 1rem', '--gap: 3rem')).cssRules), 'a planned rule changed').to.equal(false);
  });

  it('a second instance of an app replays its linked stylesheets plans and looks the same as the first', async () => {
    const src = `${APPS}/fixtures/bench-styled/?plans-test`;
    const first = await mount('plans-1', src);
    const second = await mount('plans-2', src);
    try {
      const plan = sheetPlans.get(`${APPS}/fixtures/bench-styled/app.css`);
      expect(plan, 'app.css was planned once for the page').to.not.equal(undefined);
      expect(plan!.selectors.length).to.equal(1);
      const look = async (el: HTMLElement) => {
        const root = inside(el as never).root;
        await until(() => getComputedStyle(root.querySelector('.card h1')!).color === 'rgb(11, 110, 79)', 3000, ':root variables');
        const card = getComputedStyle(root.getElementById('styled-root')!);
        const icon = getComputedStyle(root.querySelector('.icon')!);
        return { maxWidth: card.maxWidth, padding: card.paddingTop, icon: icon.fontFamily.replace(/__.*$/, '') };
      };
      const a = await look(first);
      expect(a).to.deep.equal({ maxWidth: '480px', padding: '16px', icon: '"Bench Icons' });
      expect(await look(second)).to.deep.equal(a);
    } finally {
      await unmount(first);
      await unmount(second);
    }
  });
});
