import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { first } from "@/db/first";
import { generationFeedback, generations, type Generation } from "@/db/schema";

export async function findGenerationById(tx: DbOrTx, { generationId }: { generationId: string }): Promise<Generation | undefined> {
  return first(tx.select().from(generations).where(eq(generations.id, generationId)));
}

/** A prompt's most recent generations with their end-user feedback (newest first). */
export async function listRecentGenerations(tx: DbOrTx, { workspaceId, promptId, limit = 50 }: { workspaceId: string; promptId: string; limit?: number }) {
  return tx
    .select({
      id: generations.id,
      version: generations.version,
      modelId: generations.modelId,
      output: generations.output,
      latencyMs: generations.latencyMs,
      createdAt: generations.createdAt,
      feedbackScore: generationFeedback.score,
      feedbackComment: generationFeedback.comment,
    })
    .from(generations)
    .leftJoin(generationFeedback, eq(generationFeedback.generationId, generations.id))
    .where(and(eq(generations.workspaceId, workspaceId), eq(generations.promptId, promptId)))
    .orderBy(desc(generations.createdAt))
    .limit(limit);
}
