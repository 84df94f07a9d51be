import type { Metadata } from "next";
import type { SearchParams } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { OwnerFilter } from "@/components/pipeline/owner-filter";
import { PipelineBoard } from "@/components/pipeline/pipeline-board";
import { boardParams, loadBoard } from "@/lib/server/pipeline/board";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Pipeline" };

export default async function PipelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const params = boardParams.parse(await searchParams);
  const board = await loadBoard(user, params);
  const query = new URLSearchParams({ owner: params.owner, order: params.order, pipeline: board.pipelineId }).toString();
  return (
    <>
      <PageHeader
        title="Pipeline"
        description="Open deals by stage. A deal moves only when its stage’s exit criteria are met."
        actions={<OwnerFilter owner={params.owner} order={params.order} pipeline={board.pipelineId} pipelines={board.pipelines} />}
      />
      <PipelineBoard board={board} query={query} />
    </>
  );
}
