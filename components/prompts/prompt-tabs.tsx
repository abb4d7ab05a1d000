import { TabLinks } from "@/components/ui/tab-links";
import { promptHref, type PromptTab } from "@/lib/prompts";

const TABS: { tab: PromptTab; label: string }[] = [
  { tab: "editor", label: "Editor" },
  { tab: "history", label: "History" },
  { tab: "deployments", label: "Deployments" },
  { tab: "playground", label: "Playground" },
  { tab: "evaluations", label: "Evaluations" },
  { tab: "optimize", label: "Optimize" },
];

export function PromptTabs({ name, current }: { name: string; current: PromptTab }) {
  return <TabLinks label="Prompt views" items={TABS.map(({ tab, label }) => ({ href: promptHref(name, { tab }), label, active: tab === current }))} />;
}
