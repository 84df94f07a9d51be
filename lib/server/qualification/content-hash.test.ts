import { describe, expect, it } from "vitest";
import { contentHash, needsWrite } from "./stored-assessment";

const row = [{ fit: 70, verdict: "nurture" }, ["Resume on 2026-12-31T10:15:00.000Z"]];

describe("contentHash", () => {
  it("ignores the time of day in timestamps, so an hourly pass sees no change", () => {
    const later = [{ fit: 70, verdict: "nurture" }, ["Resume on 2026-12-31T11:15:00.000Z"]];
    expect(contentHash(later)).toBe(contentHash(row));
  });

  it("changes with anything a reader sees, including a date that moved by a day", () => {
    expect(contentHash([{ fit: 71, verdict: "nurture" }, row[1]])).not.toBe(contentHash(row));
    expect(contentHash([row[0], ["Resume on 2027-01-01T10:15:00.000Z"]])).not.toBe(contentHash(row));
  });
});

describe("needsWrite", () => {
  const computed = { contentHash: contentHash(row) };
  it("writes a missing or changed row and skips an unchanged one", () => {
    expect(needsWrite(null, computed)).toBe(true);
    expect(needsWrite({ contentHash: "other" }, computed)).toBe(true);
    expect(needsWrite({ contentHash: null }, computed)).toBe(true);
    expect(needsWrite({ contentHash: computed.contentHash }, computed)).toBe(false);
  });
});
