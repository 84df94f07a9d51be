import { NextResponse, type NextRequest } from "next/server";
import { searchRecords } from "@/lib/server/search/search-records";
import { getSessionUser } from "@/lib/server/session";

/** The command palette's jump-to search and the record pickers' (`&kind=account`), in the signed-in user's organization (see searchRecords). */
export async function GET(request: NextRequest) {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "Sign in again." }, { status: 401 });
  const hits = await searchRecords(user, request.nextUrl.searchParams.get("q") ?? "", request.nextUrl.searchParams.getAll("kind"));
  return NextResponse.json({ hits }, { headers: { "Cache-Control": "private, no-store" } });
}
