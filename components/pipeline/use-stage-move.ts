"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import type { BlockerItem } from "@/components/qualification/blocker-list";
import { advanceStageAction } from "@/lib/actions/opportunities/advance-stage";
import { useBoardMoved } from "./board-state";

/** A refused move: which stage was asked for and the engine's blockers, shown on the card. */
export interface RefusedMove {
  toStage: string;
  blockers: BlockerItem[];
}

export type OverrideErrors = Partial<Record<"overrideReason" | "overrideExpiresOn", string[]>>;

interface Override {
  reason: string;
  expiresOn: string;
}

function refusedFrom(details: unknown, fallbackStage: string): RefusedMove {
  const d = (typeof details === "object" && details !== null ? details : {}) as { blockers?: unknown; toStage?: unknown };
  const blockers = Array.isArray(d.blockers)
    ? d.blockers.filter((b): b is BlockerItem => typeof b === "object" && b !== null && typeof (b as BlockerItem).message === "string" && typeof (b as BlockerItem).stageId === "string")
    : [];
  return { toStage: typeof d.toStage === "string" ? d.toStage : fallbackStage, blockers };
}

/**
 * Runs the gated stage change for one deal and turns each outcome into what the board shows: a toast and a
 * refresh when it moved, the blockers when the gate refused it (nothing changed on the server), a refresh
 * when someone else changed the deal first.
 */
export function useStageMove({ opportunityId, version, stageId, stageLabel }: { opportunityId: string; version: number; stageId: string; stageLabel: (id: string) => string }) {
  const router = useRouter();
  const boardMoved = useBoardMoved();
  const { executeAsync, isPending } = useAction(advanceStageAction);
  const [refused, setRefused] = useState<RefusedMove | null>(null);
  const [overrideErrors, setOverrideErrors] = useState<OverrideErrors>({});

  async function move(toStage: string, override?: Override): Promise<void> {
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
      return;
    }
    const fieldErrors = result?.validationErrors?.fieldErrors;
    if (fieldErrors && override) {
      setOverrideErrors({ overrideReason: fieldErrors.overrideReason, overrideExpiresOn: fieldErrors.overrideExpiresOn });
      return;
    }
    const error = result?.serverError;
    if (!error) {
      toast.error(fieldErrors ? "That move is not valid." : "Could not move the deal. Please try again.");
    } else if (error.code === "GATE_BLOCKED") {
      setRefused(refusedFrom(error.details, toStage));
    } else if (error.code === "CONFLICT") {
      toast.error("This deal changed since the board loaded. It has been refreshed: check it and try again.");
      setRefused(null);
      router.refresh();
    } else {
      // A domain check on the override (e.g. an expiry in the past) comes back as field errors.
      const domain = (error.details as { fieldErrors?: OverrideErrors } | undefined)?.fieldErrors;
      if (domain && override) setOverrideErrors(domain);
      else toast.error(error.message);
    }
  }

  return { move, isPending, refused, dismiss: () => setRefused(null), overrideErrors };
}
