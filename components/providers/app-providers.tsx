"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ThemeProvider } from "next-themes";
import { useState } from "react";
import { Toaster } from "sonner";
import { z } from "zod";

// Zod compiles object schemas with `new Function` when it can, and probes for that with `Function("")`. The page's
// CSP has no 'unsafe-eval', so in the browser the probe is a reported violation: tell Zod up front not to try.
// The server keeps the compiled parsers (no CSP applies there).
if (typeof window !== "undefined") z.config({ jitless: true });

/** `nonce` is the page's CSP nonce (proxy.ts), for the inline script next-themes adds to avoid a flash of the wrong theme. */
export function AppProviders({ children, nonce }: { children: React.ReactNode; nonce?: string }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }));
  return (
    <ThemeProvider nonce={nonce} attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      <QueryClientProvider client={queryClient}>
        {children}
        <Toaster richColors closeButton position="bottom-right" />
      </QueryClientProvider>
    </ThemeProvider>
  );
}
