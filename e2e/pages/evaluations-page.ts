import { expect, type Page } from "@playwright/test";

/** The Evaluations pages: the runs list, the New evaluation form and a run's page. */
export class EvaluationsPage {
  constructor(readonly page: Page) {}

  async openNew() {
    await this.page.goto("/evaluations");
    await this.page.getByRole("button", { name: "New evaluation" }).click();
    await expect(this.page.getByRole("heading", { name: "New evaluation" })).toBeVisible();
  }

  form() {
    return this.page.getByRole("form", { name: "New evaluation" });
  }

  /** Replaces the prefilled scorers with one `contains` scorer. */
  async useContainsScorer(value: string) {
    const form = this.form();
    while ((await form.getByRole("button", { name: /^Remove scorer/ }).count()) > 0) {
      await form.getByRole("button", { name: /^Remove scorer/ }).first().click();
    }
    await form.getByRole("combobox", { name: "New scorer type" }).selectOption("contains");
    await form.getByRole("button", { name: "Add scorer" }).click();
    await form.getByRole("group", { name: "Scorer 1" }).getByRole("textbox", { name: "Value" }).fill(value);
  }

  progress() {
    return this.page.getByRole("progressbar", { name: "Evaluation progress" });
  }
}
