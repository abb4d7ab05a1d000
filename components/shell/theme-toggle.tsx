"use client";

import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";
import { Select } from "@/components/ui/input";

const subscribeNever = () => () => {};

export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  // The stored theme is only known in the browser; render the control after hydration to avoid a mismatch. Until
  // then it is disabled: a choice made before React is listening would be undone by hydration.
  const mounted = useSyncExternalStore(subscribeNever, () => true, () => false);
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="theme" className="text-xs text-zinc-500 dark:text-zinc-400">
        Theme
      </label>
      <Select id="theme" className="h-8 w-auto text-xs" disabled={!mounted} value={mounted ? (theme ?? "system") : "system"} onChange={(e) => setTheme(e.target.value)}>
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </Select>
    </div>
  );
}
