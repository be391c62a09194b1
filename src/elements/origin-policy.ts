/**
 * Which origins `<micro-app src>` may load from. Without a policy, any
 * origin may (CORS still applies). A host restricts it once, either with
 * `setOriginPolicy([...])` or declaratively with
 * `<meta name="portico-allowed-origins" content="https://a.example https://b.example">`;
 * an entry from any other origin, or redirected to one, is refused with
 * `PORTICO_ORIGIN_REFUSED` before anything of it runs.
 */
let origins: ReadonlySet<string> | undefined;

/** Restricts the origins apps may load from (`undefined` lifts the restriction). Entries are origins or URLs. */
export function setOriginPolicy(allowed: Iterable<string> | undefined): void {
  origins = allowed === undefined ? undefined : new Set([...allowed].map((entry) => new URL(entry, location.href).origin));
}

/** The policy in force: the one set in code, else the page's `<meta name="portico-allowed-origins">`, else none. */
export function originPolicy(): ((url: string) => boolean) | undefined {
  let allowed = origins;
  if (!allowed) {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="portico-allowed-origins"]');
    if (meta) allowed = new Set(meta.content.split(/\s+/).filter(Boolean).map((entry) => new URL(entry, location.href).origin));
  }
  if (!allowed) return undefined;
  const set = allowed;
  return (url) => {
    try {
      return set.has(new URL(url, location.href).origin);
    } catch {
      return false;
    }
  };
}
