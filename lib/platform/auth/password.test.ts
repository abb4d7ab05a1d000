import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("stores an argon2id hash, never the password", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(stored).not.toContain("correct horse");
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("correct horse battery");
    await expect(verifyPassword({ hash: stored, password: "correct horse battery" })).resolves.toBe(true);
    await expect(verifyPassword({ hash: stored, password: "Correct horse battery" })).resolves.toBe(false);
  });

  it("salts each hash", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it("treats a malformed stored hash as a failed check rather than throwing", async () => {
    await expect(verifyPassword({ hash: "not-a-hash", password: "x" })).resolves.toBe(false);
  });
});
