import { z } from "zod";

export const IMPORT_KINDS = ["accounts", "contacts", "leads"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const ACCOUNT_COLUMNS = ["name", "domain", "industry", "employeeCount", "country", "region", "fundingStage", "techStack", "hiringSignals"] as const;

/** The fields each import can fill, in the order the mapping screen shows them. The first is required. */
export const IMPORT_FIELDS: Record<ImportKind, readonly string[]> = {
  accounts: ACCOUNT_COLUMNS,
  contacts: ["name", "email", "title", "phone", "accountDomain", "accountName"],
  leads: ["name", "email", "companyName", "title", "phone", ...ACCOUNT_COLUMNS.slice(1), "stage"],
};

export const REQUIRED_FIELDS: Record<ImportKind, readonly string[]> = {
  accounts: ["name"],
  contacts: ["name"],
  leads: ["name", "companyName"],
};

/** Header words people use for each field, compared without case, spaces or punctuation. */
const SYNONYMS: Record<string, string[]> = {
  name: ["name", "fullname", "contactname", "accountname", "company"],
  companyName: ["company", "companyname", "organization", "organisation", "account"],
  domain: ["domain", "website", "url", "companydomain"],
  email: ["email", "emailaddress", "workemail", "mail"],
  title: ["title", "jobtitle", "role", "position"],
  phone: ["phone", "phonenumber", "mobile", "tel"],
  industry: ["industry", "sector", "vertical"],
  employeeCount: ["employees", "employeecount", "headcount", "size", "companysize"],
  country: ["country"],
  region: ["region", "geo"],
  fundingStage: ["fundingstage", "funding", "stageoffunding"],
  techStack: ["techstack", "technologies", "tools", "tech"],
  hiringSignals: ["hiringsignals", "hiring", "openroles"],
  accountDomain: ["accountdomain", "companydomain", "domain", "website"],
  accountName: ["accountname", "company", "companyname", "account"],
  stage: ["stage", "dealstage", "pipelinestage"],
};

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9:]/g, "");

/** Criterion columns in a leads file: "criterion:<id>" (e.g. criterion:budget) with claimed / negative / unknown. */
export const CRITERION_PREFIX = "criterion:";

/** Guesses field → column index from the headers; each column is used once, exact synonyms first. */
export function guessMapping(kind: ImportKind, headers: string[]): Record<string, number | null> {
  const squashed = headers.map(squash);
  const used = new Set<number>();
  const mapping: Record<string, number | null> = {};
  for (const field of IMPORT_FIELDS[kind]) {
    const words = [squash(field), ...(SYNONYMS[field] ?? [])];
    const index = squashed.findIndex((h, i) => !used.has(i) && words.includes(h));
    mapping[field] = index >= 0 ? index : null;
    if (index >= 0) used.add(index);
  }
  if (kind === "leads") {
    headers.forEach((h, i) => {
      const key = h.trim().toLowerCase();
      if (key.startsWith(CRITERION_PREFIX) && !used.has(i)) mapping[key] = i;
    });
  }
  return mapping;
}

export const mappingSchema = z.record(z.string().max(80), z.number().int().min(0).max(500).nullable());

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** An uploaded file: what it holds, its name, and its text (the UI sends it as a form upload, the API as text/csv). */
export const uploadImportSchema = z.object({
  kind: z.enum(IMPORT_KINDS, { error: "Choose accounts, contacts or leads." }),
  fileName: z.string().trim().min(1).max(200),
  text: z
    .string()
    .min(1, "Choose a CSV file.")
    .refine((t) => Buffer.byteLength(t) <= MAX_IMPORT_BYTES, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`),
});

export const planImportSchema = z.object({ jobId: z.string().min(1).max(64), mapping: mappingSchema });
