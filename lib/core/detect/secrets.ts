// Credentials that must never sit in a prompt template: a template is stored in plain text, shown to every member
// and sent to the model provider on every call. Each shape is a published token format (the providers' own
// documentation of their key prefixes); a generic long random string is not flagged, because without a prefix it
// cannot be told from an id or a hash.
//
// Linear time on any input: the text is cut into tokens in one pass, and each token is tested once against anchored
// patterns whose only repetition is a single character class, so no pattern can backtrack across the text.
import type { Finding } from "./finding";

const TOKEN_CHAR = /[A-Za-z0-9_.+/\-]/;
/** Longer tokens are not credentials (a base64 blob, say): skipping them also bounds each test. */
const MAX_TOKEN = 4_096;

// `random`: the shape's prefix is also a plain word's ("sk-learn-…"), so the rest must look generated: digits, upper
// and lower case letters all present, as in every real key.
const SHAPES: { detail: string; pattern: RegExp; random?: boolean }[] = [
  { detail: "Anthropic API key", pattern: /^sk-ant-[A-Za-z0-9_-]{32,}$/, random: true },
  { detail: "OpenAI API key", pattern: /^sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}$/, random: true },
  { detail: "AWS access key id", pattern: /^(?:AKIA|ASIA)[0-9A-Z]{16}$/ },
  { detail: "GitHub token", pattern: /^(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})$/, random: true },
  { detail: "Slack token", pattern: /^xox[abprs]-[A-Za-z0-9-]{10,}$/, random: true },
  { detail: "Google API key", pattern: /^AIza[0-9A-Za-z_-]{35}$/, random: true },
  { detail: "Stripe secret key", pattern: /^(?:sk|rk)_live_[0-9A-Za-z]{16,}$/, random: true },
  { detail: "JSON Web Token", pattern: /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/ },
];

const looksGenerated = (token: string) => /[0-9]/.test(token) && /[A-Z]/.test(token) && /[a-z]/.test(token);

const PRIVATE_KEY_OPEN = "-----BEGIN ";
const PRIVATE_KEY_CLOSE = "PRIVATE KEY-----";

export function findSecrets(text: string): Finding[] {
  const found: Finding[] = [];
  for (let at = text.indexOf(PRIVATE_KEY_OPEN); at >= 0; at = text.indexOf(PRIVATE_KEY_OPEN, at + 1)) {
    // Between the two markers sits the key type (RSA, EC, OPENSSH, …): a few characters at most.
    const close = text.indexOf(PRIVATE_KEY_CLOSE, at + PRIVATE_KEY_OPEN.length);
    if (close >= 0 && close - at <= 40) found.push({ kind: "secret", detail: "private key", start: at, end: close + PRIVATE_KEY_CLOSE.length });
  }
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inToken = i < text.length && TOKEN_CHAR.test(text[i]!);
    if (inToken && start < 0) start = i;
    if (!inToken && start >= 0) {
      const token = text.slice(start, i).replace(/[./+-]+$/, "");
      if (token.length >= 20 && token.length <= MAX_TOKEN) {
        const shape = SHAPES.find((s) => s.pattern.test(token) && (!s.random || looksGenerated(token)));
        if (shape) found.push({ kind: "secret", detail: shape.detail, start, end: start + token.length });
      }
      start = -1;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
