"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/field";
import { changeRoleAction } from "@/lib/actions/users/change-role";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/permissions";

/**
 * Picking a role only drafts it (arrowing through the list changes nothing); "Save role" asks for a
 * confirmation naming the change, then the server applies it and refuses what it must (e.g. demoting yourself).
 */
export function RoleSelect({ userId, role, name }: { userId: string; role: Role; name: string }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Role>(role);
  const [shown, setShown] = useState(role);
  if (shown !== role) {
    setShown(role);
    setDraft(role);
  }
  const { execute, isPending } = useAction(changeRoleAction, {
    onSuccess: ({ data }) => {
      toast.success(`${name} is now ${data ? ROLE_LABELS[data.role] : "updated"}`);
      router.refresh();
    },
    onError: ({ error }) => {
      toast.error(error.serverError?.message ?? "Could not change the role.");
      setDraft(role);
      router.refresh();
    },
  });
  return (
    <div className="flex items-center gap-2">
      <Select
        aria-label={`Role of ${name}`}
        value={draft}
        disabled={isPending}
        className="min-w-36"
        onChange={(e) => setDraft(e.target.value as Role)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </Select>
      {draft !== role && (
        <ConfirmDialog
          trigger={
            <Button size="sm" disabled={isPending}>
              Save role
            </Button>
          }
          title={`Change ${name}'s role?`}
          description={`${name} goes from ${ROLE_LABELS[role]} to ${ROLE_LABELS[draft]}. What they may see and do changes at once.`}
          confirmLabel={`Make ${ROLE_LABELS[draft]}`}
          onConfirm={() => execute({ userId, role: draft })}
        />
      )}
    </div>
  );
}
