// Portico's elements run in the browser: the portal is a single-page app, rendered on the client only.
export const ssr = false;
export const prerender = false;
