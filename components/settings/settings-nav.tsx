"use client";

import { usePathname } from "next/navigation";
import { TabLinks } from "@/components/ui/tab-links";

export function SettingsNav({ sections }: { sections: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return <TabLinks label="Settings" items={sections.map((s) => ({ ...s, active: pathname.startsWith(s.href) }))} />;
}
