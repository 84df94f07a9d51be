import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Toaster } from "@/components/ui/toaster";
import { requestScheme } from "@/lib/server/scheme";
import { schemeClass } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Winnow", template: "%s · Winnow" },
  description: "Qualification-first B2B CRM",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page render per request, so each carries its own CSP nonce.
  await headers();
  // The scheme the user picked is on <html> from the first byte: no script, so no flash of the wrong scheme.
  const scheme = await requestScheme();
  return (
    <html lang="en" className={schemeClass(scheme)}>
      <body className="min-h-screen">
        {children}
        <Toaster theme={scheme} />
      </body>
    </html>
  );
}
