import { AlertTriangle, BadgeCheck, FileText, MessageSquareQuote, ShieldCheck, UserRound } from "lucide-react";
import type { EvidenceBasis } from "@/lib/qualification";
import type { KnownHow } from "./known-how";

const ICON: Record<EvidenceBasis, typeof UserRound> = {
  self_attested: UserRound,
  contact_statement: MessageSquareQuote,
  document: FileText,
  buyer_confirmed: BadgeCheck,
  manager_reviewed: ShieldCheck,
};

const TONE: Record<EvidenceBasis, string> = {
  self_attested: "text-amber-700",
  contact_statement: "text-slate-700",
  document: "text-slate-700",
  buyer_confirmed: "text-emerald-700",
  manager_reviewed: "text-emerald-700",
};

/** "How it is known": an icon and plain words, plus a flag when the evidence contradicts its state. */
export function KnownHowBadge({ known }: { known: KnownHow }) {
  const Icon = ICON[known.basis];
  return (
    <div className="space-y-0.5" data-testid="known-how" data-basis={known.basis}>
      <div className={`flex items-start gap-1 text-xs font-medium ${TONE[known.basis]}`}>
        <Icon className="mt-px size-3.5 shrink-0" aria-hidden />
        <span>{known.text}</span>
      </div>
      {known.contradiction && (
        <div className="flex items-start gap-1 text-xs font-medium text-rose-700" data-testid="contradiction">
          <AlertTriangle className="mt-px size-3.5 shrink-0" aria-hidden />
          <span>{known.contradiction}</span>
        </div>
      )}
      {known.challenge && (
        <div className="flex items-start gap-1 text-xs font-medium text-rose-700" data-testid="challenge">
          <AlertTriangle className="mt-px size-3.5 shrink-0" aria-hidden />
          <span>Challenged by a manager: {known.challenge}</span>
        </div>
      )}
    </div>
  );
}
