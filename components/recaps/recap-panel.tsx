"use client";

import { Copy } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { Input, Textarea } from "@/components/ui/field";
import { createRecapAction } from "@/lib/actions/recaps/create-recap";
import { revokeRecapAction } from "@/lib/actions/recaps/revoke-recap";
import type { RecapPoint, RecapStatus } from "@/lib/qualification";
import { formatDate } from "@/lib/utils";

export interface RecapListItem {
  id: string;
  contactName: string;
  createdAt: Date;
  expiresAt: Date;
  sentAt: Date | null;
  status: RecapStatus;
  answered: number;
  points: number;
}

const STATUS: Record<RecapStatus, { label: string; tone: "info" | "good" | "neutral" | "bad" }> = {
  open: { label: "waiting for the buyer", tone: "info" },
  responded: { label: "responded", tone: "good" },
  expired: { label: "expired", tone: "neutral" },
  revoked: { label: "revoked", tone: "bad" },
};

/** The rep's side of a recap: pick the buyer, edit the points, get the link once (and email it when mail is set up). */
export function RecapPanel({
  opportunityId,
  contacts,
  draft,
  canEmail,
  recaps,
  canSend,
}: {
  opportunityId: string;
  contacts: Array<{ id: string; name: string; roles: string; hasEmail: boolean }>;
  draft: RecapPoint[];
  canEmail: boolean;
  recaps: RecapListItem[];
  canSend: boolean;
}) {
  const router = useRouter();
  const [contactId, setContactId] = useState("");
  const [points, setPoints] = useState(() => draft.map((p) => ({ ...p, include: true })));
  const [email, setEmail] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const create = useAction(createRecapAction, {
    onSuccess: ({ data }) => {
      setLink(data.link);
      if (data.emailed) toast.success("Recap emailed to the buyer");
      else if (data.mailError) toast.error(data.mailError);
      router.refresh();
    },
  });
  const revoke = useAction(revokeRecapAction, {
    onSuccess: () => {
      toast.success("Recap link revoked");
      router.refresh();
    },
  });
  const contact = contacts.find((c) => c.id === contactId);
  const fieldErrors: Record<string, string[] | undefined> = create.result.validationErrors?.fieldErrors ?? {};
  const error = create.result.serverError?.message ?? create.result.validationErrors?.formErrors?.[0] ?? Object.values(fieldErrors).flat()[0];

  return (
    <div className="space-y-5" data-testid="recap-panel">
      {canSend &&
        (link ? (
          <div className="space-y-2 rounded-md bg-emerald-50 p-3 ring-1 ring-emerald-200" data-testid="recap-link">
            <p className="text-sm font-medium text-emerald-900">Recap created. Copy the link now: it is shown only once.</p>
            <div className="flex gap-2">
              <Input
                readOnly
                value={link}
                aria-label="Recap link"
                className="font-mono text-xs"
                onFocus={(e) => e.currentTarget.select()}
                data-testid="recap-link-value"
              />
              <Button
                type="button"
                variant="secondary"
                size="md"
                onClick={() => {
                  void navigator.clipboard?.writeText(link).then(() => toast.success("Link copied"));
                }}
              >
                <Copy className="size-4" aria-hidden />
                Copy
              </Button>
            </div>
            <Button type="button" variant="ghost" size="sm" onClick={() => setLink(null)}>
              Done
            </Button>
          </div>
        ) : draft.length === 0 ? (
          <p className="text-sm text-slate-500">Record some evidence first: a recap confirms what you know, criterion by criterion.</p>
        ) : (
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              create.execute({
                opportunityId,
                contactId,
                email,
                points: points.filter((p) => p.include).map((p) => ({ criterionId: p.criterionId, text: p.text })),
              });
            }}
          >
            <div className="space-y-1.5">
              <label htmlFor="recap-contact" className="block text-sm font-medium text-slate-800">
                Buyer contact
              </label>
              <Combobox
                id="recap-contact"
                name="contactId"
                searchLabel="Search contacts"
                options={contacts.map((c) => ({ value: c.id, label: c.name, detail: c.roles || null }))}
                value={contactId}
                onChange={setContactId}
                placeholder="Choose who confirms…"
              />
            </div>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">Points the buyer will see (edit freely)</legend>
              {points.map((p, index) => (
                <div key={p.criterionId} className="rounded-md p-2 ring-1 ring-slate-200">
                  <label className="flex items-center gap-2 text-xs font-medium text-slate-600">
                    <input
                      type="checkbox"
                      checked={p.include}
                      onChange={(e) => setPoints((all) => all.map((x, i) => (i === index ? { ...x, include: e.target.checked } : x)))}
                      className="accent-indigo-600"
                    />
                    {p.label}
                  </label>
                  {p.include && (
                    <Textarea
                      aria-label={`Recap point: ${p.label}`}
                      value={p.text}
                      maxLength={1000}
                      className="mt-1 min-h-14 text-sm"
                      data-testid={`recap-edit-${p.criterionId}`}
                      onChange={(e) => setPoints((all) => all.map((x, i) => (i === index ? { ...x, text: e.target.value } : x)))}
                    />
                  )}
                </div>
              ))}
            </fieldset>
            {canEmail && (
              <label className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  checked={email}
                  disabled={!contact?.hasEmail}
                  onChange={(e) => setEmail(e.target.checked)}
                  className="accent-indigo-600"
                />
                Also email the link{contact && !contact.hasEmail ? ` (${contact.name} has no email address)` : ""}
              </label>
            )}
            {error && (
              <p role="alert" className="text-sm font-medium text-rose-700">
                {error}
              </p>
            )}
            <Button type="submit" disabled={create.isPending || !contactId}>
              {create.isPending ? "Creating…" : "Create recap link"}
            </Button>
          </form>
        ))}
      {recaps.length > 0 && (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="recap-list">
          {recaps.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="recap-row" data-status={r.status}>
              <div>
                <span className="font-medium text-slate-900">{r.contactName}</span>{" "}
                <Badge tone={STATUS[r.status].tone}>{STATUS[r.status].label}</Badge>
                <div className="text-xs text-slate-500">
                  {[
                    formatDate(r.createdAt),
                    r.sentAt ? "emailed" : null,
                    `${r.answered}/${r.points} points answered`,
                    r.status === "open" ? `expires ${formatDate(r.expiresAt)}` : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </div>
              </div>
              {canSend && r.status === "open" && (
                <Button type="button" size="sm" variant="ghost" disabled={revoke.isPending} onClick={() => revoke.execute({ recapId: r.id })}>
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
