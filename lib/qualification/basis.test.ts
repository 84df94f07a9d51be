import { describe, expect, it } from "vitest";
import { basisRank, checkBasis, meetsBasis, verificationBasis, verifierRoles, type EvidenceProof } from "./basis";
import { FRAMEWORKS } from "./frameworks";
import type { CriterionDefinition, EvidenceBasis, StakeholderRole } from "./model";
import { NOW } from "./testing/fixtures";

const def = (framework: keyof typeof FRAMEWORKS, id: string): CriterionDefinition => {
  const found = FRAMEWORKS[framework].criteria.find((c) => c.id === id);
  if (!found) throw new Error(`${framework} has no ${id}`);
  return found;
};
const proof = (p: Partial<EvidenceProof>): EvidenceProof => ({ state: "verified", excerpt: "Said so on the call", contactRoles: null, ...p });

describe("checkBasis", () => {
  const table: Array<[string, CriterionDefinition, Partial<EvidenceProof>, EvidenceBasis | "refused"]> = [
    ["a bare verify of the economic buyer", def("meddpicc", "economic_buyer"), {}, "refused"],
    ["the economic buyer stated by the economic buyer", def("meddpicc", "economic_buyer"), { contactRoles: ["economic_buyer"] }, "contact_statement"],
    ["the economic buyer 'stated' by the champion", def("meddpicc", "economic_buyer"), { contactRoles: ["champion"] }, "refused"],
    ["the economic buyer stated by someone off the committee", def("meddpicc", "economic_buyer"), { contactRoles: [] }, "refused"],
    ["the champion stated by the champion", def("meddpicc", "champion"), { contactRoles: ["champion"] }, "contact_statement"],
    ["paper process stated by procurement", def("meddpicc", "paper_process"), { contactRoles: ["procurement"] }, "contact_statement"],
    ["paper process with no contact", def("meddpicc", "paper_process"), { excerpt: "Paper process fine." }, "refused"],
    ["paper process by a user", def("meddpicc", "paper_process"), { contactRoles: ["user"] }, "refused"],
    ["BANT budget by the economic buyer", def("bant", "budget"), { contactRoles: ["economic_buyer", "champion"] }, "contact_statement"],
    ["BANT authority by a decision maker only", def("bant", "authority"), { contactRoles: ["decision_maker"] }, "refused"],
    ["a criterion with no roles listed, by a user", def("meddpicc", "identify_pain"), { contactRoles: ["user"] }, "contact_statement"],
    ["a criterion with no roles listed, by a blocker", def("meddpicc", "identify_pain"), { contactRoles: ["blocker"] }, "refused"],
    ["a document reference", def("meddpicc", "paper_process"), { documentRef: "https://drive.example/signed-map.pdf" }, "document"],
    ["a blank document reference", def("meddpicc", "paper_process"), { documentRef: "   " }, "refused"],
    ["a buyer confirmation", def("meddpicc", "economic_buyer"), { buyerConfirmed: true }, "buyer_confirmed"],
    ["a manager review", def("meddpicc", "economic_buyer"), { managerReviewed: true }, "manager_reviewed"],
    ["a claim quoting a note", def("meddpicc", "economic_buyer"), { state: "claimed" }, "self_attested"],
    ["a claim naming who said it", def("meddpicc", "economic_buyer"), { state: "claimed", excerpt: "", contactRoles: [] }, "contact_statement"],
    ["a claim with no source at all", def("meddpicc", "economic_buyer"), { state: "claimed", excerpt: " " }, "refused"],
    ["a no quoting the note", def("meddpicc", "economic_buyer"), { state: "negative", excerpt: "No budget this year" }, "self_attested"],
  ];
  it.each(table)("%s", (_, criterion, p, expected) => {
    const result = checkBasis(criterion, proof(p));
    expect(result.ok ? result.basis : "refused").toBe(expected);
  });

  it("says what proof is needed when it refuses, naming the roles that fit", () => {
    const result = checkBasis(def("meddpicc", "economic_buyer"), proof({}));
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(
      /^Economic buyer cannot be verified on your word alone: name the economic buyer who said it .*document or link.*recap\.$/,
    );
    const paper = checkBasis(def("meddpicc", "paper_process"), proof({ contactRoles: ["user"] }));
    expect(paper.ok ? "" : paper.message).toMatch(/procurement or economic buyer.*not on the committee as procurement or economic buyer/);
  });
});

describe("verifier roles per template", () => {
  const table: Array<[keyof typeof FRAMEWORKS, string, StakeholderRole[]]> = [
    ["meddpicc", "economic_buyer", ["economic_buyer"]],
    ["meddicc", "champion", ["champion"]],
    ["meddpicc", "paper_process", ["procurement", "economic_buyer"]],
    ["bant", "budget", ["economic_buyer"]],
    ["bant", "authority", ["economic_buyer"]],
    ["champ", "money", ["economic_buyer"]],
    ["bant", "need", ["economic_buyer", "champion", "decision_maker", "influencer", "user", "procurement"]],
  ];
  it.each(table)("%s %s is verified by %j", (framework, id, roles) => expect(verifierRoles(def(framework, id))).toEqual(roles));
});

describe("basis strength", () => {
  it.each([
    ["self_attested", 0, false, false],
    ["contact_statement", 1, true, false],
    ["document", 1, true, false],
    ["buyer_confirmed", 2, true, true],
    ["manager_reviewed", 2, true, true],
  ] as const)("%s ranks %d, meets stated %s, meets confirmed %s", (basis, rank, stated, confirmed) => {
    expect(basisRank(basis)).toBe(rank);
    expect(meetsBasis(basis, "stated")).toBe(stated);
    expect(meetsBasis(basis, "confirmed")).toBe(confirmed);
  });

  it("takes the strongest unchallenged verification, and reads old rows without a basis as self-attested", () => {
    const item = (basis: EvidenceBasis | undefined, challenged = false) => ({ excerpt: "x", capturedAt: NOW, verifiedAt: NOW, basis, challenged });
    expect(verificationBasis({ criterionId: "c", state: "verified", evidence: [item(undefined)] })).toBe("self_attested");
    expect(verificationBasis({ criterionId: "c", state: "verified", evidence: [item("document"), item("manager_reviewed", true)] })).toBe("document");
    expect(verificationBasis({ criterionId: "c", state: "verified", evidence: [item("document"), item("buyer_confirmed")] })).toBe("buyer_confirmed");
    expect(verificationBasis({ criterionId: "c", state: "claimed", evidence: [{ excerpt: "x", capturedAt: NOW }] })).toBeNull();
    expect(verificationBasis(undefined)).toBeNull();
  });
});
