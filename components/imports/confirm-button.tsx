"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { confirmImportAction } from "@/lib/actions/imports/confirm-import";

export function ConfirmImportButton({ jobId, rows }: { jobId: string; rows: number }) {
  const router = useRouter();
  const confirm = useAction(confirmImportAction, { onSuccess: () => router.refresh() });
  return (
    <div className="space-y-2">
      <Button onClick={() => confirm.execute({ id: jobId })} disabled={confirm.isPending || rows === 0}>
        Import {rows.toLocaleString("en-US")} row{rows === 1 ? "" : "s"}
      </Button>
      <FormError message={confirm.result.serverError?.message} />
    </div>
  );
}
