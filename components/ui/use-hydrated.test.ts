import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { useHydrationGate } from "./use-hydrated";

function Editor() {
  return createElement("form", { "data-testid": "editor", ...useHydrationGate() }, createElement("button", { type: "submit" }, "Save"));
}

describe("an editor that hydrates after the first load", () => {
  it("is served inert and unmarked: no press reaches the server's markup, nothing says it is live", () => {
    const html = renderToString(createElement(Editor));
    expect(html).toMatch(/<form[^>]* inert=""/);
    expect(html).not.toContain("data-hydrated");
  });
});
