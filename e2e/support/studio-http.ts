import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { STUDIO_PORT, STUDIO_URL, authFile, type DemoRole } from "./env";
import { readStudioDb } from "./studio-db";

// Low-level access to the seeded e2e studio for tests that need what Playwright's request API cannot do: stream a
// body and see when the answer comes, send bytes that are not valid HTTP, and read the database the server writes.

export { readStudioDb };

/** The Cookie header of a role's saved signed-in browser state. */
export function sessionCookie(role: DemoRole): string {
  const state = JSON.parse(fs.readFileSync(authFile(role), "utf8")) as { cookies: { name: string; value: string }[] };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

export interface StreamedPost {
  status: number;
  body: string;
  /** Bytes written before the answer arrived. */
  sentBeforeAnswer: number;
}

/**
 * POSTs `totalBytes` of filler in 64 KiB chunks and stops writing as soon as an answer arrives, so a server that
 * answers before reading the body is seen to do so. `declareLength: false` sends the body chunked.
 */
export function streamPost(path: string, { totalBytes, headers = {}, declareLength = true }: { totalBytes: number; headers?: Record<string, string>; declareLength?: boolean }): Promise<StreamedPost> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: "localhost",
      port: STUDIO_PORT,
      path,
      method: "POST",
      headers: { origin: STUDIO_URL, ...headers, ...(declareLength ? { "content-length": String(totalBytes) } : {}) },
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    let answered = false;
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    request.on("response", (response) => {
      answered = true;
      const sentBeforeAnswer = sent;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => (body += text));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body, sentBeforeAnswer });
      });
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    pump();
  });
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
