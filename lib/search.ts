/** What the command palette can jump to. Shared by the search service and the palette (no server code here). */
export const SEARCH_KINDS = ["deal", "account", "contact", "lead"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  id: string;
  /** The record's name, as stored. */
  label: string;
  /** One line of context: the account of a deal or contact, a lead's company, an account's domain. */
  detail: string | null;
  href: string;
}

/**
 * Shorter queries match nothing (too broad to be useful). This module has no zod on purpose: the palette is on
 * every page and imports it, and zod would add ~30 kB gzipped to every first load.
 */
export const MIN_QUERY = 2;
/** At most this many hits per kind, so one busy kind cannot crowd out the others. */
export const HITS_PER_KIND = 5;
