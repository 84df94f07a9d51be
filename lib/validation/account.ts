import * as z from "zod/mini";
import { id, optionalInt, optionalText, preprocess, requiredText, tagList } from "./fields";
import { FUNDING_STAGES, REGIONS } from "./options";

const domain = preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .trim()
          .toLowerCase()
          .replace(/^https?:\/\//, "")
          .replace(/\/.*$/, "") || null
      : value,
  z._default(z.nullable(z.string().check(z.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "Enter a domain like example.com."), z.maxLength(200))), null),
);

const choice = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  preprocess((v) => (v === "" ? null : v), z._default(z.nullable(z.enum(values, { error: `Choose a ${label} from the list.` })), null));

export const accountFields = z.object({
  name: requiredText("Name"),
  domain,
  industry: optionalText("Industry", 100),
  employeeCount: optionalInt("Employee count", 1, 10_000_000),
  country: optionalText("Country", 100),
  region: choice(REGIONS, "region"),
  techStack: tagList("tech stack"),
  fundingStage: choice(FUNDING_STAGES, "funding stage"),
  hiringSignals: tagList("hiring signal"),
});

export const createAccountSchema = accountFields;
export const updateAccountSchema = z.extend(accountFields, { id: id("Account") });
