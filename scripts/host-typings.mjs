/**
 * Writes the typings for host frameworks from the Custom Elements Manifest,
 * so the tags' attributes, properties and events are typed the same
 * everywhere and cannot drift from the source:
 * - dist/types/hosts/react.d.ts: React 19 JSX (`declare module 'react'`),
 *   attributes, `data`, `ref` to the element class, and React 19's
 *   custom-element event props (`onmicro-app-mounted={…}`);
 * - dist/types/hosts/vue.d.ts: Vue 3 `GlobalComponents` (Vue's documented
 *   `DefineCustomElement` shape), props and `@micro-app-…` events;
 * - dist/types/hosts/svelte.d.ts: Svelte 5 `svelte/elements`
 *   (`SvelteHTMLElements`), attributes and `onmicro-app-…` event attributes.
 * Run by scripts/build.mjs after the manifest is written.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'dist', 'types', 'hosts');

/** The custom elements of the manifest, with what the typings need. */
export function elementsOf(manifest) {
  const elements = [];
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const fields = new Map((d.members ?? []).filter((m) => m.kind === 'field' && m.privacy !== 'private' && !m.static).map((m) => [m.name, m]));
      const attributes = (d.attributes ?? []).map((a) => ({
        name: a.name,
        field: a.fieldName,
        // A field's type where the attribute sets one (frameworks set the property when it exists), else the attribute's.
        type: clean(fields.get(a.fieldName)?.type?.text ?? a.type?.text ?? 'string'),
        description: a.description ?? '',
      }));
      const attributed = new Set(attributes.map((a) => a.field).filter(Boolean));
      // Writable properties without an attribute (`data`): set as properties by React 19, Vue, Svelte.
      const properties = [...fields.values()]
        .filter((m) => !attributed.has(m.name) && !m.readonly && !/^\w+<\w+>\[/.test(m.type?.text ?? '') && !isMethodType(m.type?.text))
        .map((m) => ({ name: m.name, type: clean(m.type?.text ?? 'unknown'), description: m.description ?? '' }));
      const events = (d.events ?? []).filter((e) => e.name).map((e) => ({ name: e.name, type: e.type?.text ?? 'Event', description: e.description ?? '' }));
      elements.push({ tag: d.tagName, className: d.name, attributes, properties, events });
    }
  }
  return elements;
}

const isMethodType = (text = '') => text.includes('=>') || /\['\w+'\]$/.test(text);
/** Attribute values are optional anyway; the element's generic state type is the package's StoreState. */
const clean = (text) =>
  text
    .replace(/\s*\|\s*(undefined|null)\b/g, '')
    .replace(/\bS\b/g, 'StoreState')
    .trim();

const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ')} */\n` : '');
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** The package's exported names a set of type texts mentions, for one import line. */
function importsFor(elements, exported) {
  const names = new Set();
  for (const el of elements) {
    names.add(el.className);
    for (const t of [...el.attributes, ...el.properties, ...el.events].map((x) => x.type)) {
      for (const word of t.match(/\b[A-Z]\w*/g) ?? []) if (exported.has(word)) names.add(word);
    }
  }
  return `import type { ${[...names].sort().join(', ')} } from '../index.js';`;
}

/**
 * The members React 19 and Svelte 5 take alike: attributes by their names,
 * properties, and each event as an `on<event-name>` handler.
 */
function attributeMembers(el, indent) {
  return [
    ...el.attributes.map((a) => `${doc(a.description, indent)}${indent}${key(a.name)}?: ${a.type};`),
    ...el.properties.map((p) => `${doc(p.description, indent)}${indent}${key(p.name)}?: ${p.type};`),
    ...el.events.map((e) => `${doc(e.description, indent)}${indent}${key(`on${e.name}`)}?: (event: ${e.type}) => void;`),
  ].join('\n');
}

function reactTypings(elements, imports) {
  const body = elements
    .map((el) => {
      const props = attributeMembers(el, '  ');
      return `/** \`<${el.tag}>\`: its attributes, its properties, and React 19's custom-element event props. */\nexport interface ${el.className}JsxProps {\n${props}\n}`;
    })
    .join('\n\n');
  const intrinsic = elements.map((el) => `      '${el.tag}': DetailedHTMLProps<HTMLAttributes<${el.className}>, ${el.className}> & ${el.className}JsxProps;`).join('\n');
  return `/**
 * React 19 JSX typings for Portico's elements, generated from
 * custom-elements.json by scripts/host-typings.mjs. Use with
 * \`/// <reference types="portico/react" />\` (or \`import type {} from 'portico/react'\`)
 * once in the host's sources. Import \`portico\` before React renders the tag,
 * so properties such as \`data\` are set as properties.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${imports}

${body}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${intrinsic}
    }
  }
}
`;
}

function vueTypings(elements, imports) {
  const maps = elements
    .map((el) => {
      const events = el.events.map((e) => `${doc(e.description, '  ')}  ${key(e.name)}: ${e.type};`).join('\n');
      const props = [...el.attributes.filter((a) => a.field), ...el.properties].map((p) => `'${p.field ?? p.name}'`);
      const extra = el.attributes.filter((a) => !a.field).map((a) => `${doc(a.description, '  ')}  ${key(camel(a.name))}?: ${a.type};`).join('\n');
      return `/** The events of \`<${el.tag}>\`, for \`@name="…"\` handlers. */\ntype ${el.className}Events = {\n${events}\n};\n/** Attributes of \`<${el.tag}>\` without a property. */\ninterface ${el.className}ExtraProps {\n${extra}\n}\ntype ${el.className}Props = ${props.join(' | ') || 'never'};`;
    })
    .join('\n\n');
  const globals = elements.map((el) => `    '${el.tag}': DefineCustomElement<${el.className}, ${el.className}Events, ${el.className}Props, ${el.className}ExtraProps>;`).join('\n');
  return `/**
 * Vue 3 typings for Portico's elements (Volar / vue-tsc), generated from
 * custom-elements.json by scripts/host-typings.mjs, in the shape Vue's guide
 * gives for custom elements. Use with \`/// <reference types="portico/vue" />\`
 * once in the host's sources; at build time tell Vue the tags are custom
 * elements: \`vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'micro-app' || tag === 'micro-store' } } })\`.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
${imports}

type EventMap = { [event: string]: Event };
type VueEmit<T extends EventMap> = EmitFn<{ [K in keyof T]: (event: T[K]) => void }>;
type DefineCustomElement<Element extends HTMLElement, Events extends EventMap, Props extends keyof Element, Extra> = new () => Element & {
  /** @deprecated For template type checking only; not on the element. */
  $props: HTMLAttributes & Partial<Pick<Element, Props>> & Extra & PublicProps;
  /** @deprecated For template type checking only; not on the element. */
  $emit: VueEmit<Events>;
};

${maps}

declare module 'vue' {
  interface GlobalComponents {
${globals}
  }
}
`;
}

function svelteTypings(elements, imports) {
  const body = elements
    .map((el) => {
      const props = attributeMembers(el, '    ');
      return `    '${el.tag}': HTMLAttributes<${el.className}> & {\n${props}\n    };`;
    })
    .join('\n');
  return `/**
 * Svelte 5 typings for Portico's elements (svelte-check), generated from
 * custom-elements.json by scripts/host-typings.mjs. Use with
 * \`/// <reference types="portico/svelte" />\` once in the host's sources.
 * Events are event attributes: \`<micro-app onmicro-app-mounted={…}>\`.
 */
import type { HTMLAttributes } from 'svelte/elements';
${imports}

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${body}
  }
}
`;
}

/** Writes the three files; returns their paths. */
export function writeHostTypings(manifestPath = path.join(ROOT, 'custom-elements.json'), indexPath = path.join(ROOT, 'src', 'index.ts')) {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const exported = new Set([...fs.readFileSync(indexPath, 'utf8').matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((s) => s.trim()).filter(Boolean)));
  const elements = elementsOf(manifest);
  const imports = importsFor(elements, exported);
  fs.mkdirSync(OUT, { recursive: true });
  const files = { 'react.d.ts': reactTypings(elements, imports), 'vue.d.ts': vueTypings(elements, imports), 'svelte.d.ts': svelteTypings(elements, imports) };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(OUT, name), text);
  return Object.keys(files).map((name) => path.join(OUT, name));
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(writeHostTypings().join('\n'));
