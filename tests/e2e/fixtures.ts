import fs from "node:fs";
import { test as base, expect } from "@playwright/test";

export { expect };

/** Where the app under test appends the errors Next reports from its server (`onRequestError` in instrumentation.ts). */
const errorLog = process.env.WINNOW_REQUEST_ERROR_LOG;

const logSize = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

/**
 * Every browser test, with one more check after it: the server reported no error while it ran. A server render
 * that throws still answers 200 when the client can recover (React re-renders the page in the browser), so a
 * journey can pass over a page that is broken for anyone whose browser does not: the log is the only witness.
 */
export const test = base.extend<{ serverErrors: void }>({
  serverErrors: [
    async ({}, use) => {
      const from = errorLog ? logSize(errorLog) : 0;
      await use();
      if (!errorLog || logSize(errorLog) <= from) return;
      const added = fs.readFileSync(errorLog).subarray(from).toString("utf8").trim().split("\n");
      expect(added, "errors the server reported while this test ran").toEqual([]);
    },
    { auto: true },
  ],
});
