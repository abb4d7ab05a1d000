import { z } from "zod";
import { promptBodySchema } from "@/lib/prompts";

// Zod schemas of the serving kernel's boundaries. Client-safe.

/** An editor's unsaved draft, whose variables (its partials' included) the studio derives while the author types. */
export const draftVariablesSchema = z.object({ promptId: z.uuid(), body: promptBodySchema });
