import { rewriteRemText, hasRem } from './css-rem.js';

/**
 * What the styles patcher must change in one stylesheet, found by walking
 * every rule once: the rules whose selector names `:root`, the declaration
 * blocks holding `rem` lengths (with their rewritten text), the
 * `@font-face` rules and the rules that set `font-family`. Each rule is
 * named by its path of indexes (into `cssRules`, or an `@import`'s sheet).
 *
 * A plan is kept per stylesheet URL (see {@link SheetPlans}): the next
 * instance of the app, or its remount after full teardown, gets a new
 * sheet object for the same file, and replaying the plan touches only the
 * rules it names instead of serializing every declaration block again.
 * Each replayed change first checks that the rule still reads as recorded
 * and the sheet has as many rules; a file that changed on the server makes
 * the styles patcher walk it afresh.
 */
export interface SheetPlan {
  /** Top-level rules when recorded. */
  readonly count: number;
  readonly selectors: readonly Change[];
  readonly blocks: readonly Change[];
  readonly fonts: readonly Path[];
  readonly families: readonly Path[];
}

/** Plans by stylesheet URL, shared by every app instance of the page (owned by the elements layer). */
export type SheetPlans = Map<string, SheetPlan>;

type Path = readonly number[];
interface Change {
  readonly path: Path;
  readonly from: string;
  readonly to: string;
}

/** Walks every rule of `rules` and records what must change; changes nothing. */
export function recordPlan(rules: CSSRuleList): SheetPlan {
  const selectors: Change[] = [];
  const blocks: Change[] = [];
  const fonts: Path[] = [];
  const families: Path[] = [];
  const walk = (list: CSSRuleList, at: Path) => {
    for (let i = 0; i < list.length; i++) {
      const rule = list[i];
      const path = [...at, i];
      if (rule instanceof CSSFontFaceRule) {
        fonts.push(path);
        continue;
      }
      if (rule instanceof CSSStyleRule) {
        const selector = rule.selectorText;
        if (selector.includes(':root')) selectors.push({ path, from: selector, to: selector.replace(/:root\b/g, 'html') });
        if (rule.style.getPropertyValue('font-family')) families.push(path);
      }
      // Style rules, keyframes and nested declarations: `rem` follows the app's root (see css-rem.ts).
      if ('style' in rule) {
        const text = (rule.style as CSSStyleDeclaration).cssText;
        if (hasRem(text)) blocks.push({ path, from: text, to: rewriteRemText(text) });
      }
      const inner = innerRules(rule);
      if (inner) walk(inner, path);
    }
  };
  walk(rules, []);
  return { count: rules.length, selectors, blocks, fonts, families };
}

/**
 * Applies a plan's selector and `rem` changes to `rules`; returns false,
 * having changed what it could, when the sheet no longer matches the plan
 * (the caller then records a new one: the changes are idempotent).
 */
export function applyPlan(plan: SheetPlan, rules: CSSRuleList): boolean {
  if (rules.length !== plan.count) return false;
  for (const { path, from, to } of plan.selectors) {
    const rule = ruleAt(rules, path);
    if (!(rule instanceof CSSStyleRule) || rule.selectorText !== from) return false;
    rule.selectorText = to;
  }
  for (const { path, from, to } of plan.blocks) {
    const style = (ruleAt(rules, path) as { style?: CSSStyleDeclaration } | undefined)?.style;
    if (!style || style.cssText !== from) return false;
    style.cssText = to;
  }
  return true;
}

/** The rules at `paths` that are still of `type` (a changed sheet may have lost some). */
export function rulesAt<T extends CSSRule>(rules: CSSRuleList, paths: readonly Path[], type: abstract new () => T): T[] {
  return paths.map((path) => ruleAt(rules, path)).filter((rule): rule is T => rule instanceof type);
}

/** The rules inside a grouping or nesting rule, or an `@import`'s sheet when it is readable. */
export function innerRules(rule: CSSRule): CSSRuleList | undefined {
  if (rule instanceof CSSImportRule) return rule.styleSheet ? readableRules(rule.styleSheet) : undefined;
  return 'cssRules' in rule ? ((rule.cssRules as CSSRuleList | undefined) ?? undefined) : undefined;
}

/** A sheet's rules, or undefined when it is cross-origin without CORS (the browser hides them). */
export function readableRules(sheet: CSSStyleSheet): CSSRuleList | undefined {
  try {
    return sheet.cssRules;
  } catch {
    return undefined;
  }
}

function ruleAt(rules: CSSRuleList, path: Path): CSSRule | undefined {
  let list: CSSRuleList | undefined = rules;
  let rule: CSSRule | undefined;
  for (const index of path) {
    rule = list?.[index];
    if (!rule) return undefined;
    list = innerRules(rule);
  }
  return rule;
}
