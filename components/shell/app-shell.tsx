import Link from "next/link";
import type { ReactNode } from "react";
import { can, type Role } from "@/lib/permissions";
import type { Scheme } from "@/lib/theme";
import { PaletteLoader } from "@/components/command/palette-loader";
import { ShortcutsDialog } from "@/components/command/shortcuts-dialog";
import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { SidebarFooter, type ShellUser } from "./sidebar-footer";

/**
 * The signed-in frame: a sidebar from 768 px up, a header with a menu sheet below it, and the page in <main>.
 * `tools` is the slot for app-wide controls (a search or command palette trigger): shown at the top of the
 * sidebar and in the phone header.
 */
export function AppShell({
  user,
  scheme,
  tools,
  children,
}: {
  user: ShellUser & { role: Role };
  scheme: Scheme;
  tools?: ReactNode;
  children: ReactNode;
}) {
  const nav = <NavLinks showAdmin={can(user.role, "user.manage")} showInsights={can(user.role, "insights.view")} />;
  const footer = <SidebarFooter user={user} scheme={scheme} />;
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 shadow ring-1 ring-slate-300 focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
      >
        Skip to content
      </a>
      <aside className="sticky top-0 hidden h-screen w-60 shrink-0 flex-col bg-sidebar px-3 py-4 md:flex">
        <Link href="/" className="mb-4 flex items-center gap-2 px-2 text-sidebar-accent-foreground">
          <Logo />
          <span className="text-lg font-semibold tracking-tight">Winnow</span>
        </Link>
        {tools && <div className="mb-4 px-1">{tools}</div>}
        <nav aria-label="Main" className="-mx-1 flex-1 overflow-y-auto px-1">
          {nav}
        </nav>
        {footer}
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex items-center gap-2 border-b border-slate-200 bg-white/95 px-2 py-2 backdrop-blur md:hidden">
          <MobileNav footer={footer}>{nav}</MobileNav>
          <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
            <Logo className="size-6" /> Winnow
          </Link>
          {tools && <div className="ml-auto">{tools}</div>}
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-screen-2xl min-w-0 px-4 py-6 focus:outline-none sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
      <PaletteLoader canCreateDeal={can(user.role, "opportunity.create")} />
      <ShortcutsDialog />
    </div>
  );
}
