import { describe, expect, it } from "vitest";
import { FRAMEWORKS } from "./frameworks";
import { archiveAfter, diffFrameworks, previewScorecard, pruneGates } from "./framework-versions";
import type { CriterionDefinition, Framework } from "./model";
import { pipelineFor } from "./pipeline";

const NOW = new Date("2026-06-01T00:00:00Z");

function criterion(id: string, change: Partial<CriterionDefinition> = {}): CriterionDefinition {
  return {
    id,
    label: id.toUpperCase(),
    level: "opportunity",
    weight: 1,
    knockout: false,
    freshnessDays: null,
    description: "",
    questions: [`Ask about ${id}?`],
    ...change,
  };
}

const custom = (...criteria: CriterionDefinition[]): Framework => ({ key: "custom", name: "Ours", criteria });

describe("framework versions", () => {
  it.each([
    { name: "nothing changes", before: [criterion("a")], after: [criterion("a")], expected: { added: [], removed: [], changed: [] } },
    { name: "one added", before: [criterion("a")], after: [criterion("a"), criterion("b")], expected: { added: ["b"], removed: [], changed: [] } },
    { name: "one removed", before: [criterion("a"), criterion("b")], after: [criterion("b")], expected: { added: [], removed: ["a"], changed: [] } },
    {
      name: "weight changed",
      before: [criterion("a")],
      after: [criterion("a", { weight: 3 })],
      expected: { added: [], removed: [], changed: ["a"] },
    },
    {
      name: "renamed id = removed + added",
      before: [criterion("a")],
      after: [criterion("z")],
      expected: { added: ["z"], removed: ["a"], changed: [] },
    },
  ])("diff: $name", ({ before, after, expected }) => {
    expect(diffFrameworks(custom(...before), custom(...after))).toEqual(expected);
  });

  it.each([
    {
      name: "a removed criterion is archived with its last definition",
      archive: [],
      before: [criterion("a", { label: "Old A" }), criterion("b")],
      after: [criterion("b")],
      expected: [["a", "Old A"]],
    },
    { name: "the archive only grows", archive: [criterion("x")], before: [criterion("a")], after: [criterion("a")], expected: [["x", "X"]] },
    {
      name: "bringing a criterion back takes it out of the archive",
      archive: [criterion("x")],
      before: [criterion("a")],
      after: [criterion("a"), criterion("x")],
      expected: [],
    },
    {
      name: "removed again: newest definition wins",
      archive: [criterion("a", { label: "First" })],
      before: [criterion("a", { label: "Second" })],
      after: [criterion("b")],
      expected: [["a", "Second"]],
    },
  ])("archive: $name", ({ archive, before, after, expected }) => {
    expect(archiveAfter(archive, custom(...before), custom(...after)).map((c) => [c.id, c.label])).toEqual(expected);
  });

  it("switching a template to a custom framework archives the template criteria it drops", () => {
    const after = custom(...FRAMEWORKS.bant.criteria.slice(0, 2));
    expect(archiveAfter([], FRAMEWORKS.bant, after).map((c) => c.id)).toEqual(FRAMEWORKS.bant.criteria.slice(2).map((c) => c.id));
  });

  const bant = FRAMEWORKS.bant;
  const budget = bant.criteria.find((c) => c.id === "budget")!;
  it.each([
    {
      name: "custom to template: every custom criterion the template lacks is archived, a shared one stays live",
      archive: [],
      before: custom(criterion("renewal_risk", { label: "Renewal risk" }), budget),
      after: bant,
      expected: ["renewal_risk"],
    },
    {
      name: "custom to template: the archive of earlier custom versions is kept",
      archive: [criterion("old_one")],
      before: custom(criterion("renewal_risk")),
      after: bant,
      expected: ["old_one", "renewal_risk"],
    },
    {
      name: "template to template: the criteria of the old template the new one lacks are archived",
      archive: [],
      before: FRAMEWORKS.champ,
      after: bant,
      expected: FRAMEWORKS.champ.criteria.map((c) => c.id).filter((id) => !bant.criteria.some((c) => c.id === id)),
    },
    {
      name: "template back to custom: the criteria it brings back leave the archive, the others stay",
      archive: [criterion("renewal_risk"), criterion("old_one")],
      before: bant,
      after: custom(criterion("renewal_risk"), budget),
      expected: ["old_one", ...bant.criteria.filter((c) => c.id !== "budget").map((c) => c.id)],
    },
  ])("switching frameworks: $name", ({ archive, before, after, expected }) => {
    const archived = archiveAfter(archive, before, after);
    expect(archived.map((c) => c.id).sort()).toEqual([...expected].sort());
    // Nothing live is ever archived, and nothing archived is lost unless it came back.
    const live = new Set(after.criteria.map((c) => c.id));
    expect(archived.some((c) => live.has(c.id))).toBe(false);
    for (const c of [...archive, ...before.criteria]) expect(live.has(c.id) || archived.some((a) => a.id === c.id)).toBe(true);
  });

  it("keeps an archived custom criterion's last definition (its label names it in the history)", () => {
    const archived = archiveAfter([], custom(criterion("renewal_risk", { label: "Renewal risk", weight: 3 })), FRAMEWORKS.bant);
    expect(archived).toEqual([criterion("renewal_risk", { label: "Renewal risk", weight: 3 })]);
    expect(diffFrameworks(custom(criterion("renewal_risk")), FRAMEWORKS.bant)).toMatchObject({ removed: ["renewal_risk"], changed: [] });
  });

  it("drops gate requirements on criteria the framework no longer has, and says which", () => {
    const pipeline = pipelineFor(FRAMEWORKS.bant);
    const kept = custom(...FRAMEWORKS.bant.criteria.filter((c) => c.id !== "budget"));
    const { pipeline: pruned, dropped } = pruneGates(pipeline, kept);
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((d) => d.criterionId === "budget")).toBe(true);
    expect(pruned.stages.flatMap((s) => s.exit).some((r) => r.kind === "criterion" && r.criterionId === "budget")).toBe(false);
    expect(pruned.stages.flatMap((s) => s.exit).length).toBe(pipeline.stages.flatMap((s) => s.exit).length - dropped.length);
  });

  it("previews the scorecard a draft gives a sample deal", () => {
    const draft = custom(criterion("pain", { weight: 3 }), criterion("budget", { weight: 1 }));
    const none = previewScorecard(draft, {}, NOW);
    const some = previewScorecard(draft, { pain: "verified", budget: "claimed" }, NOW);
    expect(none.ok && none.intent.score).toBe(0);
    expect(some.ok && some.intent.score).toBeGreaterThan(50);
    expect(some.ok && some.intent.criteria.map((c) => c.effectiveState)).toEqual(["verified", "claimed"]);
  });

  it("does not score an invalid draft: it returns the engine's issues with paths", () => {
    const preview = previewScorecard(custom(criterion("ok"), criterion("Bad Id", { weight: -1 })), {}, NOW);
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.issues.map((i) => i.path)).toEqual(["criteria[1].id", "criteria[1].weight"]);
  });
});
