"use client";

import { Bookmark } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { deleteViewAction } from "@/lib/actions/views/delete-view";
import { saveViewAction } from "@/lib/actions/views/save-view";
import type { SavedViewList } from "@/lib/validation/saved-view";
import { Button, buttonVariants } from "./button";
import { Input } from "./field";
import { useOnDemand } from "./on-demand";

export interface SavedViewOption {
  id: string;
  name: string;
  query: Record<string, string>;
}

const CURSOR_KEYS = new Set(["after", "before", "page"]);

/** A list's state as a comparable string: its URL parameters without cursors, in key order. */
function canonical(entries: Iterable<[string, string]>): string {
  return new URLSearchParams([...entries].filter(([k, v]) => !CURSOR_KEYS.has(k) && v !== "").sort(([a], [b]) => a.localeCompare(b))).toString();
}

const loadMenu = () => import("./saved-views-menu").then((m) => m.SavedViewsMenu);

/**
 * The user's saved views of this list: pick one to open it (a link to the list with its parameters), or save
 * what is on screen now (filters, sort, hidden columns) under a name. The menu (Radix, Floating UI) is loaded
 * when its button is first pointed at, focused or pressed.
 */
export function SavedViews({ list, views }: { list: SavedViewList; views: SavedViewOption[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [naming, setNaming] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const current = canonical(search.entries());
  const active = views.find((v) => canonical(Object.entries(v.query)) === current);
  const save = useAction(saveViewAction, {
    onSuccess: ({ data }) => {
      toast.success(`Saved the view “${data?.name ?? ""}”.`);
      setNaming(false);
      router.refresh();
    },
    onError: ({ error }) => toast.error(error.serverError?.message ?? "Give the view a name of at most 60 characters."),
  });
  const remove = useAction(deleteViewAction, {
    onSuccess: () => {
      toast.success("View deleted.");
      router.refresh();
    },
    onError: ({ error }) => toast.error(error.serverError?.message ?? "Could not delete the view."),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = Object.fromEntries([...search.entries()].filter(([k, v]) => !CURSOR_KEYS.has(k) && v !== ""));
    save.execute({ list, name: nameRef.current?.value ?? "", query });
  }

  const { Loaded, pressed, focused, triggerProps } = useOnDemand(loadMenu, "press");
  const label = (
    <>
      <Bookmark className="size-4" aria-hidden />
      {active ? `View: ${active.name}` : "Views"}
    </>
  );
  const startNaming = () => {
    setNaming(true);
    setTimeout(() => nameRef.current?.focus(), 0);
  };

  const href = (v: SavedViewOption) => {
    const query = new URLSearchParams(v.query).toString();
    return query ? `${pathname}?${query}` : pathname;
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      {Loaded ? (
        <Loaded
          views={views}
          activeId={active?.id}
          href={href}
          onSaveCurrent={startNaming}
          onDelete={(viewId) => remove.execute({ viewId })}
          defaultOpen={pressed !== null}
          byKeyboard={pressed === "keyboard"}
          autoFocus={focused && pressed === null}
        >
          {label}
        </Loaded>
      ) : (
        <button
          type="button"
          aria-haspopup="menu"
          aria-expanded={false}
          className={buttonVariants({ variant: "secondary" })}
          data-testid="saved-views"
          {...triggerProps}
        >
          {label}
        </button>
      )}
      {naming && (
        <form
          onSubmit={submit}
          onKeyDown={(e) => {
            if (e.key === "Escape") setNaming(false);
          }}
          className="flex items-center gap-2"
          data-testid="save-view-form"
        >
          <Input
            ref={nameRef}
            name="name"
            aria-label="View name"
            placeholder="Name this view"
            required
            maxLength={60}
            defaultValue={active?.name ?? ""}
            className="w-44"
          />
          <Button type="submit" size="sm" disabled={save.isPending}>
            Save view
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setNaming(false)}>
            Cancel
          </Button>
        </form>
      )}
    </div>
  );
}
