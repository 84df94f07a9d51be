"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useBoardMoved } from "@/components/pipeline/board-state";
import { domainFieldErrors, stageGateDetails, type GateBlocker } from "@/lib/action-error";
import { advanceStageAction } from "@/lib/actions/opportunities/advance-stage";

/** A refused move: which stage was asked for and the engine's blockers. */
export interface RefusedMove {
  toStage: string;
  blockers: GateBlocker[];
}

export type OverrideErrors = Partial<Record<"overrideReason" | "overrideExpiresOn", string[]>>;

interface Override {
  reason: string;
  expiresOn: string;
}

/** What a move ended in, for the caller to put the focus on: the moved deal, or the refusal. */
export type MoveOutcome = { kind: "moved"; stage: string } | { kind: "refused" } | { kind: "failed" };

/**
 * The one stage-move flow, for the board's cards and the deal page alike: runs the gated stage change and
 * turns each outcome into the same answer everywhere. Moved: a toast, then the board updates the card in
 * place or the page reloads its data. Refused by the gate: the blockers (nothing changed on the server).
 * CONFLICT (someone changed the deal first): a toast and a refresh, so the user retries on fresh data.
 */
export function useStageMove({
  opportunityId,
  version,
  stageId,
  stageLabel,
}: {
  opportunityId: string;
  version: number;
  stageId: string;
  stageLabel: (id: string) => string;
}) {
  const router = useRouter();
  const boardMoved = useBoardMoved();
  const { executeAsync, isPending } = useAction(advanceStageAction);
  const [refused, setRefused] = useState<RefusedMove | null>(null);
  const [overrideErrors, setOverrideErrors] = useState<OverrideErrors>({});

  async function move(toStage: string, override?: Override): Promise<MoveOutcome> {
    setOverrideErrors({});
    const result = await executeAsync({
      opportunityId,
      toStage,
      version,
      ...(override && { overrideReason: override.reason, overrideExpiresOn: override.expiresOn }),
    });
    if (result?.data) {
      const overridden = result.data.outcome === "overridden";
      toast.success(`Moved to ${stageLabel(result.data.stage)}${overridden ? " with your override recorded" : ""}`);
      setRefused(null);
      // On the board only the moved card changes; elsewhere the page reloads its data.
      if (boardMoved && result.data.card) boardMoved(result.data.card, stageId);
      else router.refresh();
      return { kind: "moved", stage: result.data.stage };
    }
    const fieldErrors = result?.validationErrors?.fieldErrors;
    if (fieldErrors && override) {
      setOverrideErrors({ overrideReason: fieldErrors.overrideReason, overrideExpiresOn: fieldErrors.overrideExpiresOn });
      return { kind: "failed" };
    }
    const error = result?.serverError;
    const gate = stageGateDetails(error);
    // A domain check on the override (e.g. an expiry in the past) comes back as field errors.
    const domain = domainFieldErrors(error);
    if (gate) {
      setRefused({ toStage: gate.toStage, blockers: gate.blockers });
      return { kind: "refused" };
    } else if (error?.code === "CONFLICT") {
      toast.error("This deal changed since you loaded it. It has been refreshed: check it and try again.");
      setRefused(null);
      router.refresh();
    } else if (domain && override) {
      setOverrideErrors({ overrideReason: domain.overrideReason, overrideExpiresOn: domain.overrideExpiresOn });
    } else {
      toast.error(error?.message ?? (fieldErrors ? "That move is not valid." : "Could not move the deal. Please try again."));
    }
    return { kind: "failed" };
  }

  return { move, isPending, refused, dismiss: () => setRefused(null), overrideErrors };
}
