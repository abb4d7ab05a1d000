import type { z } from "zod";
import { AppError } from "@/lib/core/errors";

/** Checks input with a zod schema; invalid input is a 400 naming the bad fields. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
    throw new AppError("bad_request:api", `Invalid input: ${summary}`, { details: { issues } });
  }
  return result.data;
}
