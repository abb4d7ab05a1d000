"use server";

import { z } from "zod";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { addCase, createDataset, deleteCase, setDatasetArchived, updateCase, updateDatasetDetails } from "@/lib/datasets/manage-datasets";
import { listDatasets } from "@/lib/datasets/queries";
import { createRedTeamDataset } from "@/lib/datasets/manage-red-team";
import {
  addCaseSchema,
  archiveDatasetSchema,
  createDatasetSchema,
  deleteCaseSchema,
  generateRedTeamSchema,
  updateCaseSchema,
  updateDatasetSchema,
} from "@/lib/datasets/schemas";
import { actionGroup } from "@/lib/platform/http/action";

/** Every change to a dataset shows on the datasets list and the dataset's page. */
const write = actionGroup({ permission: "datasets:write", revalidate: [{ path: "/datasets", type: "layout" }], as: userPrincipal });

/** Inline cell edits and pickers: no revalidation, the table keeps its own state and the next visit reads fresh rows. */
const writeInPlace = actionGroup({ permission: "datasets:write", as: userPrincipal });

export const createDatasetAction = write(createDatasetSchema, createDataset);
export const updateDatasetAction = write(updateDatasetSchema, updateDatasetDetails);
export const archiveDatasetAction = write(archiveDatasetSchema, setDatasetArchived);
export const addCaseAction = write(addCaseSchema, addCase);
export const deleteCaseAction = write(deleteCaseSchema, deleteCase);

export const updateCaseAction = writeInPlace(updateCaseSchema, async (principal, input) => {
  const saved = await updateCase(principal, input);
  return { id: saved.id, position: saved.position };
});

/** The datasets a playground run can be saved into. */
export const listDatasetOptionsAction = writeInPlace(z.object({}), async (principal) =>
  (await listDatasets({ workspaceId: principal.workspaceId })).map((d) => ({ id: d.id, name: d.name, caseCount: d.caseCount })),
);

/** "Generate red-team dataset" on a prompt page; the dialog then opens the new dataset. */
export const generateRedTeamDatasetAction = write(generateRedTeamSchema, createRedTeamDataset);
