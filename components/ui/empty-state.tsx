import { Card } from "./card";

/** Says plainly what is (not) here and what to do next; never a fake preview. */
export function EmptyState({ title, children, action }: { title: string; children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <Card className="flex flex-col items-center gap-3 px-8 py-14 text-center">
      <h2 className="text-base font-semibold">{title}</h2>
      <div className="max-w-prose text-sm text-zinc-600 dark:text-zinc-400">{children}</div>
      {action}
    </Card>
  );
}
