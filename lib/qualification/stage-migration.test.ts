import { describe, expect, it } from "vitest";
import type { Pipeline, StageDefinition, StageKind } from "./model";
import { gatesSkipped, planStageMigration, settleDeal } from "./stage-migration";

const stage = (id: string, kind: StageKind = "open"): StageDefinition => ({
  id,
  label: id.toUpperCase(),
  probability: kind === "won" ? 1 : 0.2,
  kind,
  exit: [],
});
const pipe = (...ids: string[]): Pipeline => ({
  stages: ids.map((id) => stage(id, id === "won" ? "won" : id === "lost" ? "lost" : "open")),
});

const BEFORE = pipe("a", "b", "c", "d", "won", "lost");

describe("planning a stage edit", () => {
  it.each([
    { name: "removing an empty stage needs nothing", after: pipe("a", "c", "d", "won", "lost"), deals: {}, dest: {}, moves: [], issues: [] },
    {
      name: "removing a stage with deals needs a destination",
      after: pipe("a", "c", "d", "won", "lost"),
      deals: { b: 2 },
      dest: {},
      moves: [],
      issues: ["b:destination_missing"],
    },
    {
      name: "the destination must be in the new pipeline",
      after: pipe("a", "c", "d", "won", "lost"),
      deals: { b: 2 },
      dest: { b: "b" },
      moves: [],
      issues: ["b:destination_unknown"],
    },
    {
      name: "an open stage's deals cannot be closed by the edit",
      after: pipe("a", "c", "d", "won", "lost"),
      deals: { b: 2 },
      dest: { b: "won" },
      moves: [],
      issues: ["b:destination_kind"],
    },
    {
      name: "a valid destination becomes a move",
      after: pipe("a", "c", "d", "won", "lost"),
      deals: { b: 2 },
      dest: { b: "a" },
      moves: [{ from: "b", to: "a", deals: 2 }],
      issues: [],
    },
    {
      name: "a destination for an empty stage is ignored",
      after: pipe("a", "c", "d", "won", "lost"),
      deals: {},
      dest: { b: "zzz" },
      moves: [],
      issues: [],
    },
  ])("$name", ({ after, deals, dest, moves, issues }) => {
    const plan = planStageMigration(BEFORE, after, deals as Record<string, number>, dest as Record<string, string>);
    expect(plan.moves).toEqual(moves);
    expect(plan.issues.map((i) => `${i.stageId}:${i.code}`)).toEqual(issues);
  });

  it("lists added and removed stages", () => {
    const plan = planStageMigration(BEFORE, pipe("a", "x", "c", "d", "won", "lost"), {}, {});
    expect(plan).toMatchObject({ added: ["x"], removed: ["b"] });
  });
});

describe("gates an edit puts behind a deal", () => {
  it.each([
    { name: "nothing changes", after: BEFORE, from: "c", to: "c", skipped: [] },
    { name: "a stage added before the deal", after: pipe("a", "x", "b", "c", "d", "won", "lost"), from: "c", to: "c", skipped: ["x"] },
    { name: "a stage added after the deal", after: pipe("a", "b", "c", "x", "d", "won", "lost"), from: "c", to: "c", skipped: [] },
    { name: "a later stage reordered in front of the deal", after: pipe("a", "d", "b", "c", "won", "lost"), from: "c", to: "c", skipped: ["d"] },
    { name: "an earlier stage moved behind the deal", after: pipe("b", "c", "a", "d", "won", "lost"), from: "c", to: "c", skipped: [] },
    { name: "deals of a removed stage moved back", after: pipe("a", "c", "d", "won", "lost"), from: "b", to: "a", skipped: [] },
    { name: "deals of a removed stage moved forward", after: pipe("a", "c", "d", "won", "lost"), from: "b", to: "d", skipped: ["c"] },
  ])("$name", ({ after, from, to, skipped }) => {
    expect(gatesSkipped(BEFORE, after, from, to).map((s) => s.id)).toEqual(skipped);
  });
});

describe("settling a deal", () => {
  const after = pipe("a", "c", "x", "d", "won", "lost");
  it("goes to its destination when every skipped gate passes", () => {
    expect(settleDeal(BEFORE, after, "b", "d", () => [])).toEqual({ stageId: "d", rechecked: ["c", "x"], held: null });
  });
  it("is held at the first skipped gate it does not pass, with the blockers", () => {
    const settled = settleDeal(BEFORE, after, "b", "d", (s) => (s.id === "x" ? ["no champion"] : []));
    expect(settled).toEqual({ stageId: "x", rechecked: ["c", "x"], held: { stageId: "x", blockers: ["no champion"] } });
  });
  it("does not re-check gates it already passed", () => {
    const seen: string[] = [];
    settleDeal(BEFORE, pipe("a", "b", "c", "d", "won", "lost"), "d", "d", (s) => (seen.push(s.id), ["fails"]));
    expect(seen).toEqual([]);
  });
});
