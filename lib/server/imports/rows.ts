import "server-only";
import { z } from "zod";
import { accountFields } from "../../validation/account";
import { contactFields } from "../../validation/contact";
import { CRITERION_PREFIX, type ImportKind } from "../../validation/import";
import { leadFields } from "../../validation/lead";
import type { LeadAnswer } from "../../qualification/leads";
import type { QualificationSettings } from "../qualification/settings";

export type RowCheck<T> = { ok: true; data: T; key: string | null } | { ok: false; message: string };

function firstError(error: z.core.$ZodError): string {
  const flat = z.flattenError(error);
  const [field, messages] = Object.entries(flat.fieldErrors as Record<string, string[] | undefined>).find(([, m]) => m && m.length > 0) ?? [];
  return field ? `${field}: ${messages?.[0] ?? "invalid"}` : (flat.formErrors[0] ?? "Invalid row.");
}

/** A mapped record from one CSV row: field → cell text (only mapped, non-empty cells). */
export type MappedRow = Record<string, string>;

export function mapRow(cells: string[], mapping: Record<string, number | null>): MappedRow {
  const row: MappedRow = {};
  for (const [field, index] of Object.entries(mapping)) {
    if (index === null) continue;
    const value = cells[index]?.trim();
    if (value) row[field] = value;
  }
  return row;
}

const accountRow = accountFields;
export type AccountRow = z.infer<typeof accountRow>;
// A CSV row names its account by domain or name instead of an id.
const { accountId: _accountId, ...contactShape } = contactFields.shape;
const contactRow = z.object({
  ...contactShape,
  accountDomain: z.string().trim().toLowerCase().max(200).optional(),
  accountName: z.string().trim().max(200).optional(),
});
export type ContactRow = z.infer<typeof contactRow>;
export type LeadRow = z.infer<typeof leadFields> & { answers: LeadAnswer[] };

function checkAccount(row: MappedRow): RowCheck<AccountRow> {
  const parsed = accountRow.safeParse(row);
  return parsed.success ? { ok: true, data: parsed.data, key: parsed.data.domain } : { ok: false, message: firstError(parsed.error) };
}

function checkContact(row: MappedRow): RowCheck<ContactRow> {
  const parsed = contactRow.safeParse(row);
  if (!parsed.success) return { ok: false, message: firstError(parsed.error) };
  if (!parsed.data.accountDomain && !parsed.data.accountName)
    return { ok: false, message: "accountDomain: name the contact's account by domain or name." };
  return { ok: true, data: parsed.data, key: parsed.data.email?.toLowerCase() ?? null };
}

/**
 * Leads may carry a stage and criterion states, but only what the gate and the evidence rules allow: a new
 * deal starts in the first stage, and a file's word is a claim, never verified evidence.
 */
function checkLead(row: MappedRow, settings: QualificationSettings): RowCheck<LeadRow> {
  const { stage, ...rest } = row;
  const first = settings.pipeline.stages[0];
  if (stage && first && stage.toLowerCase() !== first.id.toLowerCase() && stage.toLowerCase() !== first.label.toLowerCase()) {
    return { ok: false, message: `stage: "${stage}" refused — a new lead's deal starts in "${first.label}" and moves on only through its gate.` };
  }
  const answers: LeadAnswer[] = [];
  const fields: MappedRow = {};
  for (const [key, value] of Object.entries(rest)) {
    if (!key.startsWith(CRITERION_PREFIX)) {
      fields[key] = value;
      continue;
    }
    const criterionId = key.slice(CRITERION_PREFIX.length);
    const def = settings.framework.criteria.find((c) => c.id === criterionId);
    if (!def) return { ok: false, message: `${key}: ${settings.framework.name} has no criterion "${criterionId}".` };
    const state = value.toLowerCase();
    if (state === "verified")
      return { ok: false, message: `${key}: "verified" refused — only a person who checked the evidence can verify; import it as claimed.` };
    if (state !== "claimed" && state !== "negative" && state !== "unknown")
      return { ok: false, message: `${key}: use claimed, negative or unknown.` };
    if (state !== "unknown") answers.push({ questionId: key, question: `${def.label} (imported):`, answer: state, criterionId, state });
  }
  const parsed = leadFields.safeParse(fields);
  if (!parsed.success) return { ok: false, message: firstError(parsed.error) };
  return { ok: true, data: { ...parsed.data, answers }, key: parsed.data.email };
}

export function checkerFor(kind: ImportKind, settings: QualificationSettings): (row: MappedRow) => RowCheck<unknown> {
  switch (kind) {
    case "accounts":
      return checkAccount;
    case "contacts":
      return checkContact;
    case "leads":
      return (row) => checkLead(row, settings);
  }
}
