import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/** False in the server render and while hydrating, true once this component runs in the browser. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/**
 * Props for the root of an editor that hydrates after the page's first load (`next/dynamic`). Until its code
 * runs it is `inert`: a press on the server's markup would be lost (a button without its handler) or worse (a
 * submit button posting the form natively, as a page load with the fields in the URL). Once live it is marked
 * `data-hydrated`, so a script or a test knows a press will reach its handlers.
 */
export function useHydrationGate(): { inert: boolean; "data-hydrated": true | undefined } {
  const hydrated = useHydrated();
  return { inert: !hydrated, "data-hydrated": hydrated || undefined };
}
