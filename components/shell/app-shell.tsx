import Link from "next/link";
import type { ReactNode } from "react";
import { can, ROLE_LABELS, type Role } from "@/lib/permissions";
import { CommandPalette } from "@/components/command/command-palette";
import { PaletteButton } from "@/components/command/palette-button";
import { ShortcutsDialog } from "@/components/command/shortcuts-dialog";
import { Logo } from "./logo";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export function AppShell({ user, children }: { user: { name: string; role: Role; organizationName: string }; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 hidden h-screen w-60 shrink-0 flex-col bg-slate-900 px-3 py-4 md:flex">
        <Link href="/" className="mb-6 flex items-center gap-2 px-2 text-white">
          <Logo />
          <span className="text-lg font-semibold tracking-tight">Winnow</span>
        </Link>
        <div className="mb-4 px-1"><PaletteButton /></div>
        <nav aria-label="Main" className="flex-1">
          <NavLinks showAdmin={can(user.role, "user.manage")} showInsights={can(user.role, "insights.view")} />
        </nav>
        <div className="flex items-center justify-between gap-2 border-t border-slate-800 px-2 pt-3">
          <div className="min-w-0 text-xs">
            <div className="truncate font-medium text-white" data-testid="current-user">{user.name}</div>
            <div className="truncate text-slate-400">
              {ROLE_LABELS[user.role]} · {user.organizationName}
            </div>
          </div>
          <SignOutButton />
        </div>
      </aside>
      <div className="min-w-0 flex-1">
        <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-2 md:hidden">
          <Link href="/" className="flex items-center gap-2 font-semibold"><Logo className="size-6" /> Winnow</Link>
          <span className="text-xs text-slate-500">{user.name}</span>
        </header>
        <main className="mx-auto max-w-screen-2xl px-4 py-6 sm:px-6 lg:px-8">{children}</main>
      </div>
      <CommandPalette canCreateDeal={can(user.role, "opportunity.create")} />
      <ShortcutsDialog />
    </div>
  );
}
