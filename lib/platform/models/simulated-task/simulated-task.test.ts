import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/core/stats/seeded-random";
import { promptTraits, simulatedAccuracy, simulatedAnswer, uniformMix } from "./answer";
import { TICKET_LABELS, demoTickets, ticketLabel } from "./task";

const tickets = demoTickets(200, 3);
const weak = (ticket: string) => `Classify this ticket: ${ticket}`;
const strong = (ticket: string) =>
  [
    "Triage the support ticket into exactly one label: billing, bug, feature or praise. Answer with the label only.",
    "[T-9001] I was charged twice for my subscription this month.\nLabel: billing",
    "[T-9002] The export button crashes the page every time I click it.\nLabel: bug",
    "[T-9003] Could you add an API endpoint to list archived projects?\nLabel: feature",
    "[T-9004] Thanks for the great onboarding session yesterday.\nLabel: praise",
    ticket,
  ].join("\n");
const accuracy = (prompt: (ticket: string) => string, options?: { seed?: number; nullTask?: boolean }) =>
  tickets.filter((t) => simulatedAnswer(prompt(t.ticket), options) === t.label).length / tickets.length;

describe("the simulated ticket-triage task", () => {
  it("ships tickets whose words give their label, in equal shares, the same for the same seed", () => {
    expect(tickets.every((t) => ticketLabel(t.ticket) === t.label)).toBe(true);
    for (const label of TICKET_LABELS) expect(tickets.filter((t) => t.label === label)).toHaveLength(50);
    expect(demoTickets(200, 3)).toEqual(tickets);
    expect(new Set(tickets.map((t) => t.id)).size).toBe(200);
    expect(tickets[0]!.ticket.startsWith(`[${tickets[0]!.id}] `)).toBe(true);
  });

  it("reads what the prompt does: the labels it names, a constrained form, correct demonstrations", () => {
    const ticket = tickets[0]!.ticket;
    expect(promptTraits(weak(ticket))).toEqual({ query: { id: tickets[0]!.id, text: ticket }, labelsNamed: 0, constrainsForm: false, labelsDemonstrated: 0 });
    expect(promptTraits(strong(ticket))).toMatchObject({ labelsNamed: 1, constrainsForm: true, labelsDemonstrated: 1 });
    // A wrong demonstration teaches nothing; the ticket's own words never count as naming a label.
    const wrongDemo = `Label the ticket.\n[T-9001] I was charged twice.\nLabel: praise\n${ticket}`;
    expect(promptTraits(wrongDemo)).toMatchObject({ labelsDemonstrated: 0 });
    expect(promptTraits("Classify: [T-0001] Please add a bug report button for billing questions.").labelsNamed).toBe(0);
    for (const form of ["Answer with the label only.", "Reply with one word.", "Give just the category.", "Say the label and nothing else."]) {
      expect(promptTraits(`${form}\n${ticket}`).constrainsForm, form).toBe(true);
    }
    expect(promptTraits(`Explain your reasoning.\n${ticket}`).constrainsForm).toBe(false);
    expect(simulatedAccuracy(promptTraits(weak(ticket)))).toBeCloseTo(0.3, 10);
    expect(simulatedAccuracy(promptTraits(strong(ticket)))).toBeCloseTo(0.9, 10);
  });

  it("answers about as often right as the documented accuracy says, and deterministically", () => {
    expect(Math.abs(accuracy(weak) - 0.3)).toBeLessThan(0.08);
    expect(Math.abs(accuracy(strong) - 0.9)).toBeLessThan(0.06);
    expect(accuracy(strong, { seed: 7 })).toBe(accuracy(strong, { seed: 7 }));
    const ticket = tickets[5]!.ticket;
    expect(simulatedAnswer(strong(ticket))).toBe(simulatedAnswer(strong(ticket)));
  });

  it("gives wrong answers an exact-match scorer fails: another label when the form is constrained, a sentence otherwise", () => {
    const answers = tickets.map((t) => ({ t, weak: simulatedAnswer(weak(t.ticket)), strong: simulatedAnswer(strong(t.ticket)) }));
    for (const { t, weak: w, strong: s } of answers) {
      if (w !== t.label) expect(w).toMatch(/^This looks like a (billing|bug|feature|praise) ticket to me\.$/);
      if (s !== t.label) expect(TICKET_LABELS.filter((label) => label !== t.label)).toContain(s);
    }
  });

  it("has a null task that ignores the prompt: every prompt gets the same answers", () => {
    const answersTo = (prompt: (ticket: string) => string) => tickets.map((t) => simulatedAnswer(prompt(t.ticket), { nullTask: true, seed: 4 }));
    expect(answersTo(strong)).toEqual(answersTo(weak));
    expect(Math.abs(accuracy(weak, { nullTask: true }) - 0.6)).toBeLessThan(0.08);
  });

  it("maps the mixed draw back to a uniform number", () => {
    const random = seededRandom(11);
    const draws = Array.from({ length: 20_000 }, () => uniformMix(random.next(), random.next()));
    for (const q of [0.1, 0.3, 0.5, 0.7, 0.9]) expect(Math.abs(draws.filter((d) => d < q).length / draws.length - q)).toBeLessThan(0.015);
  });
});
