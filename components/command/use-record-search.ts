"use client";

import { useEffect, useState } from "react";
import { MIN_QUERY, type SearchHit, type SearchKind } from "@/lib/search";

/** Server-side search as the user types, debounced; stale answers (an older query) are dropped. `kind` narrows it to one kind (record pickers). */
export function useRecordSearch(query: string, kind?: SearchKind) {
  const [state, setState] = useState<{ query: string; hits: SearchHit[]; failed: boolean }>({ query: "", hits: [], failed: false });
  const trimmed = query.trim();
  useEffect(() => {
    if (trimmed.length < MIN_QUERY) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/search?q=${encodeURIComponent(trimmed)}${kind ? `&kind=${kind}` : ""}`, { signal: controller.signal })
        .then(async (response) => {
          if (!response.ok) throw new Error(String(response.status));
          const { hits } = (await response.json()) as { hits: SearchHit[] };
          setState({ query: trimmed, hits, failed: false });
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) setState({ query: trimmed, hits: [], failed: Boolean(error) });
        });
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed, kind]);
  const active = trimmed.length >= MIN_QUERY;
  return {
    hits: active && state.query === trimmed ? state.hits : [],
    loading: active && state.query !== trimmed,
    failed: active && state.query === trimmed && state.failed,
  };
}
