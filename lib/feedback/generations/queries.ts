import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { generationFeedback, generations, type Generation } from "@/db/schema";

export function findGenerationById(tx: DbOrTx, { generationId }: { generationId: string }): Generation | undefined {
  return tx.select().from(generations).where(eq(generations.id, generationId)).get();
}

/** A prompt's most recent generations with their end-user feedback (newest first). */
export function listRecentGenerations(tx: DbOrTx, { workspaceId, promptId, limit = 50 }: { workspaceId: string; promptId: string; limit?: number }) {
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
    .limit(limit)
    .all();
}
