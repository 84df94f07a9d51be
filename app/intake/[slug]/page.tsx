import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IntakeForm } from "@/components/intake/intake-form";
import { submitIntakeAction } from "@/lib/actions/intake/submit-intake";
import { publicIntakeForm } from "@/lib/server/intake/submit";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const form = await publicIntakeForm((await params).slug);
  return { title: form ? `${form.config.title} — ${form.organizationName}` : "Form not found", robots: { index: false } };
}

/** The organization's public intake form: no sign-in, served at a stable URL and embeddable in an iframe. */
export default async function IntakePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const form = await publicIntakeForm(slug);
  if (!form) notFound();
  return (
    <main className="mx-auto max-w-2xl px-4 py-8 sm:py-12">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{form.organizationName}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{form.config.title}</h1>
      {form.config.intro && <p className="mt-2 text-sm text-slate-600">{form.config.intro}</p>}
      <div className="mt-6 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <IntakeForm action={submitIntakeAction.bind(null, slug)} fields={form.config.fields} questions={form.config.questions} />
      </div>
      <p className="mt-4 text-xs text-slate-500">We use your answers only to prepare our reply. Fields marked * are required.</p>
    </main>
  );
}
