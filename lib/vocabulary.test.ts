import { describe, expect, it } from "vitest";
import { codeWords, labelOf, noun, plural, scoreTriggerLabel, VERDICT_LABEL } from "./vocabulary";

describe("counted nouns", () => {
  it.each([
    [0, "opportunity", "0 opportunities"],
    [1, "opportunity", "1 opportunity"],
    [34, "opportunity", "34 opportunities"],
    [1, "person", "1 person"],
    [2, "person", "2 people"],
    [1, "day", "1 day"],
    [5, "rule", "5 rules"],
    [1200, "row", "1,200 rows"],
    [3, "piece of evidence", "3 pieces of evidence"],
  ] as const)("%i %s → %s", (count, word, expected) => {
    expect(plural(count, word)).toBe(expected);
  });

  it("gives the bare noun for sentences that place the number themselves", () => {
    expect(noun(1, "deal")).toBe("deal");
    expect(noun(2, "deal")).toBe("deals");
  });
});

describe("labels", () => {
  it("names verdicts the same everywhere", () => {
    expect(Object.values(VERDICT_LABEL)).toEqual(["Pursue", "Needs evidence", "Not yet", "Not a fit"]);
  });

  it("falls back to the code when a label is missing, never to a blank", () => {
    expect(labelOf(VERDICT_LABEL, "pursue")).toBe("Pursue");
    expect(labelOf(VERDICT_LABEL, "mystery")).toBe("mystery");
  });
});

describe("codeWords", () => {
  it.each([
    ["resurface", "Resurface"],
    ["stage_change", "Stage change"],
    ["api_key", "API key"],
    ["sso_provision", "SSO provision"],
    ["", ""],
  ])("%s → %s", (code, words) => {
    expect(codeWords(code)).toBe(words);
  });
});

describe("scoreTriggerLabel", () => {
  it("names every trigger the app writes in words, the demo data's included", () => {
    expect(scoreTriggerLabel("seed")).toBe("demo data");
    expect(scoreTriggerLabel("deal_updated")).toBe("deal edited");
    expect(scoreTriggerLabel("some_new_trigger")).toBe("some new trigger");
  });
});
