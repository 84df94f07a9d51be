import { Download } from "lucide-react";
import { ButtonLink } from "./button";
import type { SearchParams } from "./data-table";

/** "Export CSV" for a list: the same query string as the list on screen (minus the page), so filters carry over. */
export function ExportLink({ list, params }: { list: "accounts" | "contacts" | "opportunities" | "leads"; params: SearchParams }) {
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (typeof v === "string" && k !== "page" ? [[k, v]] : [])));
  return (
    <ButtonLink href={`/api/export/${list}?${query.toString()}`} variant="secondary" prefetch={false} data-testid="export-csv">
      <Download className="size-4" aria-hidden />
      Export CSV
    </ButtonLink>
  );
}
