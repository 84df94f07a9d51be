import * as z from "zod/mini";

/**
 * The shared field schemas every input schema is built from, so each boundary refuses the same bad input
 * with a message on the field: control characters (NUL breaks PostgreSQL text), days outside a sane range,
 * integers beyond their column, numbers written as hex or exponents. Form fields arrive as strings; blank
 * means null and text is trimmed, so one schema serves the form and the API.
 *
 * Written with `zod/mini` (functions, not methods), as is every schema in lib/validation: forms import these
 * schemas, and zod/mini is tree-shaken to the few kB a schema uses where classic zod costs ~32 kB gzipped on
 * every page that imports one. The server parses with the very same schema objects.
 */
/**
 * Classic zod's `z.preprocess`, which zod/mini lacks: `fn` runs on the raw input, then `schema` parses the result.
 * The same pipe at run time; typed as classic types it (input unknown, output and optionality of `schema`).
 */
export const preprocess = <T extends z.core.$ZodType>(fn: (value: unknown) => unknown, schema: T) =>
  z.pipe(z.transform(fn), schema) as unknown as z.ZodMiniType<z.output<T>, unknown, z.core.$ZodPreprocessInternals<T>>;

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
  z.string({ error: `${label} must be text.` }).check(
    z.trim(),
    z.maxLength(max, `${label} is too long (max ${max} characters).`),
    z.refine((v) => !CONTROL.test(v), `${label} contains characters that are not allowed.`),
  );

/** Several lines (notes, excerpts): line breaks and tabs allowed, other control characters not. */
export const multilineText = (label: string, { min = 0, max, required }: { min?: number; max: number; required?: string }) =>
  z.string({ error: `${label} must be text.` }).check(
    z.trim(),
    z.minLength(min, required ?? `${label} is required.`),
    z.maxLength(max, `${label} is too long (max ${max.toLocaleString("en-US")} characters).`),
    z.refine((v) => !CONTROL_EXCEPT_LINES.test(v), `${label} contains characters that are not allowed.`),
  );

export const requiredText = (label: string, max = 200) =>
  z.string({ error: `${label} is required.` }).check(
    z.trim(),
    z.minLength(1, `${label} is required.`),
    z.maxLength(max, `${label} is too long (max ${max} characters).`),
    z.refine((v) => !CONTROL.test(v), `${label} contains characters that are not allowed.`),
  );

export const optionalText = (label: string, max = 200) => preprocess(blankToNull, z._default(z.nullable(plainText(label, max)), null));

/** A plain decimal as typed: digits, an optional sign and fraction. No hex ("0x10"), exponents or "Infinity". */
const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** A string that is a decimal becomes that number; any other string becomes NaN (refused as "not a number"). */
const toNumber = (v: unknown) => (typeof v !== "string" ? v : v.trim() === "" ? undefined : DECIMAL.test(v.trim()) ? Number(v.trim()) : Number.NaN);

/** A whole number between min and max, with the label in every message. */
const wholeNumber = (label: string, min: number, max: number, error = `${label} must be a number.`) =>
  z
    .number({ error })
    .check(
      z.int(`${label} must be a whole number.`),
      z.gte(min, `${label} must be at least ${min}.`),
      z.lte(max, `${label} must be at most ${max.toLocaleString("en-US")}.`),
    );

export const optionalInt = (label: string, min: number, max: number) =>
  preprocess((v) => (blankToNull(v) === null ? null : toNumber(v)), z._default(z.nullable(wholeNumber(label, min, max)), null));

/** An optimistic-locking version or any other Int column: a whole number that fits int4. */
export const int4 = (label: string, min = 0) =>
  preprocess(
    toNumber,
    z
      .number({ error: `${label} must be a number.` })
      .check(z.int(`${label} must be a whole number.`), z.gte(min, `${label} must be at least ${min}.`), z.lte(INT4_MAX, `${label} is too large.`)),
  );

/** A list typed as "a, b, c" in a form or sent as an array; trimmed, de-duplicated case-insensitively. */
export const tagList = (label: string) =>
  preprocess(
    (value) => (typeof value === "string" ? value.split(",") : (value ?? [])),
    z.pipe(
      z
        .array(
          z.string({ error: `Each ${label} entry must be text.` }).check(
            z.trim(),
            z.maxLength(60, `Each ${label} entry must be at most 60 characters.`),
            z.refine((v) => !CONTROL.test(v), `A ${label} entry contains characters that are not allowed.`),
          ),
          { error: `The ${label} must be a list.` },
        )
        .check(z.maxLength(50, `At most 50 ${label} entries.`)),
      z.transform((items: string[]) => {
        const seen = new Set<string>();
        return items.filter((item) => item !== "" && !seen.has(item.toLowerCase()) && seen.add(item.toLowerCase()));
      }),
    ),
  );

/** Date.parse accepts 2027-02-30 (as March 2nd); a real day survives the round trip unchanged. */
function isRealDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** yyyy-mm-dd of a real day between MIN_DAY and MAX_DAY (string comparison is date order in this format). */
export const day = (label: string, message = `${label} must be a date (YYYY-MM-DD).`) =>
  z.string({ error: message }).check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, { message, abort: true }),
    z.refine(isRealDay, { message: `${label} is not a real date.`, abort: true }),
    z.refine((v) => v >= MIN_DAY && v <= MAX_DAY, `${label} must be between ${MIN_DAY.slice(0, 4)} and ${MAX_DAY.slice(0, 4)}.`),
  );

/** A day (yyyy-mm-dd) as a Date at UTC midnight, as stored. */
export const dayAsDate = (label: string) =>
  z.pipe(
    day(label),
    z.transform((v: string) => new Date(`${v}T00:00:00Z`)),
  );

/** yyyy-mm-dd from a date input; stored as a UTC date. */
export const optionalDate = (label: string) => preprocess(blankToNull, z._default(z.nullable(dayAsDate(label)), null));

/** A required number typed in a form: blank is "required", not zero. `checks` add bounds and rules. */
const requiredNumber = (label: string, ...checks: Array<z.core.$ZodCheck<number>>) =>
  preprocess(
    toNumber,
    z.number({ error: (issue) => (issue.input === undefined ? `${label} is required.` : `${label} must be a number.`) }).check(...checks),
  );

/** Money as a decimal with at most two places, within a Decimal(14, 2) column. */
export const money = (label: string, max = 1_000_000_000) =>
  requiredNumber(
    label,
    z.gte(0, `${label} cannot be negative.`),
    z.lte(max, `${label} must be at most ${max.toLocaleString("en-US")}.`),
    z.refine((v: number) => Math.round(v * 100) === v * 100, `${label} can have at most two decimals.`),
  );

/** Record ids (cuid) and configuration keys (stage and criterion ids): letters, digits, "_" and "-". */
export const id = (label = "Record") =>
  z
    .string({ error: `${label} is missing.` })
    .check(z.minLength(1, `${label} is missing.`), z.maxLength(64, `${label} is not valid.`), z.regex(/^[A-Za-z0-9_-]+$/, `${label} is not valid.`));

export const optionalEmail = preprocess(blankToNull, z._default(z.nullable(z.email("Enter a valid email address.").check(z.maxLength(200))), null));

export const email = z.pipe(
  z.email("Enter a valid email address.").check(z.maxLength(200, "Enter a valid email address.")),
  z.transform((v: string) => v.toLowerCase()),
);

/** Which pipeline a settings edit or a new deal is for; absent means the organization's first pipeline. */
export const pipelineRef = preprocess((v) => (v === "" || v === null ? undefined : v), z.optional(id("Pipeline")));
