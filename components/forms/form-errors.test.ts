import { describe, expect, it } from "vitest";
import type { FieldErrors } from "react-hook-form";
import { errorAt, flattenHookErrors, serverFormErrors } from "./form-errors";

// The nesting react-hook-form builds from dotted paths: arrays for numeric segments, a `root` for the form.
const nested = {
  root: { server: { type: "server", message: "The ICP changed since you opened it." } },
  name: { type: "too_small", message: "Name is required." },
  techStack: [undefined, { type: "too_big", message: "Each tech stack entry must be at most 60 characters." }],
  rules: [{ weight: { type: "invalid_type", message: "Weight must be a number from 0 to 100.", ref: { name: "rules.0.weight" } } }],
} as unknown as FieldErrors;

describe("flattenHookErrors", () => {
  it("lists every message by its dotted path, the form's own message first, without walking into refs", () => {
    expect(flattenHookErrors(nested)).toEqual([
      { path: "root.server", message: "The ICP changed since you opened it." },
      { path: "name", message: "Name is required." },
      { path: "techStack.1", message: "Each tech stack entry must be at most 60 characters." },
      { path: "rules.0.weight", message: "Weight must be a number from 0 to 100." },
    ]);
  });

  it("is empty for a form without errors", () => {
    expect(flattenHookErrors({})).toEqual([]);
  });
});

describe("errorAt", () => {
  it("gives a field its own message or the first of its items', and nothing to a field that is fine", () => {
    expect(errorAt(nested, "name")).toEqual(["Name is required."]);
    expect(errorAt(nested, "techStack")).toEqual(["Each tech stack entry must be at most 60 characters."]);
    expect(errorAt(nested, "rules.0")).toEqual(["Weight must be a number from 0 to 100."]);
    expect(errorAt(nested, "rule")).toBeUndefined();
    expect(errorAt(nested, "domain")).toBeUndefined();
  });
});

describe("serverFormErrors", () => {
  it("maps the schema's field errors by dotted path and keeps the form-level message", () => {
    expect(
      serverFormErrors({
        validationErrors: {
          formErrors: ["Check the dates."],
          fieldErrors: { "rules.2.weight": ["Too heavy.", "Second."], name: [], note: undefined },
        },
      }),
    ).toEqual({ fieldErrors: [{ path: "rules.2.weight", message: "Too heavy." }], formError: "Check the dates." });
  });

  it("files a domain check's INVALID field errors under their fields, without a second message for the form", () => {
    expect(
      serverFormErrors({
        serverError: {
          code: "INVALID",
          message: "That domain belongs to another account.",
          details: { fieldErrors: { domain: ["Acme already uses acme.com."] } },
        },
      }),
    ).toEqual({ fieldErrors: [{ path: "domain", message: "Acme already uses acme.com." }], formError: undefined });
  });

  it("shows any other refusal as the form's message", () => {
    expect(serverFormErrors({ serverError: { code: "CONFLICT", message: "Someone else saved this first." } })).toEqual({
      fieldErrors: [],
      formError: "Someone else saved this first.",
    });
  });
});
