/**
 * The words the app shows people, in one place: verdicts, statuses, user roles, and counted nouns. Pure (no
 * framework), so the engine, the server and the UI all say the same thing.
 */

export const VERDICT_LABEL = { pursue: "Pursue", unproven: "Needs evidence", nurture: "Not yet", disqualify: "Not a fit" } as const;
export const OPPORTUNITY_STATUS_LABEL = { open: "Open", won: "Won", lost: "Lost" } as const;

export const USER_ROLE_LABEL = { rep: "Sales rep", manager: "Sales manager", marketing: "Marketing", admin: "Admin" } as const;

export const LEAD_STATUS_LABEL = {
  new: "New",
  accepted: "Accepted",
  nurturing: "Nurturing",
  disqualified: "Disqualified",
  duplicate: "Duplicate",
} as const;
export const LEAD_SOURCE_LABEL = { intake_form: "Intake form", import: "Import", manual: "Manual", api: "API" } as const;

/** Singular and plural of every noun the app counts. */
const NOUNS = {
  account: ["account", "accounts"],
  contact: ["contact", "contacts"],
  day: ["day", "days"],
  field: ["field", "fields"],
  deal: ["deal", "deals"],
  "closed deal": ["closed deal", "closed deals"],
  "open deal": ["open deal", "open deals"],
  "flagged deal": ["flagged deal", "flagged deals"],
  flag: ["flag", "flags"],
  forecast: ["forecast", "forecasts"],
  "hiring signal": ["hiring signal", "hiring signals"],
  lead: ["lead", "leads"],
  minute: ["minute", "minutes"],
  opportunity: ["opportunity", "opportunities"],
  person: ["person", "people"],
  "piece of evidence": ["piece of evidence", "pieces of evidence"],
  pt: ["pt", "pts"],
  requirement: ["requirement", "requirements"],
  row: ["row", "rows"],
  rule: ["rule", "rules"],
  second: ["second", "seconds"],
  session: ["session", "sessions"],
  user: ["user", "users"],
} as const satisfies Record<string, readonly [string, string]>;
export type Noun = keyof typeof NOUNS;

const rules = new Intl.PluralRules("en-US");
const numbers = new Intl.NumberFormat("en-US");

/** The noun alone, in the form `count` takes: noun(1, "person") is "person", noun(2, "person") "people". */
export function noun(count: number, word: Noun): string {
  const [one, other] = NOUNS[word];
  return rules.select(count) === "one" ? one : other;
}

/** A count with its noun: plural(34, "opportunity") is "34 opportunities", plural(1, "person") "1 person". */
export function plural(count: number, word: Noun): string {
  return `${numbers.format(count)} ${noun(count, word)}`;
}

/** What the UI shows for a code it has a label for, and the code itself (never blank) when it has none. */
export function labelOf(labels: Readonly<Record<string, string>>, key: string): string {
  return labels[key] ?? key;
}

/** Why a deal was re-scored, as the score history says it. */
const SCORE_TRIGGER_LABEL: Readonly<Record<string, string>> = {
  backfill: "first score",
  evidence: "evidence recorded",
  note: "note logged",
  stage_change: "stage change",
  stakeholder_added: "stakeholder added",
  icp_change: "ICP change",
  framework_change: "framework change",
  requalification: "re-qualification",
  activity: "activity logged",
  seed: "demo data",
  created: "deal created",
  deal_updated: "deal edited",
  account_created: "account created",
  account_updated: "account edited",
  pipeline_change: "pipeline change",
  recap_response: "buyer's recap answer",
  import: "import",
};

export function scoreTriggerLabel(trigger: string): string {
  return SCORE_TRIGGER_LABEL[trigger] ?? trigger.replaceAll("_", " ");
}

const ACRONYMS = new Set(["api", "icp", "sso", "csv"]);

/** A code the UI has no label for ("stage_change", "api_key") in words: "Stage change", "API key". */
export function codeWords(code: string): string {
  const words = code.split("_").map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w));
  const [first = "", ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(" ");
}
