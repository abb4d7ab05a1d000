"use server";
// The server action behind Settings → Lint: an admin sets the workspace's lint severities.

import { authorizedAction } from "@/lib/platform/http/action";
import { setLintSeverities, setLintSeveritiesSchema } from "./lint-severities";

export const setLintSeveritiesAction = authorizedAction(
  { permission: "settings:manage", schema: setLintSeveritiesSchema, revalidate: [{ path: "/", type: "layout" }] },
  (input, ctx) => setLintSeverities(ctx, input),
);
