import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { boardParams, loadColumnCards } from "@/lib/server/pipeline/board";
import { getSessionUser } from "@/lib/server/session";

const columnQuery = z.object({
  stage: z
    .string()
    .trim()
    .regex(/^[\w-]{1,64}$/),
  offset: z.coerce.number().int().min(0).max(1_000_000),
});

/** "Load more" on a board column: the next page of its cards in the board's order, for the signed-in user's organization. */
export async function GET(request: NextRequest) {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "Sign in again." }, { status: 401 });
  const query = Object.fromEntries(request.nextUrl.searchParams);
  const parsed = columnQuery.safeParse(query);
  if (!parsed.success) return NextResponse.json({ error: "Invalid column request." }, { status: 400 });
  const cards = await loadColumnCards(user, boardParams.parse(query), parsed.data.stage, parsed.data.offset);
  return NextResponse.json({ cards }, { headers: { "Cache-Control": "private, no-store" } });
}
