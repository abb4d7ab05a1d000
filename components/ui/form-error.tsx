import { cn } from "@/lib/core/ui/cn";

/** A form's error, announced to screen readers as an alert; renders nothing when there is none. */
export function FormError({ message, className }: { message: string | null; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className={cn("rounded-md bg-red-50 p-2.5 text-sm text-red-700 dark:bg-red-950 dark:text-red-300", className)}>
      {message}
    </p>
  );
}
