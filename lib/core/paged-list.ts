import { z } from "zod";

/** One page of a list as the API answers it: the items, which page, the page's size and how many there are in all. */
export function pagedListSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    total: z.number().int().min(0),
  });
}
