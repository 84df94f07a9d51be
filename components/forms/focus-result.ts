/**
 * Focus on the result of an action once it is on screen, so keyboard and screen reader users land on what they
 * just made instead of at the top of the page: the record's heading after a create or save that navigates, the
 * new entry after a refresh. `find` returns the element when it is there (and not the one from before the
 * action); page changes are watched until it appears, for a while at most.
 */
export function focusWhenShown(find: () => HTMLElement | null, withinMs = 15_000): void {
  const attempt = () => {
    const el = find();
    if (!el) return false;
    // Headings and list items are not focusable by themselves: -1 makes them a focus target, not a tab stop.
    if (el.tabIndex < 0 && !el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    el.focus();
    return true;
  };
  if (attempt()) return;
  const observer = new MutationObserver(() => attempt() && stop());
  const timer = window.setTimeout(stop, withinMs);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
}

/** The page heading of `path` once the app has navigated there (not the heading of the page that submitted). */
export function focusPageHeading(path: string): void {
  const before = document.querySelector("main h1");
  focusWhenShown(() => {
    const heading = document.querySelector<HTMLElement>("main h1");
    return window.location.pathname === path && heading !== before ? heading : null;
  });
}

/** The first element matching `selector` once it is a new one (lists that show the newest first). */
export function focusNewFirst(selector: string): void {
  const before = document.querySelector(selector);
  focusWhenShown(() => {
    const first = document.querySelector<HTMLElement>(selector);
    return first !== before ? first : null;
  });
}
