import { Target } from "lucide-react";
import type { Metadata } from "next";
import { FitPreviewView } from "@/components/icp/fit-preview";
import { IcpEditor } from "@/components/icp/icp-editor";
import { RulesList } from "@/components/icp/rules-list";
import { VersionHistory } from "@/components/icp/version-history";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DefinitionList } from "@/components/ui/definition-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RescoreProgress } from "@/components/settings/rescore-progress";
import { db } from "@/lib/server/db";
import { latestRescore, toProgressView } from "@/lib/server/qualification/rescore-organization";
import { ReadOnlyNote } from "@/components/ui/read-only-note";
import { can } from "@/lib/permissions";
import { getIcpOverview } from "@/lib/server/icp/queries";
import { requireUser } from "@/lib/server/session";
import { formatDateTime } from "@/lib/utils";

export const metadata: Metadata = { title: "Ideal customer profile" };

export default async function IcpPage() {
  const user = await requireUser();
  const progress = await latestRescore(db(), user.organizationId);
  const { icp, versions, preview } = await getIcpOverview(user);
  const current = versions[0];
  const canManage = can(user.role, "icp.manage");

  return (
    <>
      <PageHeader
        eyebrow="Marketing"
        title="Ideal customer profile"
        description="What a good-fit account looks like. Every fit score, verdict and prospecting gate uses the current version."
      />
      <RescoreProgress initial={progress && toProgressView(progress, new Date())} />
      {!canManage && <ReadOnlyNote>Marketing and admins define the ICP; you can see it and how accounts score against it.</ReadOnlyNote>}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader
              title={current ? `Current ICP · version ${current.version}` : "Current ICP"}
              description={current ? `Saved ${formatDateTime(current.createdAt)}${current.createdBy ? ` by ${current.createdBy}` : ""}` : undefined}
            />
            {current ? (
              <CardBody className="space-y-4">
                <DefinitionList
                  items={[
                    ["Pursue when fit is at least", icp.pursueThreshold],
                    ["Not a fit when the best case is below", icp.disqualifyBelow ?? "no floor"],
                    ["Rules", icp.rules.length],
                  ]}
                />
                {current.note && <p className="text-sm text-slate-600">“{current.note}”</p>}
                <RulesList rules={icp.rules} />
              </CardBody>
            ) : (
              <EmptyState
                icon={Target}
                title="No ICP yet"
                description={
                  canManage
                    ? "Define the first version below. Until then every account counts as a fit (100)."
                    : "Until marketing defines one, every account counts as a fit (100)."
                }
              />
            )}
          </Card>
          {canManage && (
            <Card>
              <CardHeader
                title={current ? `Edit the ICP (starting from version ${current.version})` : "Define the ICP"}
                description="Weights only matter relative to each other. A knockout miss makes the account not a fit; missing data never does."
              />
              <CardBody>
                <IcpEditor
                  key={current?.id ?? "none"}
                  basedOnVersion={current?.version ?? 0}
                  rules={icp.rules}
                  pursueThreshold={current ? icp.pursueThreshold : 60}
                  disqualifyBelow={icp.disqualifyBelow ?? null}
                />
              </CardBody>
            </Card>
          )}
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader
              title="How your accounts fit"
              description={current ? `Under version ${current.version}, scored now` : "With no ICP, every account fits"}
            />
            <CardBody>
              <FitPreviewView preview={preview} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Version history" description="Versions are never edited; each save adds one." />
            <CardBody className="py-1">
              <VersionHistory versions={versions} />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
