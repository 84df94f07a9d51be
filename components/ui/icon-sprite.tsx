import type { LucideIcon } from "lucide-react";

/**
 * Icons a page repeats on every card or row, drawn once: `IconSprite` defines each as an SVG `<symbol>`, and
 * `SpriteIcon` draws one by reference. A board of 125 cards carried 523 inline copies of six icons: 210 kB of
 * its HTML, and as many renders of lucide's component on the server. The symbols keep lucide's strokes, and a
 * referenced icon takes its colour from the text around it, as the inline one did.
 */
export function IconSprite({ icons }: { icons: Readonly<Record<string, LucideIcon>> }) {
  return (
    // Not display: none (some browsers drop what a hidden SVG defines); a box of no size, out of the flow.
    <svg aria-hidden className="pointer-events-none absolute size-0 overflow-hidden">
      {Object.entries(icons).map(([id, Icon]) => (
        <symbol key={id} id={id} viewBox="0 0 24 24">
          <Icon />
        </symbol>
      ))}
    </svg>
  );
}

export function SpriteIcon({ id, className }: { id: string; className?: string }) {
  return (
    <svg aria-hidden className={className}>
      <use href={`#${id}`} />
    </svg>
  );
}
