// The main navigation; names are part of the UI contract (shared/guides/UI-CONTRACT.md).
export const NAV_LINKS = [
  { href: "/prompts", label: "Prompts" },
  { href: "/playground", label: "Playground" },
  { href: "/datasets", label: "Datasets" },
  { href: "/evaluations", label: "Evaluations" },
  { href: "/review", label: "Review" },
  { href: "/dashboard", label: "Dashboard" },
  { href: "/approvals", label: "Approvals" },
  { href: "/settings", label: "Settings" },
] as const;
