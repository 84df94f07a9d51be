import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { RecapAnswerForm } from "@/components/recaps/recap-answer-form";
import { clientAddress } from "@/lib/server/client-address";
import { loadRecapByToken } from "@/lib/server/recaps/public";
import { formatDate } from "@/lib/utils";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Did we get this right?", robots: { index: false }, referrer: "no-referrer" };

/**
 * The buyer's page, reached from a recap link: no sign-in, only the recap itself. A wrong, expired or revoked
 * link is the same plain 404, so a guess learns nothing.
 */
export default async function RecapPage({ params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token.slice(0, 200);
  const lookup = await loadRecapByToken({ token, ip: clientAddress(await headers()) ?? "unknown", now: new Date() });
  if (lookup.kind === "rate_limited") {
    return (
      <main className="mx-auto max-w-xl px-4 py-12">
        <h1 className="text-xl font-semibold text-slate-900">Too many attempts</h1>
        <p className="mt-2 text-sm text-slate-600" data-testid="recap-rate-limited">
          Too many attempts from here just now. Please try again in a few minutes.
        </p>
      </main>
    );
  }
  if (lookup.kind === "not_found") notFound();
  const { recap } = lookup;
  return (
    <main className="mx-auto max-w-2xl px-4 py-8 sm:py-12">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{recap.organizationName}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">Did we get this right?</h1>
      <p className="mt-2 text-sm text-slate-600">
        Hello {recap.contactName}, {recap.senderName} wrote down what we understand so far. Please confirm each point, correct it in your own words,
        or tell us it is not right.
      </p>
      <div className="mt-6">
        {recap.respondedAt ? (
          <p className="rounded-lg bg-slate-50 p-4 text-sm text-slate-700 ring-1 ring-slate-200" data-testid="recap-answered">
            This recap was answered on {formatDate(recap.respondedAt)}. Thank you!
          </p>
        ) : (
          <RecapAnswerForm token={token} points={recap.points} />
        )}
      </div>
      <p className="mt-6 text-xs text-slate-500">
        This link works until {formatDate(recap.expiresAt)}. Only the points above are shared with you here.
      </p>
    </main>
  );
}
