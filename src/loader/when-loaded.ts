import { deadline } from './deadline.js';

/**
 * Waits until the stylesheets and (unless `images` is false) the images in
 * an app's tree have loaded or failed, as a browser does before `load`, but
 * no longer than `limit` ms: a
 * stuck image must not hold the app's mount hostage. Resolves at once when
 * `signal` aborts (the element went mid-load): nothing of the wait, no timer
 * and no listener, is left to keep the torn-down app reachable.
 */
export async function whenLoaded(root: ParentNode, limit: number, signal?: AbortSignal, { images = true } = {}): Promise<void> {
  const pending: Element[] = [];
  for (const link of root.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"][href]')) {
    if (!link.sheet) pending.push(link);
  }
  if (images) pending.push(...loadingImages(root));
  if (!pending.length || signal?.aborted) return;
  const listening = new AbortController();
  const options = { once: true, signal: listening.signal };
  const wait = deadline(limit, signal);
  const loaded = new Promise<void>((resolve) => {
    let left = pending.length;
    const settle = () => --left || resolve();
    for (const el of pending) {
      el.addEventListener('load', settle, options);
      el.addEventListener('error', settle, options);
    }
  });
  await Promise.race([loaded, wait.ended]);
  wait.clear();
  listening.abort();
}

/** The images of an app's tree still loading. */
export function loadingImages(root: ParentNode): HTMLImageElement[] {
  return [...root.querySelectorAll('img')].filter((img) => !img.complete);
}
