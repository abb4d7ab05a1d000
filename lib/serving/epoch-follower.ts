import "server-only";
import type { PoolClient } from "pg";
import { eq } from "drizzle-orm";
import { getDb, getPostgresPool, type DbOrTx } from "@/db";
import { first } from "@/db/first";
import { deliveryState } from "@/db/schema";
import { afterEveryWrite } from "@/db/transaction";
import { onShutdown } from "@/lib/platform/ops/shutdown";

/** How often the epoch is read even without a notification: the bound on staleness if one is lost (a reconnect). */
export const EPOCH_POLL_MS = 1_000;

/** The epoch row as `db` (a connection, or a transaction's snapshot) sees it. */
export async function readEpochRow(db: DbOrTx): Promise<number> {
  return (await first(db.select({ epoch: deliveryState.epoch }).from(deliveryState).where(eq(deliveryState.id, 1))))?.epoch ?? 0;
}

export interface EpochFollower {
  /** The newest epoch this process knows of; until the first is known, a new value each call, so nothing is cached. */
  current(): number;
  /** An epoch read from the database (a snapshot, a commit of this process): never moves the known one back. */
  learn(epoch: number): void;
  stop(): void;
}

/**
 * Follows the delivery epoch on Postgres, where several studio processes share one database: each process LISTENs
 * on `delivery_epoch`, which the epoch trigger NOTIFYs at commit, and also reads the row every EPOCH_POLL_MS. So a
 * process learns of an approval made through another within one notification, and at worst within a second.
 */
function follow(): EpochFollower {
  let known: number | null = null;
  let unknown = 0;
  let stopped = false;
  const learn = (epoch: number) => {
    if (Number.isFinite(epoch) && (known === null || epoch > known)) known = epoch;
  };

  // The LISTEN needs a connection of its own, held for as long as the process follows; a lost one is let go and
  // the next poll opens another.
  let listener: PoolClient | null = null;
  let connecting = false;
  const letGo = () => {
    listener?.release(true);
    listener = null;
  };
  const listen = async () => {
    if (listener || connecting || stopped) return;
    connecting = true;
    let client: PoolClient | null = null;
    try {
      client = await getPostgresPool().connect();
      client.on("notification", (message) => message.channel === "delivery_epoch" && learn(Number(message.payload)));
      client.once("error", letGo);
      await client.query("LISTEN delivery_epoch");
      listener = client;
    } catch {
      client?.release(true);
    } finally {
      connecting = false;
    }
  };
  const poll = async () => {
    try {
      learn(await readEpochRow(getDb()));
    } catch {
      // The database is unreachable for now; the next poll tries again, and requests fail on their own queries.
    }
    await listen();
  };
  void poll();
  // This process's own changes are known the moment its transaction commits (a failed read is left to the poll).
  afterEveryWrite(async () => {
    if (!stopped) await poll().catch(() => undefined);
  });
  const timer = setInterval(() => void poll(), EPOCH_POLL_MS);
  timer.unref();

  return {
    current: () => known ?? -++unknown,
    learn,
    stop: () => {
      stopped = true;
      clearInterval(timer);
      letGo();
    },
  };
}

const shared = globalThis as unknown as { studioEpochFollower?: EpochFollower };

/** This process's follower, started on first use (both copies of lib/ under server.ts share it). */
export function epochFollower(): EpochFollower {
  if (!shared.studioEpochFollower) {
    const follower = follow();
    shared.studioEpochFollower = follower;
    // The graceful shutdown gives its connection back before the pool closes.
    onShutdown("epoch-follower", () => follower.stop());
  }
  return shared.studioEpochFollower;
}
