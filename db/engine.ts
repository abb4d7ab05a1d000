// Which database engine DATABASE_URL names: `postgres://…` (or `postgresql://…`) is PostgreSQL, anything else a
// SQLite file path (`file:` prefix allowed), the default for a newcomer's `npm run demo`.

export type Engine = "sqlite" | "postgres";

export function engineOf(url: string | undefined): Engine {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url.trim()) ? "postgres" : "sqlite";
}
