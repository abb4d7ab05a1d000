import { afterAll, beforeAll } from "vitest";
import type { AuthContext } from "@/lib/platform/auth/context";
import type { UserPrincipal } from "@/lib/platform/auth/principal";
import { startOptimizationWorker, stopOptimizationWorker } from "@/lib/optimizer/worker";
import { setUpDeliveryApiFor, type DeliveryApi } from "./delivery-api";
import { makeTicketWorkspace } from "./optimizer";

export type TicketWorkspace = Awaited<ReturnType<typeof makeTicketWorkspace>>;

/** The signed-in context of a member principal, as createApiKey takes it. */
export function contextOf(workspace: TicketWorkspace["workspace"], principal: UserPrincipal): AuthContext {
  return {
    user: principal.user,
    sessionId: "test-session",
    workspaceId: workspace.id,
    workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug, isDemo: false },
    role: principal.role,
    workspaces: [],
  };
}

/**
 * The optimization endpoints of the delivery API for a test file, as the CLI and CI reach them: a ticket-triage
 * workspace (makeTicketWorkspace: the "ticket-triage" prompt on the offline simulated task and a 120-case labelled
 * dataset), its admin's read and read-write keys, and the optimization worker running in this process.
 */
export function setUpOptimizerApi(): DeliveryApi<TicketWorkspace> {
  const api = setUpDeliveryApiFor(async () => {
    const ws = await makeTicketWorkspace();
    return { ws, admin: contextOf(ws.workspace, ws.admin) };
  });
  beforeAll(() => {
    startOptimizationWorker({ pollMs: 50, heartbeatMs: 200 });
  });
  afterAll(async () => {
    await stopOptimizationWorker();
  });
  return api;
}

/** A start request on the simulated task within a small budget, as the tests send it. */
export function ticketOptimizationBody(ws: TicketWorkspace, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    prompt: "ticket-triage",
    dataset: ws.dataset.name,
    taskModelId: "offline:ticket-triage",
    proposerModelId: "offline:demo",
    budget: { candidates: 16, modelCalls: 5_000, costUsd: 10, wallMinutes: 10 },
    seed: 1,
    concurrency: 16,
    ...overrides,
  };
}
