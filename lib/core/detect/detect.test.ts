// The detectors against a corpus of what they must find and the near-misses they must not: a card number that fails
// Luhn, an e-mail address inside a URL, dates, IP addresses, ids, and words that share a key's prefix.
import { describe, expect, it } from "vitest";
import { findCardsAndPhones, findEmails, findPersonalData, findSecrets, maskFindings, passesLuhn } from ".";

// Key-shaped fixtures are assembled when the tests run, never written out whole: a token in the published shape sitting
// in the repository would be flagged by every secret scanner, and would teach readers to ignore them.
const BODY = "Ab3dEf9hIj2lMn4pQr6tUv8xYz0AbCdEfGhIjKlMnOpQrStUvWx";
const fake = (prefix: string, length: number) => `${prefix}${BODY.repeat(4).slice(0, length)}`;
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const jwt = [base64url({ alg: "HS256", typ: "JWT" }), base64url({ sub: "1234567890" }), fake("", 43)].join(".");
const privateKey = ["-----BEGIN", "OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END", "OPENSSH PRIVATE KEY-----"].join(" ");

const kinds = (text: string) => [...findSecrets(text), ...findPersonalData(text)].map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);

describe("the Luhn check", () => {
  it("accepts the published test card numbers and refuses them with one digit changed", () => {
    // Visa and Mastercard test numbers, and ISO/IEC 7812-1's worked example 7992739871(3).
    for (const valid of ["4111111111111111", "5500000000000004", "378282246310005", "79927398713"]) expect(passesLuhn(valid), valid).toBe(true);
    for (const invalid of ["4111111111111112", "5500000000000005", "79927398710", "", "12a4"]) expect(passesLuhn(invalid), invalid).toBe(false);
  });
});

describe("secrets", () => {
  it.each([
    [`Use the key ${fake("sk-proj-", 40)} to call.`, "OpenAI API key"],
    [`key=${fake("sk-ant-api03-", 36)}`, "Anthropic API key"],
    [`AWS_ACCESS_KEY_ID: ${"AKIA"}${"IOSFODNN7EXAMPLE"}`, "AWS access key id"],
    [`token ${fake("ghp_", 36)}`, "GitHub token"],
    [`slack ${fake("xoxb-123456789012-", 24)}`, "Slack token"],
    [`google ${fake("AIza", 35)}`, "Google API key"],
    [`stripe ${fake("sk_live_", 24)}`, "Stripe secret key"],
    [`Authorization: Bearer ${jwt}`, "JSON Web Token"],
    [privateKey, "private key"],
  ])("finds %s", (text, detail) => {
    const found = findSecrets(text);
    expect(found.map((f) => f.detail)).toEqual([detail]);
  });

  it("leaves words and ids that share a key's prefix alone", () => {
    for (const text of [
      "We use sk-learn-and-other-python-libraries-for-modelling here.",
      "sk-short",
      `task-${"ABCDEFGHIJKLMNOPQRSTUVWXYZ"}0123456789abcd`,
      `${"AKIA"}IOSFODNN7EXAMPLEX (one character too many)`,
      "The checksum is 3f786850e387550fdab836ed7e6dc881de23001b.",
      "-----BEGIN CERTIFICATE-----",
      "eyJhbGciOiJIUzI1NiJ9 (a header alone is not a token)",
    ]) {
      expect(findSecrets(text), text).toEqual([]);
    }
  });
});

describe("personal data", () => {
  it("finds e-mail addresses, phone numbers and card numbers where they are", () => {
    expect(kinds("Write to ana.lopez+news@mail.example.co.uk.")).toEqual(["email:ana.lopez+news@mail.example.co.uk"]);
    expect(kinds("Call +44 20 7946 0958 or (555) 123-4567 or 555-123-4567 or +15551234567.")).toEqual([
      "phone:+44 20 7946 0958",
      "phone:(555) 123-4567",
      "phone:555-123-4567",
      "phone:+15551234567",
    ]);
    expect(kinds("Cards: 4111 1111 1111 1111, 5500-0000-0000-0004 and 378282246310005.")).toEqual([
      "card:4111 1111 1111 1111",
      "card:5500-0000-0000-0004",
      "card:378282246310005",
    ]);
  });

  it("leaves the near-misses alone", () => {
    for (const text of [
      "4111 1111 1111 1112 fails Luhn: a reference number, not a card.",
      "Clone https://deploy@git.example.com/team/repo.git to start.",
      "See https://www.google.com/maps/@51.5072,-0.1276,15z for the office.",
      "Released on 2026-12-07 10:30 as v1.2.3.",
      "Order 1234567890 ships from 192.168.100.200.",
      "Invoice #20261207-0001 is due.",
      "Reply with @support or user@localhost.",
      "The ratio is 0.25, the count 12,345,678.",
    ]) {
      expect(kinds(text), text).toEqual([]);
    }
  });

  it("masks what it finds, and nothing else", () => {
    const text = "Mail ana@example.com, card 4111 1111 1111 1111, call +1 555 123 4567.";
    expect(maskFindings(text, findPersonalData(text))).toBe("Mail [EMAIL], card [CARD], call [PHONE].");
  });

  it("stays linear on pathological input (a megabyte of the characters each detector scans)", () => {
    for (const text of ["a@".repeat(500_000), "1-".repeat(500_000), "sk-".repeat(300_000), "https://x".padEnd(1_000_000, "a@"), `${"9".repeat(1_000_000)}`]) {
      const started = performance.now();
      findSecrets(text);
      findEmails(text);
      findCardsAndPhones(text);
      expect(performance.now() - started, text.slice(0, 12)).toBeLessThan(1_000);
    }
  });
});
