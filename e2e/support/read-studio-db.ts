// What deployments and versions the studio stored, read from its database file (e2e/support/studio-db.ts).
import { readStudioDb } from "./studio-db";

export { readStudioDb };

export interface StoredDeployment {
  kind: string;
  from_version: number | null;
  to_version: number;
  comment: string;
}

/** One prompt's moves in one environment (by slug), newest first. */
export function storedDeployments(promptName: string, environmentSlug: string): StoredDeployment[] {
  return readStudioDb((db) =>
    db
      .prepare(
        `select d.kind, d.from_version, d.to_version, d.comment from deployments d
         join prompts p on p.id = d.prompt_id join environments e on e.id = d.environment_id
         where p.name = ? and e.slug = ? order by d.created_at desc`,
      )
      .all(promptName, environmentSlug) as StoredDeployment[],
  );
}

/** What the environment's pointer says it serves (null for nothing). */
export function storedServedVersion(promptName: string, environmentSlug: string): number | null {
  return readStudioDb((db) => {
    const row = db
      .prepare(
        `select ep.version from environment_pointers ep join prompts p on p.id = ep.prompt_id
         join environments e on e.id = ep.environment_id where p.name = ? and e.slug = ?`,
      )
      .get(promptName, environmentSlug) as { version: number } | undefined;
    return row?.version ?? null;
  });
}

export interface StoredVersion {
  version: number;
  template: string | null;
  model_config: string;
  commit_message: string;
}

/** Every stored version of a prompt, oldest first. */
export function storedVersions(promptName: string): StoredVersion[] {
  return readStudioDb(
    (db) =>
      db
        .prepare(
          `select v.version, v.template, v.model_config, v.commit_message from prompt_versions v
           join prompts p on p.id = v.prompt_id where p.name = ? order by v.version`,
        )
        .all(promptName) as StoredVersion[],
  );
}

/** The `after` JSON of the newest audit entry with this action about the prompt. */
export function storedAuditAfter(promptName: string, action: string): Record<string, unknown> | null {
  return readStudioDb((db) => {
    const row = db
      .prepare(
        `select a.after from audit_log a join prompts p on p.id = a.object_id where p.name = ? and a.action = ? order by a.created_at desc limit 1`,
      )
      .get(promptName, action) as { after: string | null } | undefined;
    return row?.after ? (JSON.parse(row.after) as Record<string, unknown>) : null;
  });
}
