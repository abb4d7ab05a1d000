import fs from "node:fs";
import net from "node:net";
import { STUDIO_PORT, STUDIO_URL, authFile, type DemoRole } from "./env";
import { streamPost as streamBody, type StreamedPost } from "@/lib/testing/stream-post";
import { readStudioDb } from "./studio-db";

// Low-level access to the seeded e2e studio for tests that need what Playwright's request API cannot do: stream a
// body and see when the answer comes, send bytes that are not valid HTTP, and read the database the server writes.

export { readStudioDb };

/** The Cookie header of a role's saved signed-in browser state. */
export function sessionCookie(role: DemoRole): string {
  const state = JSON.parse(fs.readFileSync(authFile(role), "utf8")) as { cookies: { name: string; value: string }[] };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** lib/testing's streamPost against the e2e studio, from its own origin as a browser page would send it. */
export function streamPost(path: string, { headers = {}, ...options }: { totalBytes: number; headers?: Record<string, string>; declareLength?: boolean }): Promise<StreamedPost> {
  return streamBody(`${STUDIO_URL}${path}`, { ...options, headers: { origin: STUDIO_URL, ...headers } });
}

/** Writes raw bytes to the studio and returns what comes back (status line, headers, body). */
export function rawHttp(text: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(STUDIO_PORT, "127.0.0.1", () => socket.write(text));
    let received = "";
    const finish = () => {
      const split = received.indexOf("\r\n\r\n");
      resolve({ status: Number(received.slice(9, 12)), headers: received.slice(0, split), body: received.slice(split + 4) });
    };
    socket.setEncoding("utf8");
    socket.on("data", (data: string) => {
      received += data;
      const split = received.indexOf("\r\n\r\n");
      const length = /\r\ncontent-length: (\d+)/i.exec(received)?.[1];
      if (split !== -1 && length !== undefined && Buffer.byteLength(received.slice(split + 4)) >= Number(length)) {
        socket.destroy();
        finish();
      }
    });
    socket.on("end", finish);
    socket.on("error", (error) => (received ? finish() : reject(error)));
  });
}
