import { z } from "zod";

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

/** The palette's query: trimmed; shorter than two characters matches nothing (too broad to be useful). */
export const searchQuery = z.string().trim().max(100).catch("");
export const MIN_QUERY = 2;
/** At most this many hits per kind, so one busy kind cannot crowd out the others. */
export const HITS_PER_KIND = 5;

/** A record picker asks for one or more kinds (`?kind=account`); unknown or missing kinds mean all of them. */
export const searchKinds = z
  .array(z.string())
  .catch([])
  .transform((asked): ReadonlySet<SearchKind> => {
    const known = SEARCH_KINDS.filter((kind) => asked.includes(kind));
    return new Set(known.length > 0 ? known : SEARCH_KINDS);
  });
