// Which version of a prompt a request (or a partial tag) means. "latest" is derived (the highest version), never
// stored; any other label is an environment's slug.

export type VersionSelector =
  | { kind: "latest" }
  | { kind: "version"; version: number }
  | { kind: "environment"; slug: string };

export const LATEST_LABEL = "latest";
export const DEFAULT_LABEL = "production";

/** A request's `label`: "latest" or an environment slug. */
export function labelSelector(label: string): VersionSelector {
  return label === LATEST_LABEL ? { kind: "latest" } : { kind: "environment", slug: label };
}

/** A partial tag's `@label`: a version number ("@3"), "latest" or an environment slug. */
export function partialLabelSelector(label: string): VersionSelector {
  return /^[1-9][0-9]{0,8}$/.test(label) ? { kind: "version", version: Number(label) } : labelSelector(label);
}

export function selectorKey(selector: VersionSelector): string {
  switch (selector.kind) {
    case "latest":
      return LATEST_LABEL;
    case "version":
      return `@${selector.version}`;
    case "environment":
      return selector.slug;
  }
}
