/**
 * Lexical helpers of the declaration scanner (scan-declarations.ts): what a
 * character is, how far a string, template, regular expression or a whole
 * function body reaches. Plain functions over char codes and sticky regular
 * expressions, for speed on whole bundles.
 */
/** Words after which a `/` starts a regular expression rather than dividing. */
export const REGEX_AFTER_WORD = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await',
]);
export const isDigit = (c: number) => c >= 48 && c <= 57;
export const isIdStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c >= 128;
export const isIdPart = (c: number) => isIdStart(c) || isDigit(c) || c === 92;

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
export function skipFunctionBody(src: string, i: number, evalValues: number[]): number {
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
      find.lastIndex = skipString(src, at, src[at]!);
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
        find.lastIndex = skipRegex(src, at);
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
export function templateEnd(src: string, i: number): number {
  for (; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 96) return i + 1;
    else if (c === 36 && src.charCodeAt(i + 1) === 123) return i + 2;
  }
  throw new Error('template');
}

/** The offset just past the string literal opening at `start` with `quote`; throws at a line end or the end of input. */
export function skipString(src: string, start: number, quote: string): number {
  return matchEnd(quote === '"' ? DOUBLE_QUOTED : SINGLE_QUOTED, src, start + 1, 'string');
}

/** The offset just past the regular expression literal (flags included) opening at `start`; throws at a line end. */
export function skipRegex(src: string, start: number): number {
  return matchEnd(REGEX_BODY, src, start + 1, 'regex');
}
