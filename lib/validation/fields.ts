import { z } from "zod";

/**
 * The shared field schemas every input schema is built from, so each boundary refuses the same bad input
 * with a message on the field: control characters (NUL breaks PostgreSQL text), days outside a sane range,
 * integers beyond their column, numbers written as hex or exponents. Form fields arrive as strings; blank
 * means null and text is trimmed, so one schema serves the form and the API.
 */
const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

/** C0 controls and DEL; multi-line text may keep tab, newline and carriage return. */
const CONTROL = /[\u0000-\u001F\u007F]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** PostgreSQL's int4, the type of every Int column. */
export const INT4_MAX = 2_147_483_647;

/** The days the app accepts anywhere: wide enough for history and plans, narrow enough for every database type. */
const MIN_DAY = "1900-01-01";
const MAX_DAY = "2199-12-31";

/** One line of text: no control characters at all. */
export const plainText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} is too long (max ${max} characters).`)
    .refine((v) => !CONTROL.test(v), `${label} contains characters that are not allowed.`);

/** Several lines (notes, excerpts): line breaks and tabs allowed, other control characters not. */
export const multilineText = (label: string, { min = 0, max, required }: { min?: number; max: number; required?: string }) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(min, required ?? `${label} is required.`)
    .max(max, `${label} is too long (max ${max.toLocaleString("en-US")} characters).`)
    .refine((v) => !CONTROL_EXCEPT_LINES.test(v), `${label} contains characters that are not allowed.`);

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} is too long (max ${max} characters).`)
    .refine((v) => !CONTROL.test(v), `${label} contains characters that are not allowed.`);

export const optionalText = (label: string, max = 200) => z.preprocess(blankToNull, plainText(label, max).nullable().default(null));

/** A plain decimal as typed: digits, an optional sign and fraction. No hex ("0x10"), exponents or "Infinity". */
const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** A string that is a decimal becomes that number; any other string becomes NaN (refused as "not a number"). */
const toNumber = (v: unknown) => (typeof v !== "string" ? v : v.trim() === "" ? undefined : DECIMAL.test(v.trim()) ? Number(v.trim()) : Number.NaN);

export const optionalInt = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (blankToNull(v) === null ? null : toNumber(v)),
    z
      .number({ error: `${label} must be a number.` })
      .int(`${label} must be a whole number.`)
      .min(min, `${label} must be at least ${min}.`)
      .max(max, `${label} must be at most ${max.toLocaleString("en-US")}.`)
      .nullable()
      .default(null),
  );

/** An optimistic-locking version or any other Int column: a whole number that fits int4. */
export const int4 = (label: string, min = 0) =>
  z.preprocess(
    toNumber,
    z
      .number({ error: `${label} must be a number.` })
      .int(`${label} must be a whole number.`)
      .min(min, `${label} must be at least ${min}.`)
      .max(INT4_MAX, `${label} is too large.`),
  );

/** A list typed as "a, b, c" in a form or sent as an array; trimmed, de-duplicated case-insensitively. */
export const tagList = (label: string) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.split(",") : (value ?? [])),
    z
      .array(
        z
          .string({ error: `Each ${label} entry must be text.` })
          .trim()
          .max(60, `Each ${label} entry must be at most 60 characters.`)
          .refine((v) => !CONTROL.test(v), `A ${label} entry contains characters that are not allowed.`),
        { error: `The ${label} must be a list.` },
      )
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

/** yyyy-mm-dd of a real day between MIN_DAY and MAX_DAY (string comparison is date order in this format). */
export const day = (label: string, message = `${label} must be a date (YYYY-MM-DD).`) =>
  z
    .string({ error: message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message, abort: true })
    .refine(isRealDay, { message: `${label} is not a real date.`, abort: true })
    .refine((v) => v >= MIN_DAY && v <= MAX_DAY, `${label} must be between ${MIN_DAY.slice(0, 4)} and ${MAX_DAY.slice(0, 4)}.`);

/** yyyy-mm-dd from a date input; stored as a UTC date. */
export const optionalDate = (label: string) =>
  z.preprocess(
    blankToNull,
    day(label)
      .transform((v) => new Date(`${v}T00:00:00Z`))
      .nullable()
      .default(null),
  );

/** A required number typed in a form: blank is "required", not zero. `rules` adds bounds and checks. */
const requiredNumber = <T extends z.ZodType<number>>(label: string, rules: (n: z.ZodNumber) => T) =>
  z.preprocess(toNumber, rules(z.number({ error: (issue) => (issue.input === undefined ? `${label} is required.` : `${label} must be a number.`) })));

/** Money as a decimal with at most two places, within a Decimal(14, 2) column. */
export const money = (label: string, max = 1_000_000_000) =>
  requiredNumber(label, (n) =>
    n
      .min(0, `${label} cannot be negative.`)
      .max(max, `${label} must be at most ${max.toLocaleString("en-US")}.`)
      .refine((v) => Math.round(v * 100) === v * 100, `${label} can have at most two decimals.`),
  );

/** Record ids (cuid) and configuration keys (stage and criterion ids): letters, digits, "_" and "-". */
export const id = (label = "Record") =>
  z
    .string({ error: `${label} is missing.` })
    .min(1, `${label} is missing.`)
    .max(64, `${label} is not valid.`)
    .regex(/^[A-Za-z0-9_-]+$/, `${label} is not valid.`);

export const optionalEmail = z.preprocess(blankToNull, z.email("Enter a valid email address.").max(200).nullable().default(null));

export const email = z
  .email("Enter a valid email address.")
  .max(200, "Enter a valid email address.")
  .transform((v) => v.toLowerCase());

/** Which pipeline a settings edit or a new deal is for; absent means the organization's first pipeline. */
export const pipelineRef = z.preprocess((v) => (v === "" || v === null ? undefined : v), id("Pipeline").optional());
