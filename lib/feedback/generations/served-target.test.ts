// The version a generation names is kept under the delivery epoch (served-target.ts): what it records follows a
// deployment, a new version, an archived prompt at once, as the delivery API's reads do.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { generations } from "@/db/schema";
import { saveVersion, setPromptArchived } from "@/lib/prompts/manage-prompts";
import { addTextPrompt, deploy } from "@/lib/testing/delivery";
import { setUpDeliveryApi } from "@/lib/testing/delivery-api";

const api = setUpDeliveryApi();

const report = (body: Record<string, unknown>) => api.request("POST", "/api/v1/generations", { key: api.writeKey, body: { prompt: "cached/prompt", output: "x", ...body } });

describe("the version a generation names, kept under the delivery epoch", () => {
  it("follows deployments, new versions and archiving as soon as they commit", async () => {
    const prompt = await addTextPrompt(api.ws, "cached/prompt", ["One {{a}}", "Two {{a}}"]);
    await deploy(api.ws, { promptId: prompt.id, environment: "production", version: 1 });
    expect((await report({ label: "production" })).body).toMatchObject({ version: 1 });
    expect((await report({ label: "production" })).body).toMatchObject({ version: 1 });

    await deploy(api.ws, { promptId: prompt.id, environment: "production", version: 2 });
    const moved = await report({ label: "production" });
    expect(moved.body).toMatchObject({ version: 2 });
    const row = await first(getDb().select().from(generations).where(eq(generations.id, (moved.body as { id: string }).id)));
    expect(row).toMatchObject({ version: 2, promptId: prompt.id });
    expect(row?.environmentId).not.toBeNull();

    expect((await report({ version: 3 })).status).toBe(404);
    await saveVersion(api.ws.editor, { promptId: prompt.id, body: { type: "text", template: "Three {{a}}" }, modelConfig: {}, commitMessage: "v3", expectedParentVersion: 2 });
    expect((await report({ version: 3 })).body).toMatchObject({ version: 3 });

    await setPromptArchived(api.ws.editor, { promptId: prompt.id, archived: true });
    expect((await report({ label: "production" })).status).toBe(404);
    expect((await report({ version: 3 })).status).toBe(404);
  });
});
