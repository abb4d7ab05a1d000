import Link from "next/link";

/** The title of a page that belongs to a list (a form to create one of its items), under a link back to that list. */
export function SubpageHeader({ back, title, children }: { back: { href: string; label: string }; title: string; children: React.ReactNode }) {
  return (
    <header>
      <Link href={back.href} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
        ← {back.label}
      </Link>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{children}</p>
    </header>
  );
}
