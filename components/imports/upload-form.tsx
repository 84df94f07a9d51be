"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

/** Sends the file to /api/imports (no server-action body limit), then opens the mapping step. */
export function UploadForm() {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const response = await fetch("/api/imports", { method: "POST", body: new FormData(event.currentTarget) }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { id?: string; message?: string } | null;
    setPending(false);
    if (response?.ok && body?.id) router.push(`/import/${body.id}`);
    else setError(body?.message ?? "The upload failed. Check your connection and try again.");
  }
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-[12rem_1fr_auto] sm:items-end" data-testid="upload-form">
      <Field label="The file holds" name="kind">
        <Select id="kind" name="kind" defaultValue="leads">
          <option value="leads">Leads</option>
          <option value="accounts">Accounts</option>
          <option value="contacts">Contacts</option>
        </Select>
      </Field>
      <Field label="CSV file" name="file" hint="First line: column names. Up to 20 MB (about 100,000 rows).">
        <Input id="file" name="file" type="file" accept=".csv,text/csv" required />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Uploading…" : "Upload"}
      </Button>
      <div className="sm:col-span-3">
        <FormError message={error} />
      </div>
    </form>
  );
}
