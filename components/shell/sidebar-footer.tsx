import { ROLE_LABELS, type Role } from "@/lib/permissions";
import type { Scheme } from "@/lib/theme";
import { SchemeToggle } from "./scheme-toggle";
import { SignOutButton } from "./sign-out-button";

export type ShellUser = { name: string; role: Role; organizationName: string };

/** Who is signed in, the colour scheme, and sign-out: the bottom of the sidebar and of the phone menu. */
/** Async because the sign-out form reads its CSRF token from the request's cookies. */
export function SidebarFooter({ user, scheme }: { user: ShellUser; scheme: Scheme }) {
  return (
    <div className="space-y-3 border-t border-sidebar-border px-2 pt-3">
      <SchemeToggle initial={scheme} />
      <div className="flex items-center justify-between gap-2">
        <div className="min-w-0 text-xs">
          <div className="truncate font-medium text-sidebar-accent-foreground" data-testid="current-user">
            {user.name}
          </div>
          <div className="truncate text-sidebar-muted">
            {ROLE_LABELS[user.role]} · {user.organizationName}
          </div>
        </div>
        <SignOutButton />
      </div>
    </div>
  );
}
