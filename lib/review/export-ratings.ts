import "server-only";
import Papa from "papaparse";
import { getDb } from "@/db";
import type { RatingValue } from "@/db/schema";
import { readJson } from "@/db/sql-dialect";
import type { UserPrincipal } from "@/lib/platform/auth/principal";
import { requirePermission } from "@/lib/platform/auth/policy";
import { criteriaOf, criterionNumber, describeValue } from "./criteria";
import { loadQueue } from "./manage-queues";
import { listRatingsForExport } from "./queries";

// A queue's ratings as a file: one row per rating, attributed to its reviewer, with a column per criterion. Pairwise
// choices are written as stored ("A" = the item's own version, "B" = its pair) plus the winning version, so the
// file is readable without knowing which side each reviewer saw.

export interface ExportedRating {
  item: number;
  sourceType: string;
  sourceId: string;
  prompt: string | null;
  version: number | null;
  model: string;
  pairVersion: number | null;
  pairModel: string | null;
  reviewer: string;
  criteria: Record<string, string>;
  winner: string | null;
  score: number | null;
  comment: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  variables: Record<string, string>;
  output: string;
  pairOutput: string | null;
}

export async function exportQueueRatings(principal: UserPrincipal, { queueId, format }: { queueId: string; format: "csv" | "jsonl" }) {
  requirePermission(principal, "review:manage");
  const db = getDb();
  const queue = await loadQueue(db, principal, queueId, "manage");
  const criteria = criteriaOf(queue.scheme);
  const rows: ExportedRating[] = (await listRatingsForExport(db, { queueId: queue.id })).map((r) => {
    const value = readJson<RatingValue>(r.value);
    const values: Record<string, string> = {};
    for (const c of criteria) {
      const n = criterionNumber(value, c.name);
      if (n !== null) values[c.name] = describeValue(c.scale, n);
    }
    const winner =
      value.type === "pairwise" ? (value.choice === "tie" ? "tie" : `v${value.choice === "A" ? r.version : r.pairVersion}`) : null;
    return {
      item: r.position,
      sourceType: r.sourceType,
      sourceId: r.sourceId,
      prompt: r.promptName,
      version: r.version,
      model: r.modelId,
      pairVersion: r.pairVersion,
      pairModel: r.pairModelId,
      reviewer: r.reviewerEmail,
      criteria: values,
      winner,
      score: r.score,
      comment: r.comment,
      tags: readJson<string[]>(r.tags),
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
      variables: readJson<Record<string, string>>(r.variables),
      output: r.output,
      pairOutput: r.pairOutput,
    };
  });
  const file = `${queue.name.replace(/[^A-Za-z0-9._-]/g, "_")}-ratings.${format}`;
  if (format === "jsonl") return { file, contentType: "application/x-ndjson; charset=utf-8", body: rows.map((r) => `${JSON.stringify(r)}\n`).join("") };
  const pairwise = queue.scheme.type === "pairwise";
  const fields = [
    "item",
    "source_type",
    "source_id",
    "prompt",
    "version",
    "model",
    ...(pairwise ? ["pair_version", "pair_model", "winner"] : []),
    "reviewer",
    ...criteria.map((c) => c.name),
    "score",
    "comment",
    "tags",
    "created_at",
    "updated_at",
    "variables",
    "output",
    ...(pairwise ? ["pair_output"] : []),
  ];
  const data = rows.map((r) => [
    r.item,
    r.sourceType,
    r.sourceId,
    r.prompt ?? "",
    r.version ?? "",
    r.model,
    ...(pairwise ? [r.pairVersion ?? "", r.pairModel ?? "", r.winner ?? ""] : []),
    r.reviewer,
    ...criteria.map((c) => r.criteria[c.name] ?? ""),
    r.score ?? "",
    r.comment,
    r.tags.join(", "),
    r.createdAt,
    r.updatedAt,
    JSON.stringify(r.variables),
    r.output,
    ...(pairwise ? [r.pairOutput ?? ""] : []),
  ]);
  // Formula-looking cells are escaped so a spreadsheet opening the export does not execute them.
  return { file, contentType: "text/csv; charset=utf-8", body: Papa.unparse({ fields, data }, { escapeFormulae: true, newline: "\n" }) + "\n" };
}
