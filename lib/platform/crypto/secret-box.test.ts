import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, maskSecret } from "./secret-box";

const key = randomBytes(32).toString("hex");

describe("secret box", () => {
  it("round-trips a secret", () => {
    const sealed = encryptSecret({ plaintext: "sk-test-1234567890", key });
    expect(sealed).not.toContain("sk-test");
    expect(decryptSecret({ sealed, key })).toBe("sk-test-1234567890");
  });

  it("uses a fresh nonce so equal secrets encrypt differently", () => {
    expect(encryptSecret({ plaintext: "same", key })).not.toBe(encryptSecret({ plaintext: "same", key }));
  });

  it("accepts a base64 key as well as hex", () => {
    const b64 = randomBytes(32).toString("base64");
    expect(decryptSecret({ sealed: encryptSecret({ plaintext: "x", key: b64 }), key: b64 })).toBe("x");
  });

  it("refuses to decrypt with another key", () => {
    const sealed = encryptSecret({ plaintext: "secret", key });
    expect(() => decryptSecret({ sealed, key: randomBytes(32).toString("hex") })).toThrow();
  });

  it("refuses a tampered ciphertext", () => {
    const sealed = encryptSecret({ plaintext: "secret", key });
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptSecret({ sealed: parts.join("."), key })).toThrow();
  });

  it("masks a secret down to a recognisable hint", () => {
    expect(maskSecret("sk-abcdefghijklmnop")).toBe("sk-…mnop");
    expect(maskSecret("short")).toBe("••••");
  });
});
