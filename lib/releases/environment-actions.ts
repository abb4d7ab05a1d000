"use server";

import { revalidatePath } from "next/cache";
import { createEnvironment, setEnvironmentGate, setEnvironmentProtected } from "@/lib/releases/manage-environments";
import { createEnvironmentSchema, setEnvironmentGateSchema, setEnvironmentProtectedSchema } from "@/lib/releases/schemas";
import { authorizedAction } from "@/lib/platform/http/action";

export const createEnvironmentAction = authorizedAction({ permission: "settings:manage", schema: createEnvironmentSchema }, (input, ctx) => {
  const created = createEnvironment(ctx, input);
  revalidatePath("/", "layout");
  return created;
});

export const setEnvironmentProtectedAction = authorizedAction(
  { permission: "settings:manage", schema: setEnvironmentProtectedSchema },
  (input, ctx) => {
    const result = setEnvironmentProtected(ctx, input);
    revalidatePath("/", "layout");
    return result;
  },
);

export const setEnvironmentGateAction = authorizedAction({ permission: "settings:manage", schema: setEnvironmentGateSchema }, (input, ctx) => {
  const result = setEnvironmentGate(ctx, input);
  revalidatePath("/", "layout");
  return result;
});
