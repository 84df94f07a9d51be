import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { prerender } from "react-dom/static";
import { describe, expect, it } from "vitest";
import { ConfirmDialog } from "./confirm-dialog";
import { Tooltip } from "./tooltip";

/**
 * What React's Flight client hands a client component for an element a server component passed whose chunk is
 * outlined or not resolved yet: a lazy wrapper around a thenable, not the element (react-server-dom's
 * createLazyChunkWrapper). `settled` marks the thenable as React marks a resolved one.
 */
function flightLazy(element: ReactElement, settled: boolean) {
  const payload = Promise.resolve(element);
  if (settled) void Object.assign(payload, { status: "fulfilled", value: element });
  return { $$typeof: Symbol.for("react.lazy"), _payload: payload, _init: () => element } as unknown as ReactElement;
}

async function html(node: ReactElement): Promise<string> {
  const { prelude } = await prerender(node);
  return new Response(prelude).text();
}

/** The tooltip with `child` as its trigger, as a server component's JSX would pass it. */
function tooltipOver(child: ReactElement) {
  const props = { content: "Evidence is older than 90 days", children: child };
  return createElement(Tooltip, props);
}

const trigger = createElement("button", { type: "button", "data-testid": "trigger" }, "Stale");

describe("a trigger that arrives from the RSC stream as a lazy reference", () => {
  it("the tooltip renders the element it resolves to, with its handlers, already resolved", () => {
    const out = renderToString(tooltipOver(flightLazy(trigger, true)));
    expect(out).toContain('data-testid="trigger"');
    expect(out).toContain(">Stale</button>");
  });

  it("the tooltip waits for a chunk still streaming, as rendering the child itself would", async () => {
    const out = await html(tooltipOver(flightLazy(trigger, false)));
    expect(out).toContain('data-testid="trigger"');
  });

  it("the confirm dialog's trigger too", async () => {
    const dialog = createElement(ConfirmDialog, {
      trigger: flightLazy(trigger, false) as ReactElement<Record<string, unknown>>,
      title: "Reset the criterion?",
      description: "Its evidence stays in the history.",
      confirmLabel: "Reset",
      onConfirm: () => undefined,
    });
    expect(await html(dialog)).toContain('data-testid="trigger"');
  });
});
