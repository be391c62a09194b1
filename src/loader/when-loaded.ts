/**
 * Waits until the stylesheets and images in an app's tree have loaded or
 * failed, as a browser does before `load`, but no longer than `limit` ms: a
 * stuck image must not hold the app's mount hostage.
 */
export async function whenLoaded(root: ParentNode, limit: number): Promise<void> {
  const pending: Promise<unknown>[] = [];
  for (const link of root.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"][href]')) {
    if (!link.sheet) pending.push(settled(link));
  }
  for (const img of root.querySelectorAll('img')) {
    if (!img.complete) pending.push(settled(img));
  }
  if (!pending.length) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([Promise.all(pending), new Promise((resolve) => (timer = setTimeout(resolve, limit)))]);
  clearTimeout(timer);
}

function settled(el: Element): Promise<void> {
  return new Promise((resolve) => {
    el.addEventListener('load', () => resolve(), { once: true });
    el.addEventListener('error', () => resolve(), { once: true });
  });
}
