"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { resumeLeadAction } from "@/lib/actions/leads/resume-lead";
import { resumeDealAction } from "@/lib/actions/opportunities/resume-deal";

/** Takes a parked lead or deal back up; the audit keeps why it came back. */
export function ResumeButton({ kind, id }: { kind: "lead" | "deal"; id: string }) {
  const router = useRouter();
  const options = {
    onSuccess: () => {
      toast.success("Back in play.");
      router.refresh();
    },
    onError: () => toast.error("Could not resume it."),
  };
  const lead = useAction(resumeLeadAction, options);
  const deal = useAction(resumeDealAction, options);
  return (
    <Button
      size="sm"
      variant="secondary"
      disabled={lead.isPending || deal.isPending}
      onClick={() => (kind === "lead" ? lead.execute({ id }) : deal.execute({ id }))}
    >
      Resume
    </Button>
  );
}
