import type { Metadata } from "next";
import { headers } from "next/headers";
import { AppProviders } from "@/components/providers/app-providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "PromptOps Studio", template: "%s · PromptOps Studio" },
  description: "Write, version, test, review and ship the prompts behind your LLM features.",
};

// Reading the request's CSP nonce (set by proxy.ts) also makes every page dynamic, which a nonce requires.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen font-sans">
        <AppProviders nonce={nonce}>{children}</AppProviders>
      </body>
    </html>
  );
}
