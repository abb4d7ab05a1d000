import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <EmptyState title="You don't have access to this page" action={<Link className="text-sm text-indigo-600 underline dark:text-indigo-400" href="/prompts">Back to prompts</Link>}>
        Your role in this workspace does not allow it. Ask a workspace admin if you need access.
      </EmptyState>
    </main>
  );
}
