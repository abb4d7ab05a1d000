import { beforeAll, describe, expect, it } from "vitest";
import { revokeApiKey } from "@/lib/platform/api-keys/manage-api-keys";
import { saveVersion, setPromptArchived } from "@/lib/prompts/manage-prompts";
import { addApiKey, addChatPrompt, addTextPrompt, deploy, makeDeliveryWorkspace, type DeliveryWorkspace } from "@/lib/testing/delivery";
import { setUpDeliveryApi } from "@/lib/testing/delivery-api";
import { assertRequestMatchesOpenApi } from "@/lib/testing/openapi-request-validator";
import { assertMatchesOpenApi } from "@/lib/testing/openapi-validator";
import { handleDeliveryRequest } from "./handlers";
import { openApiDocument } from "./openapi";

const api = setUpDeliveryApi();

beforeAll(async () => {
  const triage = await addTextPrompt(api.ws, "support/triage", ["Triage v1 for {{customer}}", "Triage v2 for {{customer}}", "Triage v3 for {{customer}}"], {
    model: "offline:demo",
    temperature: 0.2,
  });
  await deploy(api.ws, { promptId: triage.id, environment: "production", version: 1 });
  await deploy(api.ws, { promptId: triage.id, environment: "staging", version: 2 });
  await deploy(api.ws, { promptId: triage.id, environment: "development", version: 2 });
});

const get = (path: string, call: { key?: string; headers?: Record<string, string>; breaksContract?: true } = { key: api.readKey }) => api.request("GET", path, call);

describe("delivery API authentication", () => {
  it("answers 401 without a key, with a malformed one and with an unknown one", async () => {
    for (const call of [{}, { key: "not-a-key" }, { key: `pos_${"x".repeat(43)}` }]) {
      const response = await get("/api/v1/prompts/support%2Ftriage", call);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(response.body).toMatchObject({ error: { code: "unauthorized:apikey" } });
    }
    expect((await api.request("GET", "/api/v1/prompts")).status).toBe(401);
  });

  it("refuses a key the moment it is revoked, although its lookup is cached", async () => {
    const { id, secret } = await addApiKey(api.ws, "read", "soon revoked");
    expect((await get("/api/v1/prompts/support%2Ftriage", { key: secret })).status).toBe(200);
    expect((await get("/api/v1/prompts/support%2Ftriage", { key: secret })).status).toBe(200);
    await revokeApiKey(api.ws.admin, { apiKeyId: id });
    const response = await get("/api/v1/prompts/support%2Ftriage", { key: secret });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { message: "This API key is not valid or has been revoked." } });
  });

  it("answers 404 for another workspace's prompt, exactly as for one that does not exist", async () => {
    const other = await makeDeliveryWorkspace();
    const theirs = await addTextPrompt(other, "their/secret", ["Theirs"]);
    await deploy(other, { promptId: theirs.id, environment: "production", version: 1 });
    const response = await get("/api/v1/prompts/their%2Fsecret");
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: "not_found:prompt", message: 'No prompt named "their/secret" in this workspace.' } });
  });
});

describe("GET /api/v1/prompts/{name}", () => {
  it("serves what production serves by default, with the contract's fields", async () => {
    const response = await get("/api/v1/prompts/support%2Ftriage");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      name: "support/triage",
      version: 1,
      type: "text",
      template: "Triage v1 for {{customer}}",
      messages: null,
      modelConfig: { model: "offline:demo", temperature: 0.2 },
      variables: ["customer"],
      partials: {},
      environments: ["production"],
      label: "production",
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("serves another environment, a version number and latest, listing every environment serving that version", async () => {
    expect((await get("/api/v1/prompts/support%2Ftriage?label=staging")).body).toMatchObject({ version: 2, label: "staging", environments: ["development", "staging"] });
    expect((await get("/api/v1/prompts/support%2Ftriage?version=3")).body).toMatchObject({ version: 3, label: null, environments: [] });
    expect((await get("/api/v1/prompts/support%2Ftriage?label=latest")).body).toMatchObject({ version: 3, label: "latest", template: "Triage v3 for {{customer}}" });
  });

  it("accepts a name with / as path segments as well as encoded", async () => {
    const segments = await get("/api/v1/prompts/support/triage?label=staging");
    const encoded = await get("/api/v1/prompts/support%2Ftriage?label=staging");
    expect(segments.status).toBe(200);
    expect(segments.body).toEqual(encoded.body);
  });

  it("answers the same through the route handler (next dev, next start) as through the fast path", async () => {
    const viaFastPath = await get("/api/v1/prompts/support%2Ftriage?label=staging");
    for (const path of ["/api/v1/prompts/support%2Ftriage?label=staging", "/api/v1/prompts/support/triage?label=staging"]) {
      assertRequestMatchesOpenApi({ method: "GET", rawUrl: path });
      const request = (headers: Record<string, string> = {}) =>
        handleDeliveryRequest(new Request(`http://studio.test${path}`, { headers: { authorization: `Bearer ${api.readKey}`, ...headers } }), api.state);
      const response = await request();
      const body: unknown = await response.json();
      assertMatchesOpenApi({ method: "GET", rawPath: path.split("?")[0]!, status: response.status, body });
      expect(body).toEqual(viaFastPath.body);
      expect(response.headers.get("etag")).toBe(viaFastPath.headers.get("etag"));
      expect((await request({ "if-none-match": response.headers.get("etag")! })).status).toBe(304);
    }
  });

  it("answers 304 to a matching If-None-Match and a new ETag once the content changes", async () => {
    const first = await get("/api/v1/prompts/support%2Ftriage?label=development");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await get("/api/v1/prompts/support%2Ftriage?label=development", { key: api.readKey, headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get("etag")).toBe(etag);
    expect((await get("/api/v1/prompts/support%2Ftriage?label=development", { key: api.readKey, headers: { "if-none-match": `"other", W/${etag}` } })).status).toBe(304);

    const prompt = await addTextPrompt(api.ws, "etag/moves", ["one", "two"]);
    await deploy(api.ws, { promptId: prompt.id, environment: "development", version: 1 });
    const before = await get("/api/v1/prompts/etag%2Fmoves?label=development");
    await deploy(api.ws, { promptId: prompt.id, environment: "development", version: 2 });
    const after = await get("/api/v1/prompts/etag%2Fmoves?label=development", { key: api.readKey, headers: { "if-none-match": before.headers.get("etag")! } });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ version: 2, template: "two" });
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
  });

  it("says which label is not an environment and which environment serves nothing", async () => {
    const unknown = await get("/api/v1/prompts/support%2Ftriage?label=prod");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: "not_found:environment", message: expect.stringContaining('"prod" is not an environment') } });

    const draft = await addTextPrompt(api.ws, "drafts/only", ["draft"]);
    const undeployed = await get("/api/v1/prompts/drafts%2Fonly");
    expect(undeployed.status).toBe(404);
    expect(undeployed.body).toMatchObject({ error: { code: "not_found:deployment", message: 'Production (production) serves no version of "drafts/only".' } });
    expect((await get("/api/v1/prompts/drafts%2Fonly?label=latest")).status).toBe(200);
    expect((await get(`/api/v1/prompts/drafts%2Fonly?version=9`)).body).toMatchObject({ error: { message: '"drafts/only" has no version 9.' } });
    expect(draft.name).toBe("drafts/only");
  });

  it("refuses label with version, unknown and repeated parameters, and bad versions with 400", async () => {
    // Label with version breaks a rule between parameters, which the document states in words; its schemas refuse the rest.
    const both = await get("/api/v1/prompts/support%2Ftriage?label=staging&version=1");
    expect(both.status).toBe(400);
    expect(both.body).toMatchObject({ error: { code: "bad_request:api", message: expect.stringContaining("either label or version") } });
    for (const query of ["lable=staging", "label=staging&label=production", "version=0", "version=two", "label="]) {
      const response = await get(`/api/v1/prompts/support%2Ftriage?${query}`, { key: api.readKey, breaksContract: true });
      expect(response.status, query).toBe(400);
      expect(response.body).toMatchObject({ error: { code: "bad_request:api" } });
    }
  });

  it("refuses a name longer than any prompt's with 400, when fetching and when rendering", async () => {
    const long = "n".repeat(201);
    const fetched = await get(`/api/v1/prompts/${long}`, { key: api.readKey, breaksContract: true });
    expect(fetched.status).toBe(400);
    expect(fetched.body).toMatchObject({ error: { code: "bad_request:api", message: expect.stringContaining("200") } });
    const rendered = await api.request("POST", `/api/v1/prompts/${long}/render`, { key: api.readKey, body: {}, breaksContract: true });
    expect(rendered.status).toBe(400);
    expect((await get(`/api/v1/prompts/${"n".repeat(200)}`)).status).toBe(404);
  });

  it("does not serve an archived prompt", async () => {
    const prompt = await addTextPrompt(api.ws, "old/retired", ["bye"]);
    await deploy(api.ws, { promptId: prompt.id, environment: "staging", version: 1 });
    expect((await get("/api/v1/prompts/old%2Fretired?label=staging")).status).toBe(200);
    await setPromptArchived(api.ws.editor, { promptId: prompt.id, archived: true });
    expect((await get("/api/v1/prompts/old%2Fretired?label=staging")).status).toBe(404);
  });
});

describe("partials", () => {
  let pw: DeliveryWorkspace;
  let pkey: string;
  beforeAll(async () => {
    pw = await makeDeliveryWorkspace();
    pkey = (await addApiKey(pw, "read")).secret;
    const greeting = await addTextPrompt(pw, "shared/greeting", ["Hello {{name}}", "Hi {{name}}, {{> shared/sign-off}}"]);
    const signOff = await addTextPrompt(pw, "shared/sign-off", ["Regards, {{agent}}"]);
    await deploy(pw, { promptId: greeting.id, environment: "production", version: 1 });
    await deploy(pw, { promptId: greeting.id, environment: "staging", version: 2 });
    await deploy(pw, { promptId: signOff.id, environment: "staging", version: 1 });
    await deploy(pw, { promptId: signOff.id, environment: "production", version: 1 });
    const reply = await addTextPrompt(pw, "support/reply", ["Start: {{> shared/greeting}}\nAbout {{topic}}. {{> shared/greeting@staging}} {{> shared/sign-off@1}}"]);
    await deploy(pw, { promptId: reply.id, environment: "production", version: 1 });
    await deploy(pw, { promptId: reply.id, environment: "staging", version: 1 });
    await addTextPrompt(pw, "broken/includes", ["{{> shared/sign-off}}"]);
    await addChatPrompt(pw, "chat/assistant", [
      { role: "system", content: "{{> shared/greeting@1}} You help with {{product}}." },
      { role: "user", content: "{{question}}" },
    ]);
  });

  it("resolves bare partials in the requested environment and pinned ones where they point, recursively", async () => {
    const production = await api.request("GET", "/api/v1/prompts/support/reply", { key: pkey });
    expect(production.status).toBe(200);
    expect(production.body).toMatchObject({
      partials: {
        "shared/greeting": "Hello {{name}}",
        "shared/greeting@staging": "Hi {{name}}, {{> shared/sign-off}}",
        "shared/sign-off": "Regards, {{agent}}",
        "shared/sign-off@1": "Regards, {{agent}}",
      },
      variables: ["topic", "name", "agent"],
    });
  });

  it("reads bare partials at the latest version for latest and version requests", async () => {
    const latest = await api.request("GET", "/api/v1/prompts/broken%2Fincludes?label=latest", { key: pkey });
    expect(latest.body).toMatchObject({ partials: { "shared/sign-off": "Regards, {{agent}}" } });
    const pinned = await api.request("GET", "/api/v1/prompts/broken%2Fincludes?version=1", { key: pkey });
    expect(pinned.body).toMatchObject({ partials: { "shared/sign-off": "Regards, {{agent}}" } });
  });

  it("names a partial that does not exist or that the environment it is read in does not serve", async () => {
    const missing = await addTextPrompt(pw, "needs/missing", ["{{> shared/nowhere}}"]);
    await deploy(pw, { promptId: missing.id, environment: "staging", version: 1 });
    const unknown = await api.request("GET", "/api/v1/prompts/needs%2Fmissing?label=staging", { key: pkey });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: { code: "bad_request:template", message: expect.stringContaining('Unknown partial "shared/nowhere"') } });

    const undeployed = await addTextPrompt(pw, "needs/undeployed", ["{{> shared/greeting@development}}"]);
    await deploy(pw, { promptId: undeployed.id, environment: "staging", version: 1 });
    const notServed = await api.request("GET", "/api/v1/prompts/needs%2Fundeployed?label=staging", { key: pkey });
    expect(notServed.status).toBe(400);
    expect(notServed.body).toMatchObject({
      error: { message: 'Partial "shared/greeting@development" cannot be included: Development (development) serves no version of "shared/greeting".' },
    });
  });

  it("renders text with partials and answers 400 naming a missing variable", async () => {
    const rendered = await api.request("POST", "/api/v1/prompts/support%2Freply/render", {
      key: pkey,
      body: { label: "staging", variables: { name: "Ada", topic: "billing", agent: "Sam" } },
    });
    expect(rendered.status).toBe(200);
    expect(rendered.body).toEqual({
      name: "support/reply",
      version: 1,
      type: "text",
      text: "Start: Hi Ada, Regards, Sam\nAbout billing. Hi Ada, Regards, Sam Regards, Sam",
    });
    const missing = await api.request("POST", "/api/v1/prompts/support/reply/render", { key: pkey, body: { variables: { name: "Ada", agent: "Sam" } } });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { code: "bad_request:template", message: expect.stringContaining('Missing variable "topic"') } });
  });

  it("renders every message of a chat prompt", async () => {
    const rendered = await api.request("POST", "/api/v1/prompts/chat%2Fassistant/render", {
      key: pkey,
      body: { label: "latest", variables: { name: "Ada", product: "invoices", question: "Where is my refund?" } },
    });
    expect(rendered.body).toEqual({
      name: "chat/assistant",
      version: 1,
      type: "chat",
      messages: [
        { role: "system", content: "Hello Ada You help with invoices." },
        { role: "user", content: "Where is my refund?" },
      ],
    });
    const chat = await api.request("GET", "/api/v1/prompts/chat%2Fassistant?label=latest", { key: pkey });
    expect(chat.body).toMatchObject({ type: "chat", template: null, variables: ["product", "question", "name"], partials: { "shared/greeting@1": "Hello {{name}}" } });
  });

  it("renders a prompt again from the plan of its first render: other variables, and a missing one named with its message", async () => {
    const render = (variables: Record<string, string>) =>
      api.request("POST", "/api/v1/prompts/chat%2Fassistant/render", { key: pkey, body: { label: "latest", variables } });
    const first = await render({ name: "Ada", product: "invoices", question: "Where is my refund?" });
    expect(first.status).toBe(200);
    const again = await render({ name: "Lin", product: "exports", question: "Why CSV?" });
    expect(again.body).toMatchObject({
      messages: [
        { role: "system", content: "Hello Lin You help with exports." },
        { role: "user", content: "Why CSV?" },
      ],
    });
    const missing = await render({ name: "Lin", product: "exports" });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      error: { code: "bad_request:template", message: 'User message, line 1, column 1: Missing variable "question"' },
    });
    // The first render's answer was not changed by the later ones (a plan holds no variables).
    expect(first.body).toMatchObject({ messages: [{ content: "Hello Ada You help with invoices." }, { content: "Where is my refund?" }] });
  });

  it("refuses a render body that is not JSON or has unknown fields", async () => {
    const notJson = await api.request("POST", "/api/v1/prompts/support%2Freply/render", { key: pkey, rawBody: "{oops", breaksContract: true });
    expect(notJson.body).toEqual({ error: { code: "bad_request:api", message: "The request body must be JSON." } });
    const unknownField = await api.request("POST", "/api/v1/prompts/support%2Freply/render", { key: pkey, body: { vars: {} }, breaksContract: true });
    expect(unknownField.status).toBe(400);
  });
});

describe("GET /api/v1/prompts", () => {
  let lw: DeliveryWorkspace;
  let lkey: string;
  beforeAll(async () => {
    lw = await makeDeliveryWorkspace();
    lkey = (await addApiKey(lw, "read")).secret;
    for (const name of ["alpha", "beta", "gamma/one", "gamma/two", "delta"]) {
      const prompt = await addTextPrompt(lw, name, [`${name} v1`, `${name} v2`]);
      if (name.startsWith("gamma")) await deploy(lw, { promptId: prompt.id, environment: "staging", version: 1 });
    }
    await addTextPrompt(lw, "empty", []);
  });

  it("pages through active prompts by name with their latest version and what each environment serves", async () => {
    const first = await api.request("GET", "/api/v1/prompts?pageSize=2", { key: lkey });
    expect(first.body).toEqual({
      items: [
        { name: "alpha", type: "text", description: "About alpha", tags: ["test"], latestVersion: 2, environments: {} },
        { name: "beta", type: "text", description: "About beta", tags: ["test"], latestVersion: 2, environments: {} },
      ],
      page: 1,
      pageSize: 2,
      total: 6,
    });
    const last = await api.request("GET", "/api/v1/prompts?pageSize=2&page=3", { key: lkey });
    expect(last.body).toMatchObject({ items: [{ name: "gamma/one", environments: { staging: 1 } }, { name: "gamma/two" }], page: 3 });
    const middle = await api.request("GET", "/api/v1/prompts?page=2&pageSize=2", { key: lkey });
    expect(middle.body).toMatchObject({ items: [{ name: "delta" }, { name: "empty", latestVersion: null }], page: 2, total: 6 });
    const beyond = await api.request("GET", "/api/v1/prompts?page=2", { key: lkey });
    expect(beyond.body).toEqual({ items: [], page: 2, pageSize: 50, total: 6 });
  });

  it("filters by environment and search, and refuses bad paging", async () => {
    expect((await api.request("GET", "/api/v1/prompts?label=staging", { key: lkey })).body).toMatchObject({ total: 2 });
    expect((await api.request("GET", "/api/v1/prompts?q=delta", { key: lkey })).body).toMatchObject({ total: 1, items: [{ name: "delta" }] });
    expect((await api.request("GET", "/api/v1/prompts?label=nowhere", { key: lkey })).status).toBe(404);
    expect((await api.request("GET", "/api/v1/prompts?pageSize=500", { key: lkey, breaksContract: true })).status).toBe(400);
  });

  it("answers 304 when the list has not changed", async () => {
    const first = await api.request("GET", "/api/v1/prompts", { key: lkey });
    const again = await api.request("GET", "/api/v1/prompts", { key: lkey, headers: { "if-none-match": first.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });
});

describe("GET /api/v1/prompts from memory", () => {
  it("serves a repeated list from memory, and shows a new prompt, a new version and a deployment at the next request", async () => {
    const ws = await makeDeliveryWorkspace();
    const key = (await addApiKey(ws, "read")).secret;
    const list = async () => (await api.request("GET", "/api/v1/prompts", { key })).body as { total: number; items: { name: string; latestVersion: number | null; environments: Record<string, number> }[] };
    const alpha = await addTextPrompt(ws, "alpha", ["a v1"]);
    expect(await list()).toMatchObject({ total: 1, items: [{ name: "alpha", latestVersion: 1, environments: {} }] });
    // The answer is kept, under this workspace and query as sent.
    expect(api.state.lists.get(`${ws.workspaceId} `)).toBeDefined();
    // A prompt with no version yet: only the prompts row is written.
    await addTextPrompt(ws, "beta", []);
    expect(await list()).toMatchObject({ total: 2, items: [{ name: "alpha" }, { name: "beta", latestVersion: null }] });
    await saveVersion(ws.editor, { promptId: alpha.id, body: { type: "text", template: "a v2" }, modelConfig: {}, commitMessage: "v2", expectedParentVersion: 1 });
    expect((await list()).items[0]).toMatchObject({ name: "alpha", latestVersion: 2 });
    await deploy(ws, { promptId: alpha.id, environment: "staging", version: 2 });
    expect((await list()).items[0]).toMatchObject({ environments: { staging: 2 } });
    await setPromptArchived(ws.editor, { promptId: alpha.id, archived: true });
    expect(await list()).toMatchObject({ total: 1, items: [{ name: "beta" }] });
  });

  it("never answers one workspace's key with another's list, though both asked the same query", async () => {
    const [one, two] = [await makeDeliveryWorkspace(), await makeDeliveryWorkspace()];
    await addTextPrompt(one, "only-in-one", ["x"]);
    const [keyOne, keyTwo] = [(await addApiKey(one, "read")).secret, (await addApiKey(two, "read")).secret];
    expect((await api.request("GET", "/api/v1/prompts?pageSize=5", { key: keyOne })).body).toMatchObject({ total: 1 });
    expect((await api.request("GET", "/api/v1/prompts?pageSize=5", { key: keyTwo })).body).toMatchObject({ total: 0, items: [] });
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("serves the OpenAPI 3.1 document without a key", async () => {
    const response = await api.request("GET", "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    expect(response.body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(response.body).toMatchObject({ openapi: "3.1.0" });
  });
});
