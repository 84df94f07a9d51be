export const VERDICT_LABEL = { pursue: "Pursue", nurture: "Not yet", disqualify: "Not a fit" } as const;
export const VERDICT_TONE = { pursue: "good", nurture: "warn", disqualify: "bad" } as const;
export const STATUS_LABEL = { new: "New", accepted: "Accepted", nurturing: "Nurturing", disqualified: "Disqualified", duplicate: "Duplicate" } as const;
export const SOURCE_LABEL = { intake_form: "Intake form", import: "Import", manual: "Manual", api: "API" } as const;

export function labelOf<T extends Record<string, string>>(labels: T, key: string): string {
  return (labels as Record<string, string>)[key] ?? key;
}
