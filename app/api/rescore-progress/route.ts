import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { latestRescore, toProgressView } from "@/lib/server/qualification/rescore-organization";
import { getSessionUser } from "@/lib/server/session";

/** The signed-in user's organization's latest background re-score, for the progress indicator to poll. */
export async function GET() {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "Sign in again." }, { status: 401 });
  const progress = await latestRescore(db(), user.organizationId);
  return NextResponse.json({ progress: progress && toProgressView(progress, new Date()) }, { headers: { "Cache-Control": "private, no-store" } });
}
