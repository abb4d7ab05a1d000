// The simulated task the offline provider ships for the optimizer (issue 18): triaging support tickets into four
// labels. The demo dataset, the e2e tests and bench:optimize use these tickets; the simulated task model
// (./answer.ts) answers them. A ticket's true label is decided by the words in it, from the table below, so the model
// and the dataset agree on the truth without sharing anything else.
import { seededRandom, shuffled } from "@/lib/core/stats/seeded-random";

export const TICKET_LABELS = ["billing", "bug", "feature", "praise"] as const;
export type TicketLabel = (typeof TICKET_LABELS)[number];

/** A ticket's text starts with its id in brackets, so the model can tell the ticket to answer from demonstrations. */
export const TICKET_ID = /\[T-(\d{4})\]/g;

const SENTENCES: Record<TicketLabel, readonly string[]> = {
  billing: [
    "I was charged twice for my subscription this month.",
    "Please send me the invoice for last quarter, the download link is broken on my side.",
    "Why did my plan price go up without any notice?",
    "I need a refund for the seats we removed in March.",
    "The receipt shows the wrong company name and VAT number.",
    "Can I switch from monthly to yearly payment and keep my discount?",
    "My card was declined but the money left my account.",
    "We were billed for a user who left the team weeks ago.",
  ],
  bug: [
    "The export button crashes the page every time I click it.",
    "Since the last update the app shows an error when saving a draft.",
    "Search returns nothing for words I can see on the screen.",
    "The dashboard freezes after about ten minutes open in Firefox.",
    "Uploading a CSV with accents turns them into question marks.",
    "I get logged out every few minutes even with remember me on.",
    "The mobile app crashes on launch after updating.",
    "Dates in the report are one day off for our Sydney office.",
  ],
  feature: [
    "It would be great to have a dark mode for late shifts.",
    "Could you add an API endpoint to list archived projects?",
    "Please let us schedule reports to go out every Monday.",
    "We would love keyboard shortcuts for moving between tabs.",
    "Is there a plan to support single sign-on with Okta?",
    "Adding comments on individual rows would help our reviews a lot.",
    "Could the calendar view show weekends as an option?",
    "A bulk edit for tags would save us hours every week.",
  ],
  praise: [
    "Just wanted to say the new editor is wonderful, thank you!",
    "Your support team solved my problem in five minutes, amazing.",
    "We love how fast the app has become since the redesign.",
    "Thanks for the great onboarding session yesterday.",
    "The weekly summary email is exactly what our managers wanted.",
    "Huge thanks to the team, this tool changed how we work.",
    "The new charts are beautiful and clear, well done.",
    "Best customer service I have had from any software company.",
  ],
};

/** The words that decide a ticket's label; the first label with a match wins. */
const SIGNALS: Record<TicketLabel, RegExp> = {
  billing: /\b(charged|invoice|price|refund|receipt|payment|card|billed)\b/i,
  bug: /\b(crash(es)?|error|returns nothing|freezes|question marks|logged out|one day off)\b/i,
  feature: /\b(would be great|add|let us|would love|plan to support|would help|as an option|would save)\b/i,
  praise: /\b(thank|thanks|amazing|love|exactly what|beautiful|best)\b/i,
};

/** The true label of a ticket's text, by its words (the dataset's expected output is this). */
export function ticketLabel(text: string): TicketLabel {
  for (const label of TICKET_LABELS) if (SIGNALS[label].test(text)) return label;
  return "feature";
}

export interface DemoTicket {
  id: string;
  ticket: string;
  label: TicketLabel;
}

/** `count` tickets, the labels in equal shares, in an order drawn from `seed`; the same seed gives the same tickets. */
export function demoTickets(count: number, seed = 1): DemoTicket[] {
  const drafts = Array.from({ length: count }, (_, i) => {
    const label = TICKET_LABELS[i % TICKET_LABELS.length]!;
    const sentences = SENTENCES[label];
    return { label, sentence: sentences[Math.floor(i / TICKET_LABELS.length) % sentences.length]! };
  });
  return shuffled(drafts, seededRandom(seed)).map(({ label, sentence }, i) => {
    const id = `T-${String(i + 1).padStart(4, "0")}`;
    return { id, ticket: `[${id}] ${sentence}`, label };
  });
}
