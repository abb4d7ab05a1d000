"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { actionGroup } from "@/lib/platform/http/action";
import { addQueueItems, createQueue, createTag, deleteTag, setQueueArchived, updateQueue } from "@/lib/review/manage-queues";
import { rateItem } from "@/lib/review/manage-ratings";
import { loadReviewItem } from "@/lib/review/reviewer-view";
import { addItemsSchema, archiveQueueSchema, createQueueSchema, deleteTagSchema, rateItemSchema, tagSchema, updateQueueSchema } from "@/lib/review/schemas";

/** Every change to a queue or the tags shows on the review pages. */
const manage = actionGroup({ permission: "review:manage", revalidate: [{ path: "/review", type: "layout" }], as: userPrincipal });

/**
 * The rating screen keeps its own state (optimistic), so a rating does not revalidate the page's data; a first
 * rating of an item refreshes the router only so the Review badge in the navigation counts one fewer.
 */
const rate = actionGroup({ permission: "review:rate", as: userPrincipal });

export const createQueueAction = manage(createQueueSchema, createQueue);
export const addQueueItemsAction = manage(addItemsSchema, addQueueItems);
export const updateQueueAction = manage(updateQueueSchema, updateQueue);
export const archiveQueueAction = manage(archiveQueueSchema, setQueueArchived);
export const createTagAction = manage(tagSchema, createTag);
export const deleteTagAction = manage(deleteTagSchema, deleteTag);

export const rateItemAction = rate(rateItemSchema, async (principal, input) => {
  const result = await rateItem(principal, input);
  if (result.outcome === "created") refresh();
  return result;
});

export const loadReviewItemAction = rate(z.object({ itemId: z.string().min(1) }), (principal, input) => loadReviewItem(principal, input.itemId));
