import type { PathMessage } from "@/components/forms/form-errors";
import { ruleValues, type IcpRule, type IcpRuleKind } from "@/lib/qualification";
import { validateIcp } from "@/lib/qualification/validate";
import type { SaveIcpFormInput } from "@/lib/validation/icp";
import { engineIssueKey } from "@/lib/validation/errors";
import { FUNDING_STAGES, INDUSTRIES, REGIONS } from "@/lib/validation/options";

/** A rule as the editor holds it: every field as typed, so half-typed numbers and lists survive re-renders. */
export interface RuleDraft {
  key: string;
  id: string;
  kind: IcpRuleKind;
  label: string;
  weight: string;
  knockout: boolean;
  /** Comma-separated list for the kinds that match against a list. */
  values: string;
  mode: "any" | "all";
  min: string;
  max: string;
  minCount: string;
}

type ListField = "industries" | "regions" | "countries" | "technologies" | "stages" | "signals";

export const RULE_KINDS: Record<
  IcpRuleKind,
  { title: string; label: string; listField?: ListField; listLabel?: string; suggestions?: readonly string[] }
> = {
  industry_in: { title: "Industry", label: "Target industry", listField: "industries", listLabel: "Industries", suggestions: INDUSTRIES },
  employee_range: { title: "Employee count", label: "Company size" },
  region_in: { title: "Region", label: "Target region", listField: "regions", listLabel: "Regions", suggestions: REGIONS },
  country_in: { title: "Country", label: "Target country", listField: "countries", listLabel: "Countries" },
  tech_includes: { title: "Uses technology", label: "Uses our ecosystem", listField: "technologies", listLabel: "Technologies" },
  tech_excludes: { title: "Avoids technology", label: "No competing tool", listField: "technologies", listLabel: "Technologies" },
  funding_stage_in: { title: "Funding stage", label: "Funding stage", listField: "stages", listLabel: "Funding stages", suggestions: FUNDING_STAGES },
  hiring_signals: { title: "Hiring signals", label: "Growing team", listField: "signals", listLabel: "Only these signals (optional)" },
};

let counter = 0;
const reactKey = () => `rule-${++counter}`;

function toDraft(rule: IcpRule): RuleDraft {
  return {
    key: reactKey(),
    id: rule.id,
    kind: rule.kind,
    label: rule.label,
    weight: String(rule.weight),
    knockout: rule.knockout,
    values: ruleValues(rule).join(", "),
    mode: rule.kind === "tech_includes" ? rule.mode : "any",
    min: rule.kind === "employee_range" && rule.min !== undefined ? String(rule.min) : "",
    max: rule.kind === "employee_range" && rule.max !== undefined ? String(rule.max) : "",
    minCount: rule.kind === "hiring_signals" ? String(rule.minCount) : "1",
  };
}

/** A fresh rule of `kind` whose id is a readable slug no other rule uses (ids tie fit reasons to rules across versions). */
export function newDraft(kind: IcpRuleKind, takenIds: readonly string[]): RuleDraft {
  let id: string = kind;
  for (let n = 2; takenIds.includes(id); n++) id = `${kind}_${n}`;
  return {
    key: reactKey(),
    id,
    kind,
    label: RULE_KINDS[kind].label,
    weight: "10",
    knockout: false,
    values: "",
    mode: "any",
    min: "",
    max: "",
    minCount: "1",
  };
}

export const splitList = (raw: string) =>
  raw
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");

/** Blank stays "not given"; anything else becomes a number for the schema to judge (NaN fails as "a number"). */
const num = (raw: string) => (raw.trim() === "" ? undefined : Number(raw.trim()));

/** The draft as the rule the server's schema expects; the schema, not this function, decides whether it is valid. */
export function fromDraft(d: RuleDraft): unknown {
  const base = { id: d.id, label: d.label.trim(), weight: num(d.weight), knockout: d.knockout };
  const values = splitList(d.values);
  switch (d.kind) {
    case "industry_in":
      return { ...base, kind: d.kind, industries: values };
    case "region_in":
      return { ...base, kind: d.kind, regions: values };
    case "country_in":
      return { ...base, kind: d.kind, countries: values };
    case "tech_includes":
      return { ...base, kind: d.kind, technologies: values, mode: d.mode };
    case "tech_excludes":
      return { ...base, kind: d.kind, technologies: values };
    case "funding_stage_in":
      return { ...base, kind: d.kind, stages: values };
    case "employee_range":
      return { ...base, kind: d.kind, min: num(d.min), max: num(d.max) };
    case "hiring_signals":
      return { ...base, kind: d.kind, minCount: num(d.minCount), ...(values.length > 0 && { signals: values }) };
  }
}

/** The ICP editor's draft: rules and thresholds as typed, on the paths of the schema the server parses with. */
export interface IcpDraft {
  rules: RuleDraft[];
  pursueThreshold: string;
  /** Blank: no floor. */
  disqualifyBelow: string;
  note: string;
}

export function toIcpDraft(rules: IcpRule[], pursueThreshold: number, disqualifyBelow: number | null): IcpDraft {
  return {
    rules: rules.map(toDraft),
    pursueThreshold: String(pursueThreshold),
    disqualifyBelow: disqualifyBelow === null ? "" : String(disqualifyBelow),
    note: "",
  };
}

/** A blank threshold must fail as "a number", not pass as 0. */
const whole = (raw: string) => (raw.trim() === "" ? Number.NaN : Number(raw.trim()));

/** The draft as the save action's input; the schema, not this function, decides whether it is valid. */
export function toIcpInput(draft: IcpDraft, basedOnVersion: number): SaveIcpFormInput {
  return {
    rules: draft.rules.map(fromDraft) as SaveIcpFormInput["rules"],
    pursueThreshold: whole(draft.pursueThreshold),
    disqualifyBelow: draft.disqualifyBelow.trim() === "" ? null : whole(draft.disqualifyBelow),
    basedOnVersion,
    ...(draft.note.trim() !== "" && { note: draft.note.trim() }),
  };
}

/**
 * The engine's objections to an ICP the schema accepted (a duplicate rule id, an empty list, a floor above the
 * pursue threshold): the server refuses the same, so the editor says them first, each under its field.
 */
export async function icpIssues(input: SaveIcpFormInput): Promise<PathMessage[]> {
  // The schema is loaded by the time a check runs (the form's resolver has just used it); importing it here, not
  // at the top, keeps zod out of the editor's first load.
  const { saveIcpSchema } = await import("@/lib/validation/icp");
  const { disqualifyBelow, ...rest } = saveIcpSchema.parse(input);
  const issues = validateIcp({ ...rest, version: 0, ...(disqualifyBelow !== null && { disqualifyBelow }) });
  return issues.map((i) => ({ path: engineIssueKey(i.path), message: `${i.message.charAt(0).toUpperCase()}${i.message.slice(1)}.` }));
}
