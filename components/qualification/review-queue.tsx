"use client";

import { AlertTriangle } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { reviewEvidenceAction } from "@/lib/actions/qualification/review-evidence";
import { formatDate } from "@/lib/utils";

export interface ReviewRow {
  opportunityId: string;
  opportunityName: string;
  ownerName: string;
  criterionId: string;
  criterionLabel: string;
  knownHow: string;
  excerpt: string;
  capturedAt: Date;
  contradiction: string | null;
}

/** Verifications resting on the rep's record, for a manager to accept (reviewed by them) or challenge (back to claimed). */
export function ReviewQueue({ items, showDeal }: { items: ReviewRow[]; showDeal: boolean }) {
  if (items.length === 0)
    return (
      <p className="text-sm text-slate-500" data-testid="review-empty">
        No verification waits for review: everything verified was confirmed by the buyer or reviewed.
      </p>
    );
  return (
    <ul className="divide-y divide-slate-100" data-testid="review-queue">
      {items.map((item) => (
        <ReviewItemRow key={`${item.opportunityId}-${item.criterionId}`} item={item} showDeal={showDeal} />
      ))}
    </ul>
  );
}

function ReviewItemRow({ item, showDeal }: { item: ReviewRow; showDeal: boolean }) {
  const router = useRouter();
  const [challenging, setChallenging] = useState(false);
  const [reason, setReason] = useState("");
  const { execute, isPending, result } = useAction(reviewEvidenceAction, {
    onSuccess: ({ input }) => {
      toast.success(input.op === "accept" ? `${item.criterionLabel} accepted` : `${item.criterionLabel} challenged: back to claimed`);
      router.refresh();
    },
  });
  const fieldErrors: Record<string, string[] | undefined> = result.validationErrors?.fieldErrors ?? {};
  const error = result.serverError?.message ?? fieldErrors.reason?.[0];
  return (
    <li className="py-3 text-sm" data-testid={`review-${item.criterionId}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 space-y-0.5">
          <div className="font-medium text-slate-900">
            {showDeal && (
              <>
                <Link href={`/opportunities/${item.opportunityId}`} className="hover:text-indigo-600">
                  {item.opportunityName}
                </Link>{" "}
                ·{" "}
              </>
            )}
            {item.criterionLabel} verified
          </div>
          <div className="text-xs text-slate-500">
            {item.knownHow} · {showDeal && `${item.ownerName} · `}
            {formatDate(item.capturedAt)}
          </div>
          <div className="text-xs text-slate-600">“{item.excerpt}”</div>
          {item.contradiction && (
            <div className="flex items-start gap-1 text-xs font-medium text-rose-700">
              <AlertTriangle className="mt-px size-3.5 shrink-0" aria-hidden />
              {item.contradiction}
            </div>
          )}
        </div>
        <div className="flex gap-1">
          <Button
            size="sm"
            variant="secondary"
            disabled={isPending}
            onClick={() => execute({ opportunityId: item.opportunityId, criterionId: item.criterionId, op: "accept" })}
          >
            Accept
          </Button>
          <Button size="sm" variant="ghost" disabled={isPending} onClick={() => setChallenging((c) => !c)} aria-expanded={challenging}>
            Challenge
          </Button>
        </div>
      </div>
      {challenging && (
        <form
          className="mt-2 flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            execute({ opportunityId: item.opportunityId, criterionId: item.criterionId, op: "challenge", reason });
          }}
        >
          <Input
            aria-label={`Why challenge ${item.criterionLabel}`}
            placeholder="What is wrong with this evidence?"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className="py-1 text-xs"
          />
          <Button type="submit" size="sm" variant="danger" disabled={isPending}>
            Send back to claimed
          </Button>
        </form>
      )}
      {error && (
        <p role="alert" className="mt-1 text-xs font-medium text-rose-700">
          {error}
        </p>
      )}
    </li>
  );
}
