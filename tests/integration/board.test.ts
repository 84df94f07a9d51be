import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db";
import { boardParams, COLUMN_PAGE, loadBoard, loadColumnCards, type Board, type MoneyTotal } from "../../lib/server/pipeline/board";
import type { SessionUser } from "../../lib/server/session";
import { createAccountFor, createOpportunityFor, createTenant, firstPipelineId, type Tenant } from "../fixtures/tenants";

let t: Tenant;
let other: Tenant;

beforeEach(async () => {
  [t, other] = await Promise.all([createTenant("Board"), createTenant("Elsewhere")]);
});

async function closedDeal(user: SessionUser, accountId: string, stage: "closed_won" | "closed_lost", amount: number) {
  return db().opportunity.create({
    data: {
      organizationId: user.organizationId,
      pipelineId: await firstPipelineId(user.organizationId),
      ownerId: user.id,
      accountId,
      name: `Closed ${amount}`,
      amount,
      stage,
      status: stage === "closed_won" ? "won" : "lost",
    },
  });
}

const cardIds = (board: Board) => board.columns.flatMap((c) => c.cards.map((card) => card.id)).sort();
const column = (board: Board, stageId: string) => board.columns.find((c) => c.stageId === stageId)!;
const closed = (board: Board, stageId: string) => board.closed.find((c) => c.stageId === stageId)!;
const usd = (amount: number): MoneyTotal[] => [{ currency: "USD", amount }];

describe("pipeline board", () => {
  it("shows one column per open stage in pipeline order, and closed stages only as a summary", async () => {
    const board = await loadBoard(t.rep, boardParams.parse({}));
    expect(board.columns.map((c) => c.stageId)).toEqual(["prospecting", "discovery", "solution", "proposal", "negotiation"]);
    expect(board.columns.map((c) => c.probability)).toEqual([0.05, 0.15, 0.35, 0.6, 0.8]);
    expect(board.closed.map((c) => [c.stageId, c.kind, c.count])).toEqual([
      ["closed_won", "won", 0],
      ["closed_lost", "lost", 0],
    ]);
    expect(board.stages.map((s) => s.id)).toContain("closed_lost");
  });

  it("never shows another organization's deals, open or closed", async () => {
    const mine = await createAccountFor(t.rep);
    const theirs = await createAccountFor(other.rep);
    const deal = await createOpportunityFor(t.rep, mine.id, { stage: "discovery", amount: 10_000 });
    await createOpportunityFor(other.rep, theirs.id, { stage: "discovery", amount: 99_000 });
    await closedDeal(other.rep, theirs.id, "closed_won", 77_000);

    const board = await loadBoard(t.manager, boardParams.parse({}));
    expect(cardIds(board)).toEqual([deal.id]);
    expect(column(board, "discovery").totals).toEqual(usd(10_000));
    expect(closed(board, "closed_won")).toMatchObject({ count: 0, totals: [] });
  });

  it("totals each column and closed stage to exactly the amounts of its deals", async () => {
    const account = await createAccountFor(t.rep);
    const amounts = [12_000.1, 30_500.2, 7_250.35];
    for (const amount of amounts) await createOpportunityFor(t.rep, account.id, { stage: "solution", amount });
    await createOpportunityFor(t.otherRep, account.id, { stage: "prospecting", amount: 5_000 });
    await closedDeal(t.rep, account.id, "closed_won", 40_000);
    await closedDeal(t.otherRep, account.id, "closed_won", 2_500.5);
    await closedDeal(t.rep, account.id, "closed_lost", 9_000);

    const board = await loadBoard(t.rep, boardParams.parse({}));
    const solution = column(board, "solution");
    expect(solution.count).toBe(3);
    expect(solution.totals).toEqual(usd(49_750.65));
    expect(solution.cards.map((c) => c.amount).sort((a, b) => a - b)).toEqual([...amounts].sort((a, b) => a - b));
    expect(column(board, "prospecting")).toMatchObject({ count: 1, totals: usd(5_000) });
    expect(column(board, "proposal")).toMatchObject({ count: 0, totals: [], cards: [] });
    expect(closed(board, "closed_won")).toMatchObject({ count: 2, totals: usd(42_500.5) });
    expect(closed(board, "closed_lost")).toMatchObject({ count: 1, totals: usd(9_000) });
  });

  it("keeps totals per currency instead of adding them up", async () => {
    const account = await createAccountFor(t.rep);
    await createOpportunityFor(t.rep, account.id, { stage: "proposal", amount: 1_000 });
    const eur = await createOpportunityFor(t.rep, account.id, { stage: "proposal", amount: 2_000 });
    await db().opportunity.update({ where: { id: eur.id }, data: { currency: "EUR" } });
    const totals = column(await loadBoard(t.rep, boardParams.parse({})), "proposal").totals;
    expect([...totals].sort((a, b) => a.currency.localeCompare(b.currency))).toEqual([
      { currency: "EUR", amount: 2_000 },
      { currency: "USD", amount: 1_000 },
    ]);
  });

  it("with owner=me shows only the user's deals, in columns and closed totals", async () => {
    const account = await createAccountFor(t.rep);
    const mine = await createOpportunityFor(t.rep, account.id, { stage: "discovery", amount: 1_000 });
    await createOpportunityFor(t.otherRep, account.id, { stage: "discovery", amount: 2_000 });
    await closedDeal(t.rep, account.id, "closed_lost", 3_000);
    await closedDeal(t.otherRep, account.id, "closed_lost", 4_000);

    const board = await loadBoard(t.rep, boardParams.parse({ owner: "me" }));
    expect(cardIds(board)).toEqual([mine.id]);
    expect(column(board, "discovery")).toMatchObject({ count: 1, totals: usd(1_000) });
    expect(closed(board, "closed_lost")).toMatchObject({ count: 1, totals: usd(3_000) });

    const everyone = await loadBoard(t.rep, boardParams.parse({ owner: "all" }));
    expect(column(everyone, "discovery")).toMatchObject({ count: 2, totals: usd(3_000) });
  });

  it("falls back to everyone for an unknown owner filter", () => {
    expect(boardParams.parse({ owner: "someone-else" })).toEqual({ owner: "all", order: "amount" });
    expect(boardParams.parse({ owner: ["me", "all"], order: "nonsense" })).toEqual({ owner: "all", order: "amount" });
  });

  it("lets reps move only their own deals and only managers override", async () => {
    const account = await createAccountFor(t.rep);
    const mine = await createOpportunityFor(t.rep, account.id, { stage: "discovery" });
    const theirs = await createOpportunityFor(t.otherRep, account.id, { stage: "discovery" });
    const canMove = (board: Board) => Object.fromEntries(column(board, "discovery").cards.map((c) => [c.id, c.canMove]));

    const asRep = await loadBoard(t.rep, boardParams.parse({}));
    expect(canMove(asRep)).toEqual({ [mine.id]: true, [theirs.id]: false });
    expect(asRep.canOverride).toBe(false);
    const asManager = await loadBoard(t.manager, boardParams.parse({}));
    expect(canMove(asManager)).toEqual({ [mine.id]: true, [theirs.id]: true });
    expect(asManager.canOverride).toBe(true);
    expect((await loadBoard(t.marketing, boardParams.parse({}))).columns.flatMap((c) => c.cards).every((c) => !c.canMove)).toBe(true);
  });

  it("shows the engine's scores and next-gate answer on each card", async () => {
    const account = await createAccountFor(t.rep, { name: "Gatekeeper Ltd" });
    const deal = await createOpportunityFor(t.rep, account.id, { stage: "discovery", name: "Blocked deal" });
    const card = column(await loadBoard(t.rep, boardParams.parse({})), "discovery").cards[0]!;
    expect(card).toMatchObject({
      id: deal.id,
      name: "Blocked deal",
      accountName: "Gatekeeper Ltd",
      ownerName: "Rep",
      version: 1,
      fit: 100,
      intent: 0,
      verdict: "pursue",
    });
    expect(card.nextGate).toMatchObject({ toStageId: "solution", toStageLabel: "Solution", allowed: false });
    expect(card.nextGate?.blockers).toHaveLength(1);
    expect(card.nextGate?.blockers[0]).toMatch(/pain/i);
  });

  it("shows each column's top deals in the chosen order with count and totals of all of them, and pages the rest", async () => {
    const account = await createAccountFor(t.rep);
    const total = COLUMN_PAGE + 3;
    const ids = new Map<number, string>();
    for (let i = 1; i <= total; i++) ids.set(i * 100, (await createOpportunityFor(t.rep, account.id, { stage: "proposal", amount: i * 100 })).id);
    await createOpportunityFor(other.rep, await createAccountFor(other.rep).then((a) => a.id), { stage: "proposal", amount: 1_000_000 });

    const board = await loadBoard(t.rep, boardParams.parse({ order: "amount" }));
    const proposal = column(board, "proposal");
    expect(proposal.count).toBe(total);
    expect(proposal.totals).toEqual(usd(((total * (total + 1)) / 2) * 100));
    expect(proposal.cards.map((c) => c.amount)).toEqual(Array.from({ length: COLUMN_PAGE }, (_, i) => (total - i) * 100));

    const rest = await loadColumnCards(t.rep, boardParams.parse({ order: "amount" }), "proposal", COLUMN_PAGE);
    expect(rest.map((c) => c.amount)).toEqual([300, 200, 100]);
    expect(rest.map((c) => c.id)).toEqual([ids.get(300), ids.get(200), ids.get(100)]);
    // The other organization's deal is in no page, whatever the offset.
    expect(await loadColumnCards(other.manager, boardParams.parse({}), "proposal", 0)).toHaveLength(1);
    expect(await loadColumnCards(t.manager, boardParams.parse({}), "proposal", total)).toEqual([]);
  });
});
