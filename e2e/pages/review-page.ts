import { expect, type Page } from "@playwright/test";
import { DEMO_USERS, type DemoRole } from "../support/env";

export interface NewQueue {
  name: string;
  scheme: "Thumbs up/down" | "1–5 scale" | "Rubric (named criteria)" | RegExp;
  reviewers: DemoRole[];
  /** Further assignees by email (members created by the test). */
  reviewerEmails?: string[];
  /** Label of the evaluation to take items from (partial match); otherwise any evaluation. */
  evaluation?: RegExp;
  prompt?: string;
  version?: string;
  limit?: number;
  reviewersPerItem?: number;
}

/** The Review pages: queues, the New queue form, the rating screen and a queue's overview. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  /** Creates a queue from evaluation results and lands on its overview; returns the queue id. */
  async createQueue(queue: NewQueue): Promise<string> {
    await this.page.goto("/review");
    await this.page.getByRole("link", { name: "New queue" }).click();
    const form = this.page.getByRole("form", { name: "New review queue" });
    await form.getByRole("textbox", { name: "Name" }).fill(queue.name);
    await form.getByRole("combobox", { name: "Rating scheme" }).selectOption({ label: typeof queue.scheme === "string" ? queue.scheme : "Pairwise A/B (two outputs for the same input, shown blind)" });
    if (queue.evaluation) {
      const select = form.getByRole("combobox", { name: "Evaluation" });
      const label = await select.locator("option").filter({ hasText: queue.evaluation }).first().textContent();
      await select.selectOption({ label: label! });
    }
    if (queue.prompt) await form.getByRole("combobox", { name: "Prompt" }).selectOption({ label: queue.prompt });
    if (queue.version) await form.getByRole("combobox", { name: "Version" }).selectOption({ label: queue.version });
    if (queue.limit) await form.getByRole("spinbutton", { name: "At most" }).fill(String(queue.limit));
    for (const email of [...queue.reviewers.map((role) => DEMO_USERS[role].email), ...(queue.reviewerEmails ?? [])]) {
      await form.getByRole("checkbox", { name: new RegExp(email) }).check();
    }
    if (queue.reviewersPerItem) await form.getByRole("spinbutton", { name: "Reviewers per item" }).fill(String(queue.reviewersPerItem));
    await form.getByRole("button", { name: "Create queue" }).click();
    await expect(this.page.getByRole("heading", { name: queue.name, level: 1 })).toBeVisible();
    await expect(this.page).toHaveURL(/\/review\/[0-9a-f-]{36}\/overview$/);
    return this.page.url().split("/").at(-2)!;
  }

  position() {
    return this.page.getByText(/^(\d+ of \d+|All \d+ done)$/);
  }

  progress() {
    return this.page.getByRole("progressbar", { name: "Queue progress" });
  }

  item() {
    return this.page.getByRole("region", { name: "Item to rate" });
  }

  criterion(name: string) {
    return this.page.getByRole("radiogroup", { name });
  }

  /** Opens a queue's rating screen from /review, by its link, and waits for the first item. */
  async open(queueName: string) {
    await this.page.goto("/review");
    await this.page.getByRole("link", { name: `Rate ${queueName}` }).click();
    await expect(this.page.getByRole("heading", { name: queueName, level: 1 })).toBeVisible();
    await this.waitForItem();
  }

  /** Waits until the item's output is loaded (the screen focuses its first criterion then). */
  async waitForItem() {
    await expect(this.item()).toHaveAttribute("aria-busy", "false");
    await expect(this.page.getByRole("radiogroup").first().locator("[tabindex='0']")).toBeFocused();
  }
}
