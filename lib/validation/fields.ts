import { z } from "zod";

/** Form fields arrive as strings; these turn "" into null and trim, so one schema serves form and API. */
const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

export const requiredText = (label: string, max = 200) =>
  z.string({ error: `${label} is required.` }).trim().min(1, `${label} is required.`).max(max, `${label} is too long (max ${max} characters).`);

export const optionalText = (label: string, max = 200) =>
  z.preprocess(blankToNull, z.string().trim().max(max, `${label} is too long (max ${max} characters).`).nullable().default(null));

export const optionalInt = (label: string, min: number, max: number) =>
  z.preprocess(
    blankToNull,
    z.coerce
      .number({ error: `${label} must be a number.` })
      .int(`${label} must be a whole number.`)
      .min(min, `${label} must be at least ${min}.`)
      .max(max, `${label} must be at most ${max.toLocaleString("en-US")}.`)
      .nullable()
      .default(null),
  );

/** A list typed as "a, b, c" in a form or sent as an array; trimmed, de-duplicated case-insensitively. */
export const tagList = (label: string) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.split(",") : (value ?? [])),
    z
      .array(z.string().trim().max(60, `Each ${label} entry must be at most 60 characters.`))
      .max(50, `At most 50 ${label} entries.`)
      .transform((items) => {
        const seen = new Set<string>();
        return items.filter((item) => item !== "" && !seen.has(item.toLowerCase()) && seen.add(item.toLowerCase()));
      }),
  );

/** Date.parse accepts 2027-02-30 (as March 2nd); a real day survives the round trip unchanged. */
function isRealDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** yyyy-mm-dd from a date input; stored as a UTC date. */
export const optionalDate = (label: string) =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label} must be a date (YYYY-MM-DD).`, abort: true })
      .refine(isRealDay, `${label} is not a real date.`)
      .transform((v) => new Date(`${v}T00:00:00Z`))
      .nullable()
      .default(null),
  );

/** A required number typed in a form: blank is "required", not zero. `rules` adds bounds and checks. */
export const requiredNumber = <T extends z.ZodType<number>>(label: string, rules: (n: z.ZodNumber) => T) =>
  z.preprocess(
    (v) => (typeof v !== "string" ? v : v.trim() === "" ? undefined : Number(v.trim())),
    rules(z.number({ error: (issue) => (issue.input === undefined ? `${label} is required.` : `${label} must be a number.`) })),
  );

export const id = (label = "Record") => z.string({ error: `${label} is missing.` }).min(1, `${label} is missing.`).max(64);

export const optionalEmail = z.preprocess(blankToNull, z.email("Enter a valid email address.").max(200).nullable().default(null));
