import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * False in the server render and while hydrating, true once this component runs in the browser. Editors that
 * hydrate after the page's first load (`next/dynamic`) mark themselves with it (`data-hydrated`), so a script or
 * a test knows when a press will reach their handlers rather than the server's inert markup.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
