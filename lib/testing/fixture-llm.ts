import { afterAll, beforeAll } from "vitest";
import { startFixtureLlmServer, type FixtureLlmServer } from "@/e2e/fixtures/llm-server";

/**
 * A fixture LLM server for the test file: started before its tests and closed after them. What it returns reads
 * through to the running server, so use it inside tests and hooks (its fields are not there while the file loads).
 */
export function setUpFixtureLlmServer(options: Parameters<typeof startFixtureLlmServer>[0] = {}): FixtureLlmServer {
  let started: FixtureLlmServer | undefined;
  beforeAll(async () => {
    started = await startFixtureLlmServer(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  const server = () => {
    if (!started) throw new Error("The fixture LLM server starts in beforeAll: read it inside a test or a hook.");
    return started;
  };
  return {
    get url() {
      return server().url;
    },
    get port() {
      return server().port;
    },
    get requests() {
      return server().requests;
    },
    get aborted() {
      return server().aborted;
    },
    get byPrompt() {
      return server().byPrompt;
    },
    close: () => server().close(),
  };
}
