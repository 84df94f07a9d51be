import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Logo } from "@/components/shell/logo";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { env } from "@/lib/env";
import { getSessionUser } from "@/lib/server/session";
import { ssoEnabled } from "@/lib/server/sso";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getSessionUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  // Only paths of this app: a callback URL from the query string must not send users elsewhere.
  const safeCallback = safeCallbackPath(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <Logo className="size-10" />
          <h1 className="text-xl font-semibold">Sign in to Winnow</h1>
          <p className="text-sm text-slate-500">Qualification-first CRM: spend your time on deals that can close.</p>
        </div>
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <LoginForm callbackUrl={safeCallback} sso={ssoEnabled() ? { name: env().OIDC_NAME } : undefined} />
        </div>
      </div>
    </main>
  );
}
