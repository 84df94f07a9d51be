"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { createPipelineAction } from "@/lib/actions/settings/create-pipeline";
import { deletePipelineAction } from "@/lib/actions/settings/delete-pipeline";
import { renamePipelineAction } from "@/lib/actions/settings/rename-pipeline";
import { reorderPipelinesAction } from "@/lib/actions/settings/reorder-pipelines";
import type { TemplateKey } from "@/lib/qualification";
import { cn } from "@/lib/utils";
import { plural } from "@/lib/vocabulary";

interface PipelineRow {
  id: string;
  name: string;
  frameworkName: string;
  deals: number;
}

interface Props {
  pipelines: PipelineRow[];
  selectedId: string;
  templates: Array<{ key: TemplateKey; name: string }>;
  editable: boolean;
}

const textOf = (form: HTMLFormElement, name: string) => {
  const value = new FormData(form).get(name);
  return typeof value === "string" ? value : "";
};
const hrefOf = (id: string) => `/settings/qualification?pipeline=${encodeURIComponent(id)}`;

/**
 * The organization's pipelines: pick the one the editors below change, add one (from a template or as a copy of
 * another pipeline's framework and stages, a custom framework included), rename, reorder and delete an empty one.
 */
export function PipelinesManager({ pipelines, selectedId, templates, editable }: Props) {
  const router = useRouter();
  const selected = pipelines.find((p) => p.id === selectedId);
  const [start, setStart] = useState<string>(templates[0]?.key ?? "meddpicc");
  const create = useActionForm(createPipelineAction, {
    onSuccess: (data) => {
      toast.success(`Pipeline "${data.name}" created`);
      router.push(hrefOf(data.id));
    },
  });
  const rename = useActionForm(renamePipelineAction, {
    onSuccess: (data) => {
      toast.success(`Renamed to "${data.name}"`);
      router.refresh();
    },
  });
  const remove = useActionForm(deletePipelineAction, {
    onSuccess: () => {
      toast.success("Pipeline deleted");
      router.push("/settings/qualification");
    },
  });
  const reorder = useActionForm(reorderPipelinesAction, { onSuccess: () => router.refresh() });

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = textOf(event.currentTarget, "name");
    const copy = start.startsWith("copy:") ? start.slice(5) : undefined;
    create.execute(copy ? { name, copyFromPipelineId: copy } : { name, frameworkKey: start as TemplateKey });
  };
  const onRename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    rename.execute({ pipelineId: selectedId, name: textOf(event.currentTarget, "name") });
  };
  const move = (index: number, by: -1 | 1) => {
    const ids = pipelines.map((p) => p.id);
    const [id] = ids.splice(index, 1);
    if (!id) return;
    ids.splice(index + by, 0, id);
    reorder.execute({ pipelineIds: ids });
  };

  return (
    <div className="space-y-5" data-testid="pipelines-manager">
      <ol className="divide-y divide-border rounded-md ring-1 ring-border">
        {pipelines.map((p, i) => (
          <li key={p.id} className="flex flex-wrap items-center gap-3 px-3 py-2">
            <Link
              href={hrefOf(p.id)}
              aria-current={p.id === selectedId ? "page" : undefined}
              className={cn("min-w-0 flex-1 rounded px-1 text-sm underline-offset-2 hover:underline", p.id === selectedId && "font-semibold")}
            >
              {p.name}
              <span className="ml-2 font-normal text-muted-foreground">
                {p.frameworkName} · {plural(p.deals, "deal")}
                {i === 0 ? " · default for new deals" : ""}
              </span>
            </Link>
            {editable && pipelines.length > 1 && (
              <span className="flex gap-1">
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  disabled={i === 0 || reorder.isPending}
                  onClick={() => move(i, -1)}
                  aria-label={`Move ${p.name} up`}
                >
                  ↑
                </Button>
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  disabled={i === pipelines.length - 1 || reorder.isPending}
                  onClick={() => move(i, 1)}
                  aria-label={`Move ${p.name} down`}
                >
                  ↓
                </Button>
              </span>
            )}
          </li>
        ))}
      </ol>
      <FormError message={reorder.formError} />

      {editable && selected && (
        <div className="flex flex-wrap items-end gap-3">
          <form onSubmit={onRename} className="flex flex-wrap items-end gap-2" key={selected.id}>
            <Field label="Name of this pipeline" name="pipeline-rename" errors={rename.fieldErrors.name}>
              <Input id="pipeline-rename" name="name" defaultValue={selected.name} className="w-64" />
            </Field>
            <Button type="submit" size="sm" variant="secondary" disabled={rename.isPending}>
              Rename
            </Button>
          </form>
          {pipelines.length > 1 && (
            <Button type="button" size="sm" variant="danger" disabled={remove.isPending} onClick={() => remove.execute({ pipelineId: selected.id })}>
              Delete {selected.name}
            </Button>
          )}
        </div>
      )}
      <FormError message={rename.formError ?? remove.formError} />

      {editable && (
        <form onSubmit={onCreate} className="flex flex-wrap items-end gap-3" data-testid="create-pipeline">
          <Field label="New pipeline" name="pipeline-name" errors={create.fieldErrors.name}>
            <Input id="pipeline-name" name="name" placeholder="Renewals" className="w-56" />
          </Field>
          <Field label="Start from" name="pipeline-start" errors={create.fieldErrors.frameworkKey}>
            <Select id="pipeline-start" value={start} onChange={(e) => setStart(e.target.value)} className="w-64">
              {templates.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.name} template
                </option>
              ))}
              {pipelines.map((p) => (
                <option key={p.id} value={`copy:${p.id}`}>
                  Copy of {p.name} ({p.frameworkName})
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" size="sm" disabled={create.isPending}>
            Add pipeline
          </Button>
          <FormError message={create.formError} />
        </form>
      )}
    </div>
  );
}
