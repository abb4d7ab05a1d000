import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

/** A 404 inside the studio keeps the shell, so the navigation is one click away. */
export default function StudioNotFound() {
  return (
    <div className="mx-auto max-w-lg py-12">
      <EmptyState
        title="Page not found"
        action={
          <Link className="text-sm text-indigo-700 underline dark:text-indigo-300" href="/prompts">
            Back to prompts
          </Link>
        }
      >
        Nothing lives at this address in this workspace. It may have been renamed or archived, or belong to another workspace.
      </EmptyState>
    </div>
  );
}
