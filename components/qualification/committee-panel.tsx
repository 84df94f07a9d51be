"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState, type ComponentProps } from "react";
import { Controller } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { invalid } from "@/components/forms/form-errors";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/field";
import { addStakeholderAction } from "@/lib/actions/qualification/add-stakeholder";
import { updateStakeholderAction } from "@/lib/actions/qualification/update-stakeholder";
import { formatDate } from "@/lib/utils";
import { ActivityForm } from "./activity-form";

export interface CommitteeMember {
  id: string;
  name: string;
  title: string | null;
  role: string;
  roleLabel: string;
  lastEngagedAt: Date | null;
  championTested: boolean;
}

/** The buying committee: who plays which role, when we last engaged them, and whether the champion is tested. */
export function CommitteePanel({
  opportunityId,
  members,
  contacts,
  roles,
  canEdit,
}: {
  opportunityId: string;
  members: CommitteeMember[];
  contacts: Array<{ id: string; name: string; title: string | null }>;
  roles: Array<{ id: string; label: string }>;
  canEdit: boolean;
}) {
  const router = useRouter();
  const [activity, setActivity] = useState<{ id: string; kind: "engaged" | "champion_tested" } | null>(null);
  const update = useAction(updateStakeholderAction, {
    onSuccess: () => router.refresh(),
    onError: ({ error }) => toast.error(error.serverError?.message ?? "Could not update the committee."),
  });
  // No role until one is picked: the Select starts on its disabled "Role…" (its DOM default, which the form reads).
  const blank = { opportunityId, contactId: "" };
  const add = useZodForm(() => import("@/lib/validation/qualification").then((m) => m.addStakeholderSchema), addStakeholderAction, {
    defaultValues: blank,
    onSuccess: () => {
      toast.success("Added to the buying committee");
      add.form.reset(blank);
      router.refresh();
    },
  });
  const addError = add.errors("contactId")?.[0] ?? add.errors("role")?.[0] ?? add.errors("root")?.[0];

  return (
    <div className="space-y-4">
      {members.length === 0 && <p className="text-sm text-slate-500">Nobody on the buying committee yet. Who signs? Who sells for you inside?</p>}
      <ul className="space-y-3" data-testid="committee">
        {members.map((m) => (
          <li key={m.id} className="rounded-md bg-slate-50 px-3 py-2 text-sm">
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium text-slate-900">{m.name}</span>
              <Badge tone={m.role === "economic_buyer" || m.role === "champion" ? "info" : "neutral"}>{m.roleLabel}</Badge>
            </div>
            <div className="text-xs text-slate-500">
              {m.title && `${m.title} · `}last engaged {m.lastEngagedAt ? formatDate(m.lastEngagedAt) : "never"}
              {m.role === "champion" && (m.championTested ? " · tested" : " · not tested yet")}
            </div>
            {canEdit && (
              <div className="mt-1 flex flex-wrap gap-1">
                <MiniButton onClick={() => setActivity({ id: m.id, kind: "engaged" })} disabled={update.isPending}>
                  Log engagement
                </MiniButton>
                {m.role === "champion" &&
                  (m.championTested ? (
                    <MiniButton onClick={() => update.execute({ stakeholderId: m.id, op: "champion_untested" })} disabled={update.isPending}>
                      Mark untested
                    </MiniButton>
                  ) : (
                    <MiniButton onClick={() => setActivity({ id: m.id, kind: "champion_tested" })} disabled={update.isPending}>
                      Record champion test
                    </MiniButton>
                  ))}
                <ConfirmDialog
                  trigger={
                    <MiniButton disabled={update.isPending} aria-label={`Remove ${m.name} (${m.roleLabel})`}>
                      Remove
                    </MiniButton>
                  }
                  title={`Remove ${m.name} from the committee?`}
                  description={`${m.name} stops counting as ${m.roleLabel.toLowerCase()} on this deal; gates that need that role may close again.`}
                  confirmLabel="Remove"
                  onConfirm={() => update.execute({ stakeholderId: m.id, op: "remove" })}
                />
              </div>
            )}
            {canEdit && activity?.id === m.id && (
              <ActivityForm key={activity.kind} stakeholderId={m.id} kind={activity.kind} name={m.name} onDone={() => setActivity(null)} />
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <form onSubmit={add.onSubmit} className="space-y-2 border-t border-slate-100 pt-3" noValidate data-testid="committee-form">
          <div className="grid grid-cols-2 gap-2">
            <Controller
              control={add.form.control}
              name="contactId"
              render={({ field }) => (
                <Combobox
                  id="committee-contact"
                  name="contactId"
                  aria-label="Contact"
                  searchLabel="Search this account's contacts"
                  options={contacts.map((c) => ({ value: c.id, label: c.name, detail: c.title }))}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  placeholder="Contact…"
                  {...invalid(add.errors("contactId"), "committee")}
                />
              )}
            />
            <Select aria-label="Buying role" defaultValue="" {...add.form.register("role")} {...invalid(add.errors("role"), "committee")}>
              <option value="" disabled>
                Role…
              </option>
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </Select>
          </div>
          {addError && (
            <p id="committee-error" className="text-xs font-medium text-rose-600" data-testid="committee-error">
              {addError}
            </p>
          )}
          <Button type="submit" size="sm" variant="secondary" disabled={add.isPending}>
            Add to committee
          </Button>
        </form>
      )}
    </div>
  );
}

function MiniButton(props: ComponentProps<"button">) {
  return (
    <button
      type="button"
      className="rounded px-2 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
      {...props}
    />
  );
}
