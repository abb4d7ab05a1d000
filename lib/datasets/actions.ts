"use server";

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

/** Every change to a dataset shows on the datasets list and the dataset's page. */
const DATASET_PAGES = [{ path: "/datasets", type: "layout" }] as const;

export const createDatasetAction = authorizedAction({ permission: "datasets:write", schema: createDatasetSchema, revalidate: DATASET_PAGES }, (input, ctx) =>
  createDataset(userPrincipal(ctx), input),
);

export const updateDatasetAction = authorizedAction({ permission: "datasets:write", schema: updateDatasetSchema, revalidate: DATASET_PAGES }, (input, ctx) =>
  updateDatasetDetails(userPrincipal(ctx), input),
);

export const archiveDatasetAction = authorizedAction({ permission: "datasets:write", schema: archiveDatasetSchema, revalidate: DATASET_PAGES }, (input, ctx) =>
  setDatasetArchived(userPrincipal(ctx), input),
);

export const addCaseAction = authorizedAction({ permission: "datasets:write", schema: addCaseSchema, revalidate: DATASET_PAGES }, (input, ctx) =>
  addCase(userPrincipal(ctx), input),
);

/** Inline cell edits: no revalidation, the table keeps its own state and the next visit reads fresh rows. */
export const updateCaseAction = authorizedAction({ permission: "datasets:write", schema: updateCaseSchema }, (input, ctx) => {
  const saved = updateCase(userPrincipal(ctx), input);
  return { id: saved.id, position: saved.position };
});

export const deleteCaseAction = authorizedAction({ permission: "datasets:write", schema: deleteCaseSchema, revalidate: DATASET_PAGES }, (input, ctx) =>
  deleteCase(userPrincipal(ctx), input),
);

/** The datasets a playground run can be saved into. */
export const listDatasetOptionsAction = authorizedAction({ permission: "datasets:write", schema: z.object({}) }, (_input, ctx) =>
  listDatasets({ workspaceId: ctx.workspaceId }).map((d) => ({ id: d.id, name: d.name, caseCount: d.caseCount })),
);
