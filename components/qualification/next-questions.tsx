import { MessageCircleQuestion } from "lucide-react";
import type { Question } from "@/lib/qualification";

/** What to ask on the next call: the questions whose answers unblock the next stage come first. */
export function NextQuestions({ questions }: { questions: Question[] }) {
  if (questions.length === 0) return <p className="text-sm text-slate-500">Nothing pressing to ask: the evidence is in.</p>;
  return (
    <ol className="space-y-3" data-testid="ask-next">
      {questions.map((q) => (
        <li key={`${q.criterionId}-${q.question}`} className="flex gap-2 text-sm">
          <MessageCircleQuestion
            className={q.blocking ? "mt-0.5 size-4 shrink-0 text-indigo-600" : "mt-0.5 size-4 shrink-0 text-slate-400"}
            aria-hidden
          />
          <div>
            <div className="text-slate-900">{q.question}</div>
            <div className="text-xs text-slate-500">
              {q.label} · {q.reason}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
