// A server that refuses an upload early must have its answer read by the client, not a reset. Real sockets, the
// server in its own process (lib/testing/early-answer-process.ts), a client that keeps sending as a browser does.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamPost } from "@/lib/testing/stream-post";
import { startTestProcess, type TestProcess } from "@/lib/testing/test-process";

const MiB = 1024 * 1024;
let server: TestProcess;
let port: number;

beforeAll(async () => {
  server = startTestProcess("lib/testing/early-answer-process.ts");
  while (!/port (\d+)/.test(server.stdout())) await new Promise((resolve) => setTimeout(resolve, 20));
  port = Number(/port (\d+)/.exec(server.stdout())![1]);
});
afterAll(async () => {
  server.child.kill();
  await server.exited;
});

describe("closing a connection after an early answer", () => {
  it("lets a client still sending a large body read the answer, every time", async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const answer = await streamPost(`http://127.0.0.1:${port}/upload`, { totalBytes: 64 * MiB, declareLength: attempt % 2 === 0 });
      expect([attempt, answer.status, answer.body]).toEqual([attempt, 401, "{}"]);
      expect(answer.sentBeforeAnswer).toBeLessThan(16 * MiB);
    }
  });

  it("still closes the socket: a client that ignores the answer and its FIN and keeps sending is cut off after the linger", async () => {
    const cutOffAfter = await new Promise<number>((resolve) => {
      const started = Date.now();
      const socket = net.connect({ port, host: "127.0.0.1", allowHalfOpen: true }, () => {
        socket.write(`POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: ${100 * 1024 * MiB}\r\n\r\n`);
        const chunk = Buffer.alloc(64 * 1024, "a");
        const pump = () => {
          while (socket.write(chunk));
          socket.once("drain", () => setImmediate(pump));
        };
        pump();
      });
      socket.on("error", () => undefined);
      socket.on("close", () => resolve(Date.now() - started));
    });
    expect(cutOffAfter).toBeGreaterThanOrEqual(900);
    expect(cutOffAfter).toBeLessThan(5_000);
  });
});
