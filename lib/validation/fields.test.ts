import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { id, int4, money, multilineText, optionalDate, optionalInt, optionalText, requiredText, tagList } from "./fields";

const firstMessage = (schema: z.core.$ZodType, input: unknown) => {
  const result = z.safeParse(schema, input);
  return result.success ? null : (result.error.issues[0]?.message ?? "?");
};

describe("shared field schemas refuse what the database cannot hold or should not", () => {
  it.each<[string, z.core.$ZodType, unknown, RegExp]>([
    ["NUL in a name", requiredText("Name"), "Ac\u0000me", /not allowed/],
    ["a newline in one-line text", optionalText("Title"), "CFO\nCEO", /not allowed/],
    ["a bell in a note", multilineText("Note", { min: 1, max: 100 }), "hi\u0007", /not allowed/],
    ["NUL in a tag", tagList("tech stack"), ["dbt\u0000"], /not allowed/],
    ["a long tag", tagList("tech stack"), ["x".repeat(61)], /at most 60/],
    ["year 0000", optionalDate("Close date"), "0000-01-01", /between 1900 and 2199/],
    ["month 13", optionalDate("Close date"), "2027-13-45", /not a real date/],
    ["a version past int4", int4("Version", 1), 2147483648, /too large/],
    ["a version as a string past int4", int4("Version", 1), "2147483648", /too large/],
    ["hex money", money("Amount"), "0x10", /must be a number/],
    ["exponent money", money("Amount"), "1e3", /must be a number/],
    ["Infinity", money("Amount"), "Infinity", /must be a number/],
    ["hex integer", optionalInt("Employees", 1, 10), "0x5", /must be a number/],
    ["an object as text", requiredText("Name"), { evil: true }, /required/],
    ["an id with spaces", id("Deal"), "a b", /not valid/],
  ])("%s", (_, schema, input, message) => {
    expect(firstMessage(schema, input)).toMatch(message);
  });

  it.each<[string, z.core.$ZodType, unknown, unknown]>([
    ["a multi-line note keeps its lines", multilineText("Note", { min: 1, max: 100 }), " a\n\tb ", "a\n\tb"],
    ["decimal money", money("Amount"), " 1200.50 ", 1200.5],
    ["a real day", optionalDate("Close date"), "2199-12-31", new Date("2199-12-31T00:00:00Z")],
    ["int4's largest", int4("Version", 1), "2147483647", 2147483647],
    ["a blank optional int", optionalInt("Employees", 1, 10), " ", null],
  ])("accepts %s", (_, schema, input, expected) => {
    expect(z.parse(schema, input)).toEqual(expected);
  });
});
