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

const REGEX_AFTER_WORD = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await',
]);
const CONTROL = new Set(['if', 'for', 'while', 'with', 'switch', 'catch']);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c >= 128;
const isIdPart = (c: number) => isIdStart(c) || isDigit(c) || c === 92;

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
    const src = this.#src;
    for (; i < src.length; i++) {
      const c = src[i];
      if (c === '\\') i++;
      else if (c === '`') return i + 1;
      else if (c === '$' && src[i + 1] === '{') {
        this.#stack.push('${');
        return i + 2;
      }
    }
    throw new Error('template');
  }
}

/** What can matter inside a function body: brackets, quotes, `/`, and the identifier `eval`. */
const BODY_SIGNIFICANT = /["'`/{}()[\]]|eval/g;
const DOUBLE_QUOTED = /(?:[^"\\\n\r]|\\[\s\S])*"/y;
const SINGLE_QUOTED = /(?:[^'\\\n\r]|\\[\s\S])*'/y;
const REGEX_BODY = /(?:[^/\\[\n\r]|\\.|\[(?:[^\]\\\n\r]|\\.)*\])+\/[A-Za-z]*/y;

/**
 * Skips a function body, from just after its `{` to its closing `}` (whose
 * offset it returns), without making tokens: nothing inside a function body
 * declares a global, so only brackets, strings, templates, comments and
 * regular expressions need tracking there, and `eval` used as a value,
 * which it adds to `evalValues`. Bundles are mostly function bodies, so this
 * is the hot path, and it runs once per script in a fresh page, before the
 * JIT has warmed up: it jumps between significant characters with regular
 * expressions (compiled to native code) instead of a loop over every
 * character. A `/` is a regular expression or a division by what precedes
 * it, as in `#regexAllowed`.
 */
function skipFunctionBody(src: string, i: number, evalValues: number[]): number {
  let depth = 0;
  // The bracket depth at which each open `${` of a template literal sits.
  const templates: number[] = [];
  const find = BODY_SIGNIFICANT;
  find.lastIndex = i;
  while (find.test(src)) {
    const at = find.lastIndex - 1;
    const c = src.charCodeAt(at);
    if (c === 108) {
      // `eval` (the match ends with its `l`).
      if (isEvalUse(src, at - 3, at + 1)) evalValues.push(at - 3);
    } else if (c === 34 || c === 39) {
      find.lastIndex = matchEnd(c === 34 ? DOUBLE_QUOTED : SINGLE_QUOTED, src, at + 1, 'string');
    } else if (c === 96 || (c === 125 && templates.length && templates[templates.length - 1] === depth)) {
      if (c === 125) templates.pop();
      const end = templateEnd(src, at + 1);
      if (src.charCodeAt(end - 1) === 123) templates.push(depth);
      find.lastIndex = end;
    } else if (c === 47) {
      const next = src.charCodeAt(at + 1);
      if (next === 47) {
        const end = src.indexOf('\n', at);
        find.lastIndex = end < 0 ? src.length : end;
      } else if (next === 42) {
        const end = src.indexOf('*/', at + 2);
        if (end < 0) throw new Error('comment');
        find.lastIndex = end + 2;
      } else if (regexMayStart(src, at)) {
        find.lastIndex = matchEnd(REGEX_BODY, src, at + 1, 'regex');
      }
    } else if (c === 123 || c === 40 || c === 91) {
      depth++;
    } else if (depth === 0) {
      if (c !== 125) throw new Error('unbalanced');
      return at;
    } else {
      depth--;
    }
  }
  throw new Error('unbalanced');
}

/** Where a sticky pattern matching from `from` ends; throws if it does not match. */
function matchEnd(pattern: RegExp, src: string, from: number, what: string): number {
  pattern.lastIndex = from;
  if (!pattern.test(src)) throw new Error(what);
  return pattern.lastIndex;
}

/** Whether a `/` at `at` (not a comment) starts a regular expression, judged by the code before it. */
function regexMayStart(src: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isSpace(src.charCodeAt(i))) i--;
  if (i < 0) return true;
  const c = src.charCodeAt(i);
  if (isIdPart(c)) {
    let start = i;
    while (start > 0 && isIdPart(src.charCodeAt(start - 1))) start--;
    return !isDigit(src.charCodeAt(start)) && REGEX_AFTER_WORD.has(src.slice(start, i + 1));
  }
  // After a string, template, `)` or `]` it divides; after `}` and other punctuation it starts a regex.
  return c !== 41 && c !== 93 && c !== 34 && c !== 39 && c !== 96;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;

/** Whether the `eval` at `start..end` is a value rather than a direct call, a property or a key (as `run` decides for tokens). */
function isEvalUse(src: string, start: number, end: number): boolean {
  if (isIdPart(src.charCodeAt(end)) || (start > 0 && isIdPart(src.charCodeAt(start - 1)))) return false;
  let before = start - 1;
  while (before >= 0 && isSpace(src.charCodeAt(before))) before--;
  if (src.charCodeAt(before) === 46) return false;
  let after = end;
  while (after < src.length && isSpace(src.charCodeAt(after))) after++;
  const next = src.charCodeAt(after);
  return next !== 40 && next !== 58;
}

/** From inside a template literal, the offset just past its closing backtick or its next `${`. */
function templateEnd(src: string, i: number): number {
  for (; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 96) return i + 1;
    else if (c === 36 && src.charCodeAt(i + 1) === 123) return i + 2;
  }
  throw new Error('template');
}

function skipString(src: string, start: number, quote: string): number {
  for (let i = start + 1; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === quote) return i + 1;
    else if (c === '\n') break;
  }
  throw new Error('string');
}

function skipRegex(src: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      i++;
      while (i < src.length && /[a-z]/i.test(src[i]!)) i++;
      return i;
    } else if (c === '\n') break;
  }
  throw new Error('regex');
}
