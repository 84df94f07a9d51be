import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("the callback URL after sign-in stays on this app", () => {
  it.each([
    ["/%5Cevil.example/", "/\\evil.example/"],
    ["/%09/evil.example/", "/\t/evil.example/"],
    ["//evil.example", "//evil.example"],
    ["https://evil.example/x", "https://evil.example/x"],
    ["javascript:alert(1)", "javascript:alert(1)"],
    ["/\n/evil.example", "/\n/evil.example"],
    ["\\\\evil.example", "\\\\evil.example"],
    ["http://winnow.invalid:81/x", "http://winnow.invalid:81/x"],
  ])("refuses %s", (_, raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });

  it.each([
    ["/opportunities/abc?tab=notes#timeline", "/opportunities/abc?tab=notes#timeline"],
    ["/pipeline", "/pipeline"],
    ["http://winnow.invalid/dashboard", "/dashboard"],
    [undefined, "/"],
  ])("keeps %s as %s", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });
});
