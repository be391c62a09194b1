import { isDigit, isIdPart, isIdStart, REGEX_AFTER_WORD, skipFunctionBody, skipRegex, skipString, templateEnd } from './scan-skip.js';

/**
 * Finds the names a classic script declares at its top level with
 * `function`, `async function`, `function*`, `class`, `let` and `const`.
 *
 * Why: Portico runs a classic script inside `with (sandbox) { … }` so that
 * free identifiers and `var` assignments land on the sandbox window. A
 * `function`/`class`/`let`/`const` declaration, however, binds inside that
 * block and would be invisible to the app's next script (natively they are
 * globals). Knowing the names lets the evaluator publish live bindings for
 * them on the sandbox.
 *
 * This is a tokenizer, not a parser: it tracks strings, comments, template
 * literals, regular expressions and bracket depth, and reads declarations
 * only at depth 0. When the input does not tokenize cleanly it returns an
 * empty list; a missed name only hides a global, a wrong one could shadow one.
 */
export function scanTopLevelDeclarations(code: string): string[] {
  return scanDeclarations(code).lexical;
}

/** A script's top-level declarations, by how they bind. */
export interface Declarations {
  /** `function`, `class`, `let`, `const` at the top level. */
  lexical: string[];
  /** `var` anywhere outside a function body (they hoist to the script's top). */
  vars: string[];
  /**
   * Offsets of the identifier `eval` used as a value rather than called
   * directly (`(0, eval)(code)`, `var e = eval`): an indirect eval, which must
   * run against the sandbox rather than the host's global scope.
   */
  evalValues: number[];
}

/** Like {@link scanTopLevelDeclarations}, and also collects top-level `var` names. */
export function scanDeclarations(code: string): Declarations {
  try {
    return new Scanner(code).run();
  } catch {
    return { lexical: [], vars: [], evalValues: [] };
  }
}

type Kind = 'name' | 'punct' | 'value';
interface Token {
  kind: Kind;
  text: string;
  newlineBefore: boolean;
  depth: number;
  start: number;
}

const CONTROL = new Set(['if', 'for', 'while', 'with', 'switch', 'catch']);

class Scanner {
  readonly #src: string;
  #i = 0;
  readonly #stack: string[] = [];
  #prev: Token | undefined;
  readonly #names: string[] = [];
  readonly #vars: string[] = [];
  /** Which list the declaration being read goes to. */
  #target: string[] = this.#names;
  /** Bracket depth of the `var`/`let`/`const` being read. */
  #declDepth = 0;
  /** How many function bodies enclose the current token. */
  #functionDepth = 0;
  /** Whether the paren group that just closed belonged to `if`/`for`/`while`/… (its `{` is a block). */
  #closedControlParen = false;
  // Declaration state: what the next depth-0 tokens mean.
  #mode: 'none' | 'fn' | 'class' | 'binding' | 'pattern' | 'after-binding' | 'init' = 'none';
  #patternBase = 0;
  #skipDefault = -1;
  #candidate: string | undefined;

  constructor(src: string) {
    this.#src = src;
  }

  /** Offsets of `eval` used as a value (see Declarations.evalValues). */
  readonly #evalValues: number[] = [];
  /** Set when a function body's `{` was just read: the next read skips to its `}` (see skipFunctionBody). */
  #skipBody = false;

  run(): Declarations {
    let token: Token | undefined;
    let before: Token | undefined;
    const evalValues = this.#evalValues;
    const isEvalValue = (p: Token | undefined, next: Token | undefined) =>
      p?.kind === 'name' && p.text === 'eval' && before?.text !== '.' && next?.text !== '(' && next?.text !== ':';
    while ((token = this.#next())) {
      if (isEvalValue(this.#prev, token)) evalValues.push(this.#prev!.start);
      this.#declare(token);
      before = this.#prev;
      this.#prev = token;
    }
    if (isEvalValue(this.#prev, undefined)) evalValues.push(this.#prev!.start);
    if (this.#stack.length) throw new Error('unbalanced');
    return { lexical: [...new Set(this.#names)], vars: [...new Set(this.#vars)], evalValues };
  }

  #atStatementStart(t: Token): boolean {
    const p = this.#prev;
    if (t.depth !== 0) return false;
    if (!p) return true;
    if (p.kind === 'punct') return p.text === ';' || p.text === '}' || (t.newlineBefore && (p.text === ')' || p.text === ']'));
    return t.newlineBefore && !REGEX_AFTER_WORD.has(p.text);
  }

  #declare(t: Token): void {
    const p = this.#prev;
    switch (this.#mode) {
      case 'fn':
        if (t.text === '*') return;
        if (t.kind === 'name') this.#names.push(t.text);
        this.#mode = 'none';
        return;
      case 'class':
        if (t.kind === 'name' && t.text !== 'extends') this.#names.push(t.text);
        this.#mode = 'none';
        return;
      case 'binding':
        if (t.kind === 'name') {
          this.#target.push(t.text);
          this.#mode = 'after-binding';
        } else if (t.text === '{' || t.text === '[') {
          this.#patternBase = t.depth;
          this.#mode = 'pattern';
        } else this.#mode = 'none';
        return;
      case 'pattern':
        return this.#pattern(t);
      case 'after-binding':
        if (t.text === '=') this.#mode = 'init';
        else if (t.text === ',') this.#mode = 'binding';
        else {
          this.#mode = 'none';
          if (t.text !== ';') this.#statement(t);
        }
        return;
      case 'init':
        if (t.depth < this.#declDepth) {
          this.#mode = 'none';
          this.#statement(t);
        } else if (t.depth === this.#declDepth && t.text === ',') this.#mode = 'binding';
        else if (t.depth === this.#declDepth && t.text === ';') this.#mode = 'none';
        else if (t.depth === this.#declDepth && t.newlineBefore && t.kind === 'name' && p && p.kind !== 'punct' && !REGEX_AFTER_WORD.has(p.text) && !['in', 'of', 'instanceof'].includes(t.text)) {
          this.#mode = 'none';
          this.#statement(t);
        }
        return;
      case 'none':
        this.#statement(t);
    }
  }

  #statement(t: Token): void {
    // `var` hoists out of blocks and `for (…)` heads: anywhere outside a function body counts.
    if (t.kind === 'name' && t.text === 'var' && this.#functionDepth === 0 && this.#prev?.text !== '.') {
      this.#mode = 'binding';
      this.#target = this.#vars;
      this.#declDepth = t.depth;
      return;
    }
    if (t.kind !== 'name' || !this.#atStatementStart(t)) {
      // `async function f` at a statement start: `function` follows `async`.
      if (t.text === 'function' && t.depth === 0 && this.#prev?.text === 'async' && !t.newlineBefore && this.#asyncAtStart) {
        this.#mode = 'fn';
      }
      this.#asyncAtStart = false;
      return;
    }
    this.#asyncAtStart = t.text === 'async';
    if (t.text === 'function') this.#mode = 'fn';
    else if (t.text === 'class') this.#mode = 'class';
    else if (t.text === 'let' || t.text === 'const') {
      this.#mode = 'binding';
      this.#target = this.#names;
      this.#declDepth = 0;
    }
  }
  #asyncAtStart = false;

  /** Inside `{ a, b: c, d = 1, ...e }` or `[f, , g]`: collect the bound names. */
  #pattern(t: Token): void {
    if (this.#skipDefault >= 0) {
      if (t.depth === this.#skipDefault && (t.text === ',' || t.text === '}' || t.text === ']')) this.#skipDefault = -1;
      else return;
    }
    if (this.#candidate !== undefined) {
      if (t.text !== ':' && t.text !== '(') this.#target.push(this.#candidate);
      this.#candidate = undefined;
    }
    if (t.kind === 'name') this.#candidate = t.text;
    else if (t.text === '=') this.#skipDefault = t.depth;
    if ((t.text === '}' || t.text === ']') && t.depth === this.#patternBase) this.#mode = 'after-binding';
  }

  /** Reads one token; depth is the bracket depth it sits at (a closing bracket reports its opener's depth). */
  #next(): Token | undefined {
    // Hot loop over whole bundles: char codes, no regular expressions, no closures.
    const src = this.#src;
    const length = src.length;
    let newlineBefore = false;
    let i = this.#i;
    if (this.#skipBody) {
      this.#skipBody = false;
      i = skipFunctionBody(src, i, this.#evalValues);
    }
    for (;;) {
      if (i >= length) return undefined;
      const c = src.charCodeAt(i);
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
        newlineBefore = true;
        i++;
      } else if (c === 32 || c === 9 || c === 12 || c === 11 || c === 0xfeff || c === 0xa0) i++;
      else if (c === 47 && src.charCodeAt(i + 1) === 47) {
        const end = src.indexOf('\n', i);
        i = end < 0 ? length : end;
      } else if (c === 47 && src.charCodeAt(i + 1) === 42) {
        const end = src.indexOf('*/', i + 2);
        if (end < 0) throw new Error('comment');
        for (let j = i + 2; j < end && !newlineBefore; j++) if (src.charCodeAt(j) === 10) newlineBefore = true;
        i = end + 2;
      } else break;
    }
    const start = i;
    const c = src.charCodeAt(start);
    this.#i = start;
    if (isIdStart(c) || c === 92) {
      i = start + 1;
      while (i < length && isIdPart(src.charCodeAt(i))) i++;
      this.#i = i;
      return this.#token('name', start, newlineBefore);
    }
    if ((c >= 48 && c <= 57) || (c === 46 && isDigit(src.charCodeAt(start + 1)))) {
      i = start + 1;
      while (i < length && (isIdPart(src.charCodeAt(i)) || src.charCodeAt(i) === 46)) i++;
      this.#i = i;
      return this.#token('value', start, newlineBefore);
    }
    if (c === 34 || c === 39) {
      this.#i = skipString(src, start, src[start]!);
      return this.#token('value', start, newlineBefore);
    }
    if (c === 96) {
      this.#i = this.#template(start + 1);
      return this.#token('value', start, newlineBefore);
    }
    if (c === 125 && this.#stack[this.#stack.length - 1] === '${') {
      this.#stack.pop();
      this.#i = this.#template(start + 1);
      return this.#token('value', start, newlineBefore);
    }
    if (c === 47 && this.#regexAllowed()) {
      this.#i = skipRegex(src, start);
      return this.#token('value', start, newlineBefore);
    }
    this.#i = start + 1;
    if (c === 61 && src.charCodeAt(start + 1) === 62) {
      this.#i = start + 2;
      return this.#token('punct', start, newlineBefore);
    }
    if (c === 123 || c === 40 || c === 91) {
      const token = this.#token('punct', start, newlineBefore);
      const opener = this.#opener(src[start] as '{' | '(' | '[');
      this.#stack.push(opener);
      if (opener === '{f') {
        this.#functionDepth++;
        this.#skipBody = true;
      }
      return token;
    }
    if (c === 125 || c === 41 || c === 93) {
      const open = this.#stack.pop();
      if (open?.charCodeAt(0) !== (c === 125 ? 123 : c === 41 ? 40 : 91)) throw new Error('unbalanced');
      if (open === '{f') this.#functionDepth--;
      this.#closedControlParen = open === '(c';
      return this.#token('punct', start, newlineBefore);
    }
    return this.#token('punct', start, newlineBefore);
  }

  #token(kind: Kind, start: number, newlineBefore: boolean): Token {
    return { kind, text: this.#src.slice(start, this.#i), newlineBefore, depth: this.#stack.length, start };
  }

  /**
   * Classifies an opening bracket: `(c` for the head of if/for/while/with/
   * switch/catch, `{f` for a function body (after a parameter list or `=>`),
   * `{b` for any other block or object literal.
   */
  #opener(c: '{' | '(' | '['): string {
    const p = this.#prev;
    if (c === '(') return p && p.kind === 'name' && CONTROL.has(p.text) ? '(c' : '(';
    if (c === '[') return '[';
    if (p?.text === '=>' || (p?.text === ')' && !this.#closedControlParen) || (p?.text === 'static' && p.kind === 'name')) return '{f';
    return '{b';
  }

  #regexAllowed(): boolean {
    const p = this.#prev;
    if (!p) return true;
    if (p.kind === 'value') return false;
    if (p.kind === 'name') return REGEX_AFTER_WORD.has(p.text);
    return p.text !== ')' && p.text !== ']';
  }

  /** Scans template text from `i` to its closing backtick, or to a `${`, which opens an expression. */
  #template(i: number): number {
    const end = templateEnd(this.#src, i);
    if (this.#src.charCodeAt(end - 1) === 123) this.#stack.push('${');
    return end;
  }
}
