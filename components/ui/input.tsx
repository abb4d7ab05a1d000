import { forwardRef, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cn } from "@/lib/core/ui/cn";

const fieldClass =
  "h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input({ className, ...props }, ref) {
  return <input ref={ref} className={cn(fieldClass, className)} {...props} />;
});

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(function Select(
  { className, ...props },
  ref,
) {
  return <select ref={ref} className={cn(fieldClass, "pr-8", className)} {...props} />;
});

/** A Select's <option>s from [value, label] pairs, in order. */
export function Options({ items }: { items: readonly (readonly [value: string | number, label: string | number])[] }) {
  return (
    <>
      {items.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>(function Textarea(
  { className, ...props },
  ref,
) {
  return <textarea ref={ref} className={cn(fieldClass, "h-auto min-h-16 py-2", className)} {...props} />;
});

// sm: the compact form for toolbars, filter rows and dense grids.
const fieldSizes = {
  md: { box: "gap-1.5", label: "text-sm font-medium text-zinc-800 dark:text-zinc-200" },
  sm: { box: "gap-1", label: "text-xs font-medium text-zinc-700 dark:text-zinc-300" },
} as const;

/** A label above its control, with an optional hint or error below; the control gets the label as its name. */
export function Field({
  label,
  htmlFor,
  hint,
  error,
  size = "md",
  className,
  children,
}: {
  label: string;
  htmlFor: string;
  hint?: string;
  error?: string;
  size?: keyof typeof fieldSizes;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={cn("flex flex-col", fieldSizes[size].box, className)}>
      <label htmlFor={htmlFor} className={fieldSizes[size].label}>
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${htmlFor}-error`} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : hint ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{hint}</p>
      ) : null}
    </div>
  );
}
