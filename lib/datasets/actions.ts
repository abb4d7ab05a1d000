"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { addCase, createDataset, deleteCase, setDatasetArchived, updateCase, updateDatasetDetails } from "@/lib/datasets/manage-datasets";
import { listDatasets } from "@/lib/datasets/queries";
import {
  addCaseSchema,
  archiveDatasetSchema,
  createDatasetSchema,
  deleteCaseSchema,
  updateCaseSchema,
  updateDatasetSchema,
} from "@/lib/datasets/schemas";
import { authorizedAction } from "@/lib/platform/http/action";

function changed<T>(result: T): T {
  revalidatePath("/datasets", "layout");
  return result;
}

export const createDatasetAction = authorizedAction({ permission: "datasets:write", schema: createDatasetSchema }, (input, ctx) =>
  changed(createDataset(userPrincipal(ctx), input)),
);

export const updateDatasetAction = authorizedAction({ permission: "datasets:write", schema: updateDatasetSchema }, (input, ctx) =>
  changed(updateDatasetDetails(userPrincipal(ctx), input)),
);

export const archiveDatasetAction = authorizedAction({ permission: "datasets:write", schema: archiveDatasetSchema }, (input, ctx) =>
  changed(setDatasetArchived(userPrincipal(ctx), input)),
);

export const addCaseAction = authorizedAction({ permission: "datasets:write", schema: addCaseSchema }, (input, ctx) => changed(addCase(userPrincipal(ctx), input)));

/** Inline cell edits: no revalidation, the table keeps its own state and the next visit reads fresh rows. */
export const updateCaseAction = authorizedAction({ permission: "datasets:write", schema: updateCaseSchema }, (input, ctx) => {
  const saved = updateCase(userPrincipal(ctx), input);
  return { id: saved.id, position: saved.position };
});

export const deleteCaseAction = authorizedAction({ permission: "datasets:write", schema: deleteCaseSchema }, (input, ctx) =>
  changed(deleteCase(userPrincipal(ctx), input)),
);

/** The datasets a playground run can be saved into. */
export const listDatasetOptionsAction = authorizedAction({ permission: "datasets:write", schema: z.object({}) }, (_input, ctx) =>
  listDatasets({ workspaceId: ctx.workspaceId }).map((d) => ({ id: d.id, name: d.name, caseCount: d.caseCount })),
);
