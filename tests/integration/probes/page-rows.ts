import type { Permission } from "../../../lib/permissions";
import type { World } from "./world";

/**
 * One row per page whose route has a dynamic segment (app/**\/[param]/**\/page.tsx). `load` imports the
 * page; `params` aims it at tenant A's record. Probes: signed out → sign-in; tenant B's admin → 404;
 * with `edit`, every role without that permission and (for "own" scopes) tenant A's other rep → 404;
 * without `edit`, every role of tenant A may view it.
 */
export interface PageRow {
  file: string;
  load: () => Promise<{ default: (props: never) => unknown }>;
  params: (w: World) => Record<string, string>;
  edit?: Permission;
  /** Pages for signed-out visitors (a reset link, the intake form): checked for what a stranger's bogus param gets. */
  public?: boolean;
  /** What a public page shows for the bogus param: the reset page renders its own message, an unknown form is a 404. */
  publicExpect?: "ok" | "404";
}

export const PAGE_ROWS: PageRow[] = [
  { file: "(crm)/accounts/[id]/page.tsx", load: () => import("../../../app/(crm)/accounts/[id]/page"), params: (w) => ({ id: w.account.id }) },
  {
    file: "(crm)/accounts/[id]/edit/page.tsx",
    load: () => import("../../../app/(crm)/accounts/[id]/edit/page"),
    params: (w) => ({ id: w.account.id }),
    edit: "account.update",
  },
  { file: "(crm)/contacts/[id]/page.tsx", load: () => import("../../../app/(crm)/contacts/[id]/page"), params: (w) => ({ id: w.contact.id }) },
  {
    file: "(crm)/contacts/[id]/edit/page.tsx",
    load: () => import("../../../app/(crm)/contacts/[id]/edit/page"),
    params: (w) => ({ id: w.contact.id }),
    edit: "contact.write",
  },
  {
    file: "(crm)/opportunities/[id]/page.tsx",
    load: () => import("../../../app/(crm)/opportunities/[id]/page"),
    params: (w) => ({ id: w.opportunity.id }),
  },
  {
    file: "(crm)/opportunities/[id]/edit/page.tsx",
    load: () => import("../../../app/(crm)/opportunities/[id]/edit/page"),
    params: (w) => ({ id: w.opportunity.id }),
    edit: "opportunity.update",
  },
  {
    file: "(crm)/leads/[id]/page.tsx",
    load: () => import("../../../app/(crm)/leads/[id]/page"),
    params: (w) => ({ id: w.lead.id }),
    edit: "lead.view",
  },
  {
    file: "(crm)/import/[id]/page.tsx",
    load: () => import("../../../app/(crm)/import/[id]/page"),
    params: (w) => ({ id: w.importJob.id }),
    edit: "import.run",
  },
  {
    file: "intake/[slug]/page.tsx",
    load: () => import("../../../app/intake/[slug]/page"),
    params: () => ({ slug: "no-such-form" }),
    public: true,
    publicExpect: "404",
  },
  {
    file: "intake/[slug]/thanks/page.tsx",
    load: () => import("../../../app/intake/[slug]/thanks/page"),
    params: () => ({ slug: "no-such-form" }),
    public: true,
    publicExpect: "404",
  },
  {
    file: "recap/[token]/page.tsx",
    load: () => import("../../../app/recap/[token]/page"),
    params: () => ({ token: "forged-token-forged-token-forged-token-0000" }),
    public: true,
    publicExpect: "404",
  },
  {
    file: "(auth)/reset-password/[token]/page.tsx",
    load: () => import("../../../app/(auth)/reset-password/[token]/page"),
    params: () => ({ token: "forged" }),
    public: true,
  },
];
