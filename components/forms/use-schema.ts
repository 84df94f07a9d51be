"use client";

import { useEffect, useState } from "react";

/**
 * A value from a `schemaLoader` for rendering (a rule's live reading): null until its chunk has arrived, which
 * starts after the page has rendered, so zod is not part of the page's first load.
 */
export function useSchema<S>(load: () => Promise<S | null>): S | null {
  const [schema, setSchema] = useState<S | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((s) => live && setSchema(() => s));
    return () => {
      live = false;
    };
  }, [load]);
  return schema;
}
