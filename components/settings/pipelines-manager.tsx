"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { toast } from "@/components/ui/toast";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FormError } from "@/components/forms/form-error";
import { invalid, serverFormErrors } from "@/components/forms/form-errors";
import { useZodForm } from "@/components/forms/use-zod-form";
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

const hrefOf = (id: string) => `/settings/qualification?pipeline=${encodeURIComponent(id)}`;

/**
 * The organization's pipelines: pick the one the editors below change, add one (from a template or as a copy of
 * another pipeline's framework and stages, a custom framework included), rename, reorder and delete an empty one.
 */
export function PipelinesManager({ pipelines, selectedId, templates, editable }: Props) {
  const router = useRouter();
  const selected = pipelines.find((p) => p.id === selectedId);
  const remove = useAction(deletePipelineAction, {
    onSuccess: () => {
      toast.success("Pipeline deleted");
      router.push("/settings/qualification");
    },
  });
  const reorder = useAction(reorderPipelinesAction, { onSuccess: () => router.refresh() });
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
      <FormError message={serverFormErrors(reorder.result).formError} />

      {editable && selected && (
        <div className="flex flex-wrap items-end gap-3">
          <RenamePipelineForm key={selected.id} pipelineId={selected.id} name={selected.name} />
          {pipelines.length > 1 && (
            <Button type="button" size="sm" variant="danger" disabled={remove.isPending} onClick={() => remove.execute({ pipelineId: selected.id })}>
              Delete {selected.name}
            </Button>
          )}
        </div>
      )}
      <FormError message={serverFormErrors(remove.result).formError} />

      {editable && <CreatePipelineForm pipelines={pipelines} templates={templates} />}
    </div>
  );
}

function RenamePipelineForm({ pipelineId, name }: { pipelineId: string; name: string }) {
  const router = useRouter();
  const { form, onSubmit, isPending, summaryFocus, errors } = useZodForm(
    () => import("@/lib/validation/pipeline").then((m) => m.renamePipelineSchema),
    renamePipelineAction,
    {
      defaultValues: { pipelineId, name },
      onSuccess: (data) => {
        toast.success(`Renamed to "${data.name}"`);
        form.reset({ pipelineId, name: data.name });
        router.refresh();
      },
    },
  );
  return (
    <form onSubmit={onSubmit} className="space-y-2" noValidate data-testid="rename-pipeline">
      <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
      <div className="flex flex-wrap items-end gap-2">
        <Field label="Name of this pipeline" name="pipeline-rename" errors={errors("name")}>
          <Input id="pipeline-rename" className="w-64" {...form.register("name")} {...invalid(errors("name"), "pipeline-rename")} />
        </Field>
        <Button type="submit" size="sm" variant="secondary" disabled={isPending}>
          Rename
        </Button>
      </div>
    </form>
  );
}

/** A new pipeline starts from a template, or as a copy of an existing pipeline ("copy:<id>" in the one picker). */
function CreatePipelineForm({ pipelines, templates }: Pick<Props, "pipelines" | "templates">) {
  const router = useRouter();
  const { form, onSubmit, isPending, summaryFocus, errors } = useZodForm(
    () => import("@/lib/validation/pipeline").then((m) => m.createPipelineSchema),
    createPipelineAction,
    {
      defaultValues: { name: "", start: templates[0]?.key ?? "meddpicc" },
      toInput: ({ name, start }: { name: string; start: string }) =>
        start.startsWith("copy:") ? { name, copyFromPipelineId: start.slice(5) } : { name, frameworkKey: start as TemplateKey },
      onSuccess: (data) => {
        toast.success(`Pipeline "${data.name}" created`);
        router.push(hrefOf(data.id));
      },
    },
  );
  const startErrors = errors("frameworkKey") ?? errors("copyFromPipelineId");
  return (
    <form onSubmit={onSubmit} className="space-y-2" noValidate data-testid="create-pipeline">
      <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
      <div className="flex flex-wrap items-end gap-3">
        <Field label="New pipeline" name="pipeline-name" errors={errors("name")}>
          <Input
            id="pipeline-name"
            placeholder="Renewals"
            className="w-56"
            {...form.register("name")}
            {...invalid(errors("name"), "pipeline-name")}
          />
        </Field>
        {/* A handful of templates and pipelines, grouped: a native select is the accessible short picker. */}
        <Field label="Start from" name="pipeline-start" errors={startErrors}>
          <Select id="pipeline-start" className="w-64" {...form.register("start")} {...invalid(startErrors, "pipeline-start")}>
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
        <Button type="submit" size="sm" disabled={isPending}>
          Add pipeline
        </Button>
      </div>
    </form>
  );
}
