import type { ReactNode } from "react";
import { PaletteButton } from "@/components/command/palette-button";
import { AppShell } from "@/components/shell/app-shell";
import { requestScheme } from "@/lib/server/scheme";
import { requireUser } from "@/lib/server/session";

export default async function CrmLayout({ children }: { children: ReactNode }) {
  const [user, scheme] = await Promise.all([requireUser(), requestScheme()]);
  return (
    <AppShell user={user} scheme={scheme} tools={<PaletteButton />}>
      {children}
    </AppShell>
  );
}
