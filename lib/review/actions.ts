"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { authorizedAction } from "@/lib/platform/http/action";
import { addQueueItems, createQueue, createTag, deleteTag, setQueueArchived, updateQueue } from "@/lib/review/manage-queues";
import { rateItem } from "@/lib/review/manage-ratings";
import { loadReviewItem } from "@/lib/review/reviewer-view";
import { addItemsSchema, archiveQueueSchema, createQueueSchema, deleteTagSchema, rateItemSchema, tagSchema, updateQueueSchema } from "@/lib/review/schemas";

/** Every change to a queue or the tags shows on the review pages. */
const REVIEW_PAGES = [{ path: "/review", type: "layout" }] as const;

export const createQueueAction = authorizedAction({ permission: "review:manage", schema: createQueueSchema, revalidate: REVIEW_PAGES }, (input, ctx) =>
  createQueue(userPrincipal(ctx), input),
);

export const addQueueItemsAction = authorizedAction({ permission: "review:manage", schema: addItemsSchema, revalidate: REVIEW_PAGES }, (input, ctx) =>
  addQueueItems(userPrincipal(ctx), input),
);

export const updateQueueAction = authorizedAction({ permission: "review:manage", schema: updateQueueSchema, revalidate: REVIEW_PAGES }, (input, ctx) =>
  updateQueue(userPrincipal(ctx), input),
);

export const archiveQueueAction = authorizedAction({ permission: "review:manage", schema: archiveQueueSchema, revalidate: REVIEW_PAGES }, (input, ctx) =>
  setQueueArchived(userPrincipal(ctx), input),
);

export const createTagAction = authorizedAction({ permission: "review:manage", schema: tagSchema, revalidate: REVIEW_PAGES }, (input, ctx) =>
  createTag(userPrincipal(ctx), input),
);

export const deleteTagAction = authorizedAction({ permission: "review:manage", schema: deleteTagSchema, revalidate: REVIEW_PAGES }, (input, ctx) =>
  deleteTag(userPrincipal(ctx), input),
);

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
