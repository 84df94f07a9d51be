import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { icpIssues, newDraft, toIcpInput, type IcpDraft } from "@/components/icp/rule-draft";
import type { CriterionDraft } from "@/components/settings/criterion-fields";
import { toInput as frameworkInput, type Draft as FrameworkDraft } from "@/components/settings/framework-draft";
import { toInput as pipelineInput, type Draft as PipelineDraft } from "@/components/settings/pipeline-draft";
import { saveCustomFrameworkSchema } from "@/lib/validation/framework-setup";
import { saveIcpSchema } from "@/lib/validation/icp";
import { savePipelineSchema } from "@/lib/validation/settings";
import { draftResolver, lazyDraftResolver, schemaLoader } from "./draft-resolver";
import { pathErrors } from "./form-errors";

// What react-hook-form hands a resolver on submit; no DOM refs are needed to judge the values.
const options = { fields: {}, names: [], shouldUseNativeValidation: false, criteriaMode: "firstError" } as unknown as ResolverOptions<never>;

const criterion = (patch: Partial<CriterionDraft>): CriterionDraft => ({
  id: "renewal_risk",
  label: "Renewal risk",
  description: "",
  weight: "3",
  knockout: true,
  freshnessDays: "",
  questions: "What would stop you renewing?\n",
  nurtureTrigger: "",
  verifierRoles: [],
  ...patch,
});

async function judge<D extends object>(
  schema: Parameters<typeof draftResolver>[0],
  toInput: (d: D) => unknown,
  draft: D,
  check?: Parameters<typeof draftResolver>[2],
) {
  const result = await draftResolver<D & Record<string, unknown>>(schema, toInput, check)(draft as never, undefined, options as never);
  return { values: result.values as unknown, errors: pathErrors(result.errors) };
}

describe("the framework builder's draft, judged by the server's schema", () => {
  const toInput = (d: FrameworkDraft) => frameworkInput(d, 4, "pl_main");

  it("files each criterion's message under its row's field, where the builder shows it", async () => {
    const draft = { name: "Renewal lite", criteria: [criterion({}), criterion({ id: "timing", label: "", weight: "-2", freshnessDays: "half" })] };
    const { errors } = await judge(saveCustomFrameworkSchema, toInput, draft);
    expect(errors).toEqual({
      "criteria.1.label": ["Label is required."],
      "criteria.1.weight": ["Weight must be 0 or more."],
      "criteria.1.freshnessDays": ["Freshness must be a number of days."],
    });
  });

  it("passes a good draft on as the input the action takes: numbers parsed, one question per line", async () => {
    const { values, errors } = await judge(saveCustomFrameworkSchema, toInput, {
      name: "Renewal lite",
      criteria: [criterion({ freshnessDays: "30" })],
    });
    expect(errors).toEqual({});
    expect(values).toMatchObject({
      pipelineId: "pl_main",
      expectedVersion: 4,
      criteria: [{ id: "renewal_risk", weight: 3, freshnessDays: 30, questions: ["What would stop you renewing?"] }],
    });
  });
});

describe("the pipeline editor's draft, judged by the server's schema", () => {
  const toInput = (d: PipelineDraft) => pipelineInput(d, "pl_main");
  const stage = (id: string, probability: string, exit: PipelineDraft["stages"][number]["exit"] = []) => ({
    id,
    label: id,
    probability,
    kind: "open" as const,
    exit,
  });

  it("names the stage row whose field is wrong (a blank probability is not 0)", async () => {
    const { errors } = await judge(savePipelineSchema, toInput, { stages: [stage("prospecting", "10"), stage("discovery", " ")] });
    expect(errors).toEqual({ "stages.1.probability": ["Probability must be a number."] });
  });

  it("names the gate requirement inside a stage that is listed twice", async () => {
    const twice = { kind: "criterion" as const, criterionId: "metrics", atLeast: "claimed" as const };
    const { errors } = await judge(savePipelineSchema, toInput, { stages: [stage("prospecting", "10", [twice, twice]), stage("discovery", "25")] });
    expect(errors).toEqual({ "stages.0.exit.1": ["prospecting lists the same requirement twice."] });
  });
});

describe("a schema loaded on demand", () => {
  const input = (name: string) => ({ pipelineId: "pl_main", name }) as never;

  it("imports once, however many submits ask, and judges with the loaded schema", async () => {
    let imports = 0;
    const load = schemaLoader(async () => {
      imports++;
      return (await import("@/lib/validation/pipeline")).renamePipelineSchema;
    });
    const resolver = lazyDraftResolver<Record<string, unknown>>(load);
    const refused = await resolver(input(""), undefined, options as never);
    const accepted = await resolver(input("Renewals"), undefined, options as never);
    expect(Object.keys(pathErrors(refused.errors))).toEqual(["name"]);
    expect(accepted.errors).toEqual({});
    expect(imports).toBe(1);
  });

  it("lets the values through to the server when the import fails, and tries again on the next submit", async () => {
    let attempts = 0;
    const load = schemaLoader(() => {
      attempts++;
      return Promise.reject(new Error("chunk failed to load"));
    });
    const resolver = lazyDraftResolver<Record<string, unknown>>(load);
    const first = await resolver(input(""), undefined, options as never);
    expect(first).toEqual({ values: input(""), errors: {} });
    await resolver(input(""), undefined, options as never);
    expect(attempts).toBe(2);
  });
});

describe("the ICP editor's draft, judged by the server's schema and then the engine", () => {
  const toInput = (d: IcpDraft) => toIcpInput(d, 3);
  const industry = { ...newDraft("industry_in", []), values: "Fintech, SaaS" };
  const size = { ...newDraft("employee_range", []), min: "200", max: "5000" };
  const draft = (patch: Partial<IcpDraft>): IcpDraft => ({ rules: [industry, size], pursueThreshold: "60", disqualifyBelow: "", note: "", ...patch });
  const judgeIcp = (d: IcpDraft) => judge(saveIcpSchema, toInput, d, icpIssues as never);

  it("says a rule's field errors in plain words, under that rule's field", async () => {
    const { errors } = await judgeIcp(
      draft({
        rules: [
          { ...industry, weight: "heavy" },
          { ...size, min: "2.5" },
        ],
        pursueThreshold: " ",
      }),
    );
    expect(errors).toEqual({
      "rules.0.weight": ["Weight must be a number from 0 to 100."],
      "rules.1.min": ["Enter a whole number of employees, or leave it blank."],
      pursueThreshold: ["Pursue threshold must be a number."],
    });
  });

  it("adds the engine's objections once the schema accepts the draft, on the same paths the server uses", async () => {
    const { errors } = await judgeIcp(draft({ rules: [industry, { ...size, min: "9000" }], disqualifyBelow: "70" }));
    expect(errors).toEqual({
      disqualifyBelow: ["Must be between 0 and the pursue threshold."],
      "rules.1.min": ["Min must not exceed max."],
    });
  });

  it("passes a good draft on as the save's input: numbers parsed, lists split, a blank floor as none", async () => {
    const { values, errors } = await judgeIcp(draft({ note: "  Bigger accounts " }));
    expect(errors).toEqual({});
    expect(values).toMatchObject({
      basedOnVersion: 3,
      pursueThreshold: 60,
      disqualifyBelow: null,
      note: "Bigger accounts",
      rules: [
        { kind: "industry_in", industries: ["Fintech", "SaaS"], weight: 10 },
        { kind: "employee_range", min: 200, max: 5000 },
      ],
    });
  });
});
