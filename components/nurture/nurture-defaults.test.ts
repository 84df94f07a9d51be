import { describe, expect, it } from "vitest";
import { dealNurtureDefaults } from "./nurture-defaults";

const NOW = new Date("2026-12-02T21:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const DAY_INPUT = /^\d{4}-\d{2}-\d{2}$/;

describe("dealNurtureDefaults", () => {
  it("suggests the engine's date and watch for a deal never parked, as a date input value", () => {
    const d = dealNurtureDefaults({ resumeOn: null, resurfacedAt: null, watchFor: null }, { resumeOn: day("2027-01-17"), watchFor: "A budget" }, NOW);
    expect(d).toEqual({ state: "suggested", resumeOn: "2027-01-17", watchFor: "A budget", parkedUntil: null });
  });

  it("shows a parked deal's own date, and says it as people read it", () => {
    const d = dealNurtureDefaults(
      { resumeOn: day("2027-03-01"), resurfacedAt: null, watchFor: "Series B" },
      { resumeOn: day("2027-01-17"), watchFor: "A budget" },
      NOW,
    );
    expect(d).toEqual({ state: "parked", resumeOn: "2027-03-01", watchFor: "Series B", parkedUntil: "Mar 1, 2027" });
  });

  it("offers the engine's next date, not the one that already arrived, once the deal is back", () => {
    const d = dealNurtureDefaults(
      { resumeOn: day("2026-11-29"), resurfacedAt: day("2026-11-30"), watchFor: "A decision process with dates" },
      { resumeOn: day("2027-01-17"), watchFor: "A change in decision process" },
      NOW,
    );
    expect(d).toMatchObject({ state: "back", resumeOn: "2027-01-17", watchFor: "A decision process with dates", parkedUntil: null });
  });

  it("falls back to the default span ahead when the engine has no date in the future", () => {
    for (const resumeOn of [undefined, NOW, day("2026-01-01")]) {
      const d = dealNurtureDefaults({ resumeOn: day("2026-11-29"), resurfacedAt: NOW, watchFor: null }, { resumeOn }, NOW);
      expect(d.resumeOn).toMatch(DAY_INPUT);
      expect(d.resumeOn).toBe("2027-03-02");
      expect(d.watchFor).toBe("");
    }
  });
});
