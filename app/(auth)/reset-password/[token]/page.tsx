import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Logo } from "@/components/shell/logo";

export const metadata: Metadata = { title: "Set a new password", referrer: "no-referrer" };

/** Reached from an admin's one-time link; the token is checked when the form is sent, not on view. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <Logo className="size-10" />
          <h1 className="text-xl font-semibold">Set a new password</h1>
          <p className="text-sm text-slate-500">This link works once. Setting a password signs out every session of your account.</p>
        </div>
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <ResetPasswordForm token={token.slice(0, 200)} />
        </div>
      </div>
    </main>
  );
}
