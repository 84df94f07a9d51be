import { CheckCircle2 } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publicIntakeForm } from "@/lib/server/intake/submit";

export const metadata: Metadata = { title: "Thank you", robots: { index: false } };

/** The same page for every submission: it never hints at the score, the verdict or who received the lead. */
export default async function ThanksPage({ params }: { params: Promise<{ slug: string }> }) {
  const form = await publicIntakeForm((await params).slug);
  if (!form) notFound();
  return (
    <main className="mx-auto flex max-w-xl flex-col items-center px-4 py-16 text-center" data-testid="intake-thanks">
      <CheckCircle2 className="size-10 text-emerald-600" aria-hidden />
      <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">Thank you — we got your answers</h1>
      <p className="mt-2 text-sm text-slate-600">Someone from {form.organizationName} will be in touch by email.</p>
    </main>
  );
}
