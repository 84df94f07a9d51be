import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["@cmd", "'@cmd"],
    ["-42", "-42"],
    ["-x", "'-x"],
    [null, ""],
  ] as const)("%s → %s", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
  it("joins a line", () => {
    expect(csvLine([1, "a,b", null])).toBe('1,"a,b",\n');
  });
});
