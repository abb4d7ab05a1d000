import http from "node:http";

// A POST whose body is streamed in 64 KiB chunks and stops as soon as an answer arrives, so a server that answers
// before reading the body is seen to do so. The e2e specs (e2e/support/studio-http.ts) and the delivery API's unit
// tests attack bodies with it.

export interface StreamedPost {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Bytes written before the answer arrived. */
  sentBeforeAnswer: number;
}

/** POSTs `totalBytes` of filler to `url`; `declareLength: false` sends the body chunked. */
export function streamPost(url: string, { totalBytes, headers = {}, declareLength = true }: { totalBytes: number; headers?: Record<string, string>; declareLength?: boolean }): Promise<StreamedPost> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: { ...headers, ...(declareLength ? { "content-length": String(totalBytes) } : {}) } });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    let answered = false;
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        // After a drain, the next chunk waits a turn of the event loop: a write that completes at once emits its
        // drain on the same turn, and a client pumping that way never reads the answer the server already sent.
        if (!request.write(chunk)) return void request.once("drain", () => setImmediate(pump));
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
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, sentBeforeAnswer });
      });
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    pump();
  });
}
