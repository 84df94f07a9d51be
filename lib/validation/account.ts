import { z } from "zod";
import { id, optionalInt, optionalText, requiredText, tagList } from "./fields";
import { FUNDING_STAGES, REGIONS } from "./options";

const domain = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .trim()
          .toLowerCase()
          .replace(/^https?:\/\//, "")
          .replace(/\/.*$/, "") || null
      : value,
  z
    .string()
    .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "Enter a domain like example.com.")
    .max(200)
    .nullable()
    .default(null),
);

const choice = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.preprocess(
    (v) => (v === "" ? null : v),
    z
      .enum(values, { error: `Choose a ${label} from the list.` })
      .nullable()
      .default(null),
  );

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
export const updateAccountSchema = accountFields.extend({ id: id("Account") });
