import type { Page } from "@playwright/test";

/** A form's error alert. Next's route announcer is also role="alert" (it reads page titles), so leave it out. */
export function formAlert(page: Page) {
  return page.getByRole("alert").and(page.locator(":not(#__next-route-announcer__)"));
}
