import { describe, expect, it } from "vitest";
import { domainFieldErrors, isActionError, stageGateDetails, type ActionError } from "./action-error";

describe("typed action errors", () => {
  const gate: ActionError = {
    code: "GATE_BLOCKED",
    message: "Not yet",
    details: { toStage: "solution", blockers: [{ stageId: "discovery", code: "criterion_missing", message: "Pain unknown" }] },
  };
  const knockout: ActionError = {
    code: "GATE_BLOCKED",
    message: "Knocked out",
    details: { knockouts: [{ ruleId: "size", label: "Size", reason: "Too small" }] },
  };
  const invalid: ActionError = { code: "INVALID", message: "Check the fields", details: { fieldErrors: { "evidence.0.state": ["Needs proof"] } } };

  it("reads a stage gate's blockers only from a stage refusal", () => {
    expect(stageGateDetails(gate)?.blockers.map((b) => b.message)).toEqual(["Pain unknown"]);
    expect(stageGateDetails(knockout)).toBeNull();
    expect(stageGateDetails(invalid)).toBeNull();
    expect(stageGateDetails(undefined)).toBeNull();
  });

  it("reads field errors only from INVALID", () => {
    expect(domainFieldErrors(invalid)).toEqual({ "evidence.0.state": ["Needs proof"] });
    expect(domainFieldErrors(gate)).toBeUndefined();
    expect(domainFieldErrors({ code: "INVALID", message: "No fields" })).toBeUndefined();
  });

  it("recognises only known codes with a message", () => {
    expect(isActionError(invalid)).toBe(true);
    expect(isActionError({ code: "NOPE", message: "x" })).toBe(false);
    expect(isActionError({ code: "INVALID" })).toBe(false);
  });
});
