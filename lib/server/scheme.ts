import "server-only";
import { cookies } from "next/headers";
import { parseScheme, SCHEME_COOKIE, type Scheme } from "../theme";

/** The colour scheme this request's user picked ("system" when they never did). */
export async function requestScheme(): Promise<Scheme> {
  return parseScheme((await cookies()).get(SCHEME_COOKIE)?.value);
}
