import type { APIRequestContext, Page } from "@playwright/test";

// A real server action, caught on its way out of the studio's own page and replayed by hand: how a test attacks an
// action (another origin, another member's cookie) with the exact id and body the page sends, not a made-up one.

export interface CapturedAction {
  /** The page the action was posted to. */
  url: string;
  id: string;
  body: string;
}

/**
 * Runs `trigger` on the page and catches the first action call whose body contains `bodyHas` (a page may call
 * other actions meanwhile, e.g. previews); the call is aborted, so the studio never receives it.
 */
export async function captureAction(page: Page, bodyHas: string, trigger: () => Promise<void>): Promise<CapturedAction> {
  let resolve!: (captured: CapturedAction) => void;
  const captured = new Promise<CapturedAction>((r) => (resolve = r));
  await page.route("**/*", async (route) => {
    const request = route.request();
    const id = request.headers()["next-action"];
    const body = request.postData() ?? "";
    if (request.method() !== "POST" || id === undefined || !body.includes(bodyHas)) return route.fallback();
    resolve({ url: request.url(), id, body });
    await route.abort();
  });
  await trigger();
  const action = await captured;
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return action;
}

/** Posts a captured action as a browser would, with the request context's cookies and `headers` (an Origin, say). */
export function replayAction(request: APIRequestContext, action: CapturedAction, headers: Record<string, string>) {
  return request.post(action.url, {
    headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", ...headers },
    data: action.body,
  });
}
