// Personal data in text: e-mail addresses, phone numbers and payment card numbers. The linter flags them in
// templates, the `pii` scorer in outputs, and guard policies block or mask them. Deliberately conservative, because
// a false alarm on every order id would teach people to ignore the rule:
//   - an e-mail address inside a URL ("https://user@host/…", a maps link's "@51.5,-0.1") is part of the URL;
//   - a card number is 13–19 digits, in groups of spaces or dashes, that passes the Luhn check (one that fails is
//     a reference number, not a card);
//   - a phone number is 10–15 digits written like one: a leading "+", or separators between groups, or an area code
//     in parentheses. A bare run of digits (an id) and a date are not.
// Linear time: one pass for digits, and each "@" is expanded once over characters that cannot contain another "@".
import type { Finding } from "./finding";
import { passesLuhn } from "./luhn";

const LOCAL = /[A-Za-z0-9._%+\-]/;
const DOMAIN = /[A-Za-z0-9.\-]/;
/** How far back an "@" looks for the URL it may sit in. */
const URL_LOOKBACK = 2_048;

function insideUrl(text: string, from: number): boolean {
  const stop = Math.max(0, from - URL_LOOKBACK);
  for (let i = from - 1; i >= stop; i--) {
    const c = text[i]!;
    if (c === " " || c === "\n" || c === "\t" || c === "\r" || c === "<" || c === '"' || c === "'" || c === "(") return false;
    if (c === "/" && text[i - 1] === "/" && text[i - 2] === ":") return true;
  }
  return false;
}

export function findEmails(text: string): Finding[] {
  const found: Finding[] = [];
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > 0 && LOCAL.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && DOMAIN.test(text[end]!)) end++;
    while (end > at + 1 && (text[end - 1] === "." || text[end - 1] === "-")) end--;
    const local = text.slice(start, at);
    const domain = text.slice(at + 1, end);
    const tld = domain.slice(domain.lastIndexOf(".") + 1);
    if (local.length === 0 || !domain.includes(".") || !/^[A-Za-z]{2,}$/.test(tld) || domain.startsWith(".")) continue;
    if (insideUrl(text, start)) continue;
    found.push({ kind: "email", detail: "e-mail address", start, end });
  }
  return found;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const NUMBER_CHARS = new Set([" ", "-", ".", "(", ")"]);

/** Maximal runs that start with a digit, "+" or "(" and continue over digits and single separators. */
function numberRuns(text: string): { start: number; end: number; raw: string }[] {
  const runs: { start: number; end: number; raw: string }[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const opens = isDigit(c) || ((c === "+" || c === "(") && isDigit(text[i + 1]));
    // Part of a word or a longer number (a version "v1.2.3", an id "A123") is not a phone or a card.
    if (!opens || /[A-Za-z0-9_]/.test(text[i - 1] ?? "")) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length) {
      const d = text[end]!;
      if (isDigit(d)) end++;
      else if (NUMBER_CHARS.has(d) && (isDigit(text[end + 1]) || (d !== "(" && text[end + 1] === "("))) end++;
      else if (d === ")" && text[end + 1] === " " && isDigit(text[end + 2])) end++;
      else break;
    }
    if (!/[A-Za-z_]/.test(text[end] ?? "")) runs.push({ start: i, end, raw: text.slice(i, end) });
    i = end;
  }
  return runs;
}

export function findCardsAndPhones(text: string): Finding[] {
  const found: Finding[] = [];
  for (const run of numberRuns(text)) {
    const digits = run.raw.replace(/\D/g, "");
    const separators = run.raw.replace(/[\d+]/g, "");
    if (digits.length >= 13 && digits.length <= 19 && /^[ -]*$/.test(separators) && passesLuhn(digits)) {
      found.push({ kind: "card", detail: "card number (passes Luhn)", ...run });
      continue;
    }
    if (digits.length < 10 || digits.length > 15) continue;
    // A date ("2026-12-07 10:30") and an IP address ("192.168.100.200") are not phone numbers; dots separate a
    // phone number's groups only in the 555.123.4567 style.
    if (/^\d{4}-\d{2}-\d{2}/.test(run.raw)) continue;
    const groups = run.raw.split(/[ .\-()]+/).filter(Boolean);
    if (/^[\d.]+$/.test(run.raw) && groups.map((g) => g.length).join(",") !== "3,3,4") continue;
    if (run.raw.startsWith("+") || run.raw.startsWith("(") || groups.length >= 3) found.push({ kind: "phone", detail: "phone number", ...run });
  }
  return found;
}

export function findPersonalData(text: string): Finding[] {
  return [...findEmails(text), ...findCardsAndPhones(text)].sort((a, b) => a.start - b.start);
}
