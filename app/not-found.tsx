import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <EmptyState title="Page not found" action={<Link className="text-sm text-indigo-600 underline dark:text-indigo-400" href="/prompts">Back to prompts</Link>}>
        Nothing lives at this address in this workspace.
      </EmptyState>
    </main>
  );
}
