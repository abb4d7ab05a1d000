"use server";

import { refresh, revalidatePath } from "next/cache";
import { z } from "zod";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { authorizedAction } from "@/lib/platform/http/action";
import { addQueueItems, createQueue, createTag, deleteTag, setQueueArchived, updateQueue } from "@/lib/review/manage-queues";
import { rateItem } from "@/lib/review/manage-ratings";
import { loadReviewItem } from "@/lib/review/reviewer-view";
import { addItemsSchema, archiveQueueSchema, createQueueSchema, deleteTagSchema, rateItemSchema, tagSchema, updateQueueSchema } from "@/lib/review/schemas";

function changed<T>(result: T): T {
  revalidatePath("/review", "layout");
  return result;
}

export const createQueueAction = authorizedAction({ permission: "review:manage", schema: createQueueSchema }, async (input, ctx) => changed(await createQueue(userPrincipal(ctx), input)));

export const addQueueItemsAction = authorizedAction({ permission: "review:manage", schema: addItemsSchema }, async (input, ctx) => changed(await addQueueItems(userPrincipal(ctx), input)));

export const updateQueueAction = authorizedAction({ permission: "review:manage", schema: updateQueueSchema }, (input, ctx) => changed(updateQueue(userPrincipal(ctx), input)));

export const archiveQueueAction = authorizedAction({ permission: "review:manage", schema: archiveQueueSchema }, (input, ctx) => changed(setQueueArchived(userPrincipal(ctx), input)));

export const createTagAction = authorizedAction({ permission: "review:manage", schema: tagSchema }, (input, ctx) => changed(createTag(userPrincipal(ctx), input)));

export const deleteTagAction = authorizedAction({ permission: "review:manage", schema: deleteTagSchema }, (input, ctx) => changed(deleteTag(userPrincipal(ctx), input)));

/**
 * The rating screen keeps its own state (optimistic), so a rating does not revalidate the page's data; a first
 * rating of an item refreshes the router only so the Review badge in the navigation counts one fewer.
 */
export const rateItemAction = authorizedAction({ permission: "review:rate", schema: rateItemSchema }, (input, ctx) => {
  const result = rateItem(userPrincipal(ctx), input);
  if (result.outcome === "created") refresh();
  return result;
});

export const loadReviewItemAction = authorizedAction({ permission: "review:rate", schema: z.object({ itemId: z.string().min(1) }) }, (input, ctx) =>
  loadReviewItem(userPrincipal(ctx), input.itemId),
);
