/// <reference types="vite/client" />
// Portico's Vue typings: <micro-app> and <micro-store> in templates, their props and events.
/// <reference types="portico/vue" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
