import { SearchX } from "lucide-react";
import { ButtonLink } from "./button";

/** What a missing page or record shows; the caller decides the landmark (the app shell already has its <main>). */
export function NotFoundMessage() {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center" data-testid="not-found">
      <SearchX className="size-10 text-slate-400" aria-hidden />
      <h1 className="mt-4 text-xl font-semibold">Not found</h1>
      <p className="mt-1 max-w-sm text-sm text-slate-500">This page or record does not exist, or it is not part of your organization.</p>
      <ButtonLink href="/" variant="secondary" className="mt-6">
        Back to Winnow
      </ButtonLink>
    </div>
  );
}
