import "server-only";
import pino from "pino";

// Structured JSON logs on stdout. Secrets never belong in a log line: the redact list is a safety net
// for fields that slip in, not a licence to log whole objects.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "promptops-studio" },
  redact: {
    paths: [
      "password",
      "*.password",
      "apiKey",
      "*.apiKey",
      "authorization",
      "*.authorization",
      "headers.cookie",
      "*.headers.cookie",
      "secret",
      "*.secret",
    ],
    censor: "[redacted]",
  },
});
