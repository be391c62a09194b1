// Portico's Svelte typings: <micro-app> and <micro-store>, their attributes and event attributes.
/// <reference types="portico/svelte" />
export {};
