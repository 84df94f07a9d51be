"use server";

import { headers } from "next/headers";
import { publicAction } from "../../server/action-client";
import { clientAddress } from "../../server/client-address";
import { respondToRecap } from "../../server/recaps/public";
import { respondRecapSchema } from "../../validation/recap";

/** The buyer's answers: no session by design; the token in the input is the proof, the use case holds the limits. */
export const respondRecapAction = publicAction.inputSchema(respondRecapSchema).action(async ({ parsedInput }) => {
  const ip = clientAddress(await headers()) ?? "unknown";
  return respondToRecap({ input: parsedInput, ip, now: new Date() });
});
