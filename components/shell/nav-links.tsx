"use client";

import {
  BarChart3,
  Braces,
  Building2,
  CalendarCheck,
  Columns3,
  FileUp,
  Hourglass,
  Inbox,
  KeyRound,
  Scale,
  ScrollText,
  Settings2,
  SquarePen,
  Target,
  Trophy,
  UserCog,
  Users,
  Webhook,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const LINKS = [
  { href: "/my-day", label: "My day", icon: CalendarCheck },
  { href: "/dashboard", label: "Dashboard", icon: BarChart3 },
  { href: "/leads", label: "Leads", icon: Inbox },
  { href: "/nurture", label: "Due for another look", icon: Hourglass },
  { href: "/pipeline", label: "Pipeline", icon: Columns3 },
  { href: "/opportunities", label: "Opportunities", icon: Trophy },
  { href: "/accounts", label: "Accounts", icon: Building2 },
  { href: "/contacts", label: "Contacts", icon: Users },
  { href: "/icp", label: "Ideal customer", icon: Target },
  { href: "/forms", label: "Intake form", icon: SquarePen },
  { href: "/import", label: "Import", icon: FileUp },
  { href: "/settings/qualification", label: "Qualification setup", icon: Settings2 },
] as const;

const ADMIN_LINKS = [
  { href: "/settings/users", label: "Users", icon: UserCog },
  { href: "/settings/audit", label: "Audit log", icon: ScrollText },
  { href: "/settings/api-keys", label: "API keys", icon: Braces },
  { href: "/settings/webhooks", label: "Webhooks", icon: Webhook },
] as const;

const SELF_LINKS = [{ href: "/settings/account", label: "Your account", icon: KeyRound }] as const;
const INSIGHT_LINKS = [{ href: "/forecast", label: "Forecast honesty", icon: Scale }] as const;

/** `showAdmin`/`showInsights` only hide links; those pages check the permission themselves. */
export function NavLinks({ showAdmin, showInsights = false }: { showAdmin: boolean; showInsights?: boolean }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-0.5">
      {[...LINKS, ...(showInsights ? INSIGHT_LINKS : []), ...(showAdmin ? ADMIN_LINKS : []), ...SELF_LINKS].map(({ href, label, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium",
                "focus-visible:outline-2 focus-visible:outline-sidebar-ring",
                active
                  ? "bg-sidebar-accent text-sidebar-accent-foreground"
                  : "text-sidebar-foreground hover:bg-sidebar-accent/60 hover:text-sidebar-accent-foreground",
              )}
            >
              <Icon className="size-4" aria-hidden />
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
