import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What the receiver does with each request: answer with a status, or never answer ("hang"). */
export type Reply = number | "hang";

/**
 * A real HTTP server on a free local port that records every request and answers from `replies` in order
 * (the last one repeats). Close it to end hanging requests too.
 */
export async function startWebhookReceiver({ replies = [200] }: { replies?: Reply[] } = {}) {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ method: request.method ?? "", headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      const reply = replies[Math.min(received.length - 1, replies.length - 1)] ?? 200;
      if (reply === "hang") return;
      response.writeHead(reply, { "content-type": "text/plain" }).end(reply < 300 ? "ok" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
