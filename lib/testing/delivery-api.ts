// The delivery API over real HTTP for a test file, with a workspace and its API keys: what the delivery, generations
// and eval API tests each need before their first test.
import { afterAll, beforeAll } from "vitest";
import type { AuthContext } from "@/lib/platform/auth/context";
import { createApiKey } from "@/lib/platform/api-keys/manage-api-keys";
import { makeDeliveryWorkspace, type DeliveryWorkspace } from "./delivery";
import { startDeliveryServer, type TestDeliveryServer } from "./delivery-server";

export interface DeliveryApi<Workspace> extends Pick<TestDeliveryServer, "baseUrl" | "state" | "request"> {
  ws: Workspace;
  /** The secret of a read key of the workspace's admin. */
  readKey: string;
  /** The secret of a read-write key of the workspace's admin. */
  writeKey: string;
  writeKeyId: string;
}

/**
 * Before the file's tests: a delivery server, the workspace `workspace` makes, and a read key and a read-write key
 * made by the admin it names (`writeKeyName` is the read-write key's name, which audit entries quote). After them,
 * the server closes. The fields are filled in beforeAll, so read them inside tests and hooks.
 */
export function setUpDeliveryApiFor<Workspace>(
  workspace: () => Promise<{ ws: Workspace; admin: AuthContext }> | { ws: Workspace; admin: AuthContext },
  { writeKeyName = "read-write key" }: { writeKeyName?: string } = {},
): DeliveryApi<Workspace> {
  const api = {} as DeliveryApi<Workspace>;
  let server: TestDeliveryServer | undefined;
  beforeAll(async () => {
    server = await startDeliveryServer();
    const { ws, admin } = await workspace();
    const readKey = await createApiKey(admin, { name: "read key", scope: "read" });
    const writeKey = await createApiKey(admin, { name: writeKeyName, scope: "read-write" });
    Object.assign(api, { baseUrl: server.baseUrl, state: server.state, request: server.request, ws, readKey: readKey.secret, writeKey: writeKey.secret, writeKeyId: writeKey.id });
  });
  afterAll(async () => {
    await server?.close();
  });
  return api;
}

/** setUpDeliveryApiFor with a delivery workspace (admin, editor and lead); addTextPrompt and deploy add what it serves. */
export function setUpDeliveryApi(options: { writeKeyName?: string } = {}): DeliveryApi<DeliveryWorkspace> {
  return setUpDeliveryApiFor(async () => {
    const ws = await makeDeliveryWorkspace();
    return { ws, admin: ws.admin };
  }, options);
}
