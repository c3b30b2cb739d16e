import { ComponentType, createElement, lazy, useState } from 'react';

/**
 * A page loaded on demand (like `React.lazy`) that can also be loaded ahead of time, and then
 * renders at once. Why not `lazy` alone: even with its module in memory, a lazy component suspends
 * on its first render, and React 19 then holds the boundary's content back for 300 ms after
 * showing the fallback — a third of the login-to-dashboard budget.
 */
export function preloadable<P extends object>(
  load: () => Promise<ComponentType<P>>,
): { Page: ComponentType<P>; preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | undefined;
  const preload = () => load().then((component) => (loaded = component));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Page(props: P) {
    // Chosen once per mount: switching types when the module arrives would remount the page.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Component, props);
  }
  return { Page, preload };
}
