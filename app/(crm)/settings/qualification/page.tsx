import type { Metadata } from "next";
import { FrameworkPicker } from "@/components/settings/framework-picker";
import { OverrideWindowForm } from "@/components/settings/override-window-form";
import { FrameworkBuilder, PipelineEditor, StageListEditor } from "@/components/settings/below-the-fold";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RescoreProgress } from "@/components/settings/rescore-progress";
import { db } from "@/lib/server/db";
import { latestRescore, toProgressView } from "@/lib/server/qualification/rescore-organization";
import { ReadOnlyNote } from "@/components/ui/read-only-note";
import { can } from "@/lib/permissions";
import { FRAMEWORKS, type TemplateKey } from "@/lib/qualification";
import { PipelinesManager } from "@/components/settings/pipelines-manager";
import type { SearchParams } from "@/components/ui/data-table";
import { listPipelinesWithDeals } from "@/lib/server/pipeline/pipelines";
import { getQualificationSetup } from "@/lib/server/settings/queries";
import { requireUser } from "@/lib/server/session";
import { formatDateTime } from "@/lib/utils";
import { TEMPLATE_KEYS } from "@/lib/validation/settings";

export const metadata: Metadata = { title: "Qualification setup" };

export default async function QualificationSetupPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const requested = (await searchParams).pipeline;
  const [progress, pipelines] = await Promise.all([latestRescore(db(), user.organizationId), listPipelinesWithDeals(db(), user.organizationId)]);
  // The editors below change one pipeline: the one picked, or the first.
  const selectedId = pipelines.find((p) => p.id === requested)?.id ?? null;
  const setup = await getQualificationSetup(user, selectedId);
  const canConfigure = can(user.role, "pipeline.configure");
  const templates = TEMPLATE_KEYS.map((key) => ({ ...FRAMEWORKS[key], key }));
  const { framework, pipeline, lastChange } = setup;

  return (
    <>
      <PageHeader
        eyebrow="Settings"
        title="Qualification setup"
        description="The framework every deal is scored with, and what each stage asks of a deal before it may move on."
      />
      <RescoreProgress initial={progress && toProgressView(progress, new Date())} />
      {!canConfigure && <ReadOnlyNote>You can see how deals are qualified here; only sales managers and admins can change it.</ReadOnlyNote>}
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Pipelines"
            description="Each pipeline has its own framework, stages and gates (new business, renewals, a partner channel…). A deal belongs to one; pick the pipeline to set up below."
          />
          <CardBody>
            <PipelinesManager
              pipelines={pipelines.map((p) => ({
                id: p.id,
                name: p.name,
                deals: p.deals,
                frameworkName: p.frameworkKey === "custom" ? "Custom framework" : (FRAMEWORKS[p.frameworkKey as TemplateKey]?.name ?? p.frameworkKey),
              }))}
              selectedId={setup.pipelineId}
              templates={templates.map((t) => ({ key: t.key, name: t.name }))}
              editable={canConfigure}
            />
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title={`${setup.pipelineName} — framework: ${framework.name}`}
            description={
              framework.key === "custom"
                ? "Your organization runs its own framework. Pick a template below to replace it."
                : "Pick a template to see its criteria. Weights only matter relative to each other."
            }
          />
          <CardBody>
            <FrameworkPicker pipelineId={setup.pipelineId} templates={templates} currentKey={framework.key} canChange={canConfigure} />
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Your own framework"
            description="Build a framework of your own, from a template or from scratch, and preview its scorecard before saving. Each save is a new version; deals keep their evidence."
          />
          <CardBody>
            <FrameworkBuilder
              key={`framework-${setup.pipelineId}-${setup.version}`}
              pipelineId={setup.pipelineId}
              templates={templates}
              current={framework}
              archived={setup.archived}
              version={setup.version}
              editable={canConfigure}
            />
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Stages"
            description="Add, rename, reorder and remove stages. Deals in a removed stage go where you say; a deal an edit would carry past a gate it has not passed is held at that gate."
          />
          <CardBody>
            <StageListEditor
              key={`stages-${setup.pipelineId}-${setup.version}`}
              pipelineId={setup.pipelineId}
              pipeline={pipeline}
              dealsByStage={setup.dealsByStage}
              version={setup.version}
              editable={canConfigure}
            />
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Pipeline and stage gates"
            description={
              lastChange
                ? `Last changed ${formatDateTime(lastChange.at)}${lastChange.by ? ` by ${lastChange.by}` : ""}${lastChange.action === "framework_change" ? " (framework switch)" : ""}.`
                : setup.pipelineIsDefault
                  ? `${framework.name}'s default pipeline; not customised yet.`
                  : undefined
            }
          />
          <PipelineEditor
            key={`${setup.pipelineId}-${lastChange?.id ?? "default"}`}
            pipelineId={setup.pipelineId}
            frameworkName={framework.name}
            criteria={framework.criteria.map((c) => ({ id: c.id, label: c.label }))}
            pipeline={pipeline}
            editable={canConfigure}
          />
        </Card>

        <Card>
          <CardHeader
            title="Manager overrides"
            description="A manager may let a deal through a gate by exception, with a reason and an end date within this window."
          />
          <CardBody>
            <OverrideWindowForm days={setup.overrideMaxDays} editable={canConfigure} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
