import type { Prisma } from "./generated/prisma/client";

/**
 * Plain data as a JSON column value. Dates become ISO strings and undefined fields disappear, exactly as they
 * would over the wire, so what is stored is what any reader will get back.
 */
export function asJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
