import { queryStudioDb } from "./support/studio-db";
import { expect, test } from "./support/test";

// The pages' own parameters at their most hostile: every page that takes an id or a query hands it to a feature's
// loader, which must answer a clear 404 (unknown, foreign, malformed) or clamp it (page numbers), quickly, without a
// server error, and leave the server healthy.

const ODD_IDS = ["x", "00000000-0000-4000-8000-000000000000", "%00", "%E2%80%AE%F0%9F%92%A9", "..%2F..%2Fetc%2Fpasswd", "a".repeat(2000), "%zz"];

test("detail pages answer 404 for unknown, malformed and huge ids, each within a second", async ({ pageAs }) => {
  const page = await pageAs("editor");
  const pages = (id: string) => [`/datasets/${id}`, `/review/${id}`, `/prompts/${id}`];
  // A page's first request in a fresh server loads its code (one CI run measured 1.15 s for it): that is start-up,
  // not the attack, so each page is loaded once before the hostile ids are timed.
  for (const path of pages("warm-up")) expect((await page.request.get(path, { maxRedirects: 0 })).status()).toBe(404);
  for (const id of ODD_IDS) {
    for (const path of pages(id)) {
      const started = Date.now();
      const response = await page.request.get(path, { maxRedirects: 0 });
      // Next answers a path it cannot decode (%zz, a cut %-escape) with its own 400 before any page runs.
      expect([400, 404], `${path.slice(0, 60)} answered ${response.status()}`).toContain(response.status());
      expect(Date.now() - started, path.slice(0, 60)).toBeLessThan(1_000);
    }
  }
  expect((await page.request.get("/api/health")).status()).toBe(200);
});

test("a dataset's page clamps any page number to the pages there are", async ({ pageAs }) => {
  const page = await pageAs("editor");
  const [dataset] = queryStudioDb<{ id: string }>("select id from datasets where name = 'tagline-smoke'");
  for (const value of ["-5", "0", "abc", "1e309", "99999999999", "1".repeat(500)]) {
    const response = await page.goto(`/datasets/${dataset!.id}?page=${value}`);
    expect(response?.status(), `page=${value.slice(0, 20)}`).toBe(200);
    await expect(page.getByRole("heading", { name: "tagline-smoke" })).toBeVisible();
    // Five cases: one page, so no pager and every case listed.
    await expect(page.getByRole("navigation", { name: "Case pages" })).toHaveCount(0);
  }
});

test("pages that filter by a prompt treat an unknown or huge one as no match, not as an error", async ({ pageAs }) => {
  const page = await pageAs("editor");
  // Past the server's 16 KiB cap on the request line and headers, the page is never reached: a 431 that says why.
  const tooLong = await page.request.get(`/playground?prompt=${encodeURIComponent("ü".repeat(3000))}`);
  expect(tooLong.status()).toBe(431);
  expect((await tooLong.json()) as { code: string }).toMatchObject({ code: "headers_too_large:api" });
  // Under it, the loader gets the whole (long, non-ASCII) name and finds no such prompt.
  const huge = encodeURIComponent("ü".repeat(1000));
  let response = await page.goto(`/playground?prompt=${huge}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: /No prompt named/ })).toBeVisible();
  response = await page.goto(`/dashboard/ratings?prompt=${huge}&version=-1&day=%zz&cursor=${huge}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Rated items", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No rated items match" })).toBeVisible();
  expect((await page.request.get("/api/health")).status()).toBe(200);
});
