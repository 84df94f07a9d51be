"use client";

/** The palette and the shortcuts help listen for these, so any button can open them without shared state. */
export const OPEN_PALETTE = "winnow:open-palette";
export const OPEN_SHORTCUTS = "winnow:open-shortcuts";

export const openPalette = () => window.dispatchEvent(new Event(OPEN_PALETTE));
export const openShortcuts = () => window.dispatchEvent(new Event(OPEN_SHORTCUTS));

/** Typing in a field must never trigger a single-key shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
