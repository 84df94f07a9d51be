"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Select } from "@/components/ui/field";
import { changeRoleAction } from "@/lib/actions/users/change-role";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/permissions";

/** Changes a role as soon as another one is picked; the server refuses what it must (e.g. demoting yourself). */
export function RoleSelect({ userId, role, name }: { userId: string; role: Role; name: string }) {
  const router = useRouter();
  const { execute, isPending } = useAction(changeRoleAction, {
    onSuccess: ({ data }) => {
      toast.success(`${name} is now ${data ? ROLE_LABELS[data.role] : "updated"}`);
      router.refresh();
    },
    onError: ({ error }) => {
      toast.error(error.serverError?.message ?? "Could not change the role.");
      router.refresh();
    },
  });
  return (
    <Select aria-label={`Role of ${name}`} defaultValue={role} disabled={isPending} className="max-w-44" onChange={(e) => execute({ userId, role: e.target.value as Role })}>
      {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
    </Select>
  );
}
