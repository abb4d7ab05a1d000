import "server-only";
import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import { AppError } from "@/lib/core/errors";
import { BODY_LIMITS, describeBytes } from "@/lib/core/limits";
import { parseInput } from "./parse-input";

// Reading request bodies with a cap: a declared Content-Length over the cap is refused before a byte is read,
// and a body without one (chunked) is read only until it passes the cap. Every route handler and the delivery
// API read bodies through here, after they know who is calling.

export type BodyKind = "json" | "multipart";

const CONTENT_TYPES: Record<BodyKind, string> = { json: "application/json", multipart: "multipart/form-data" };

function tooLarge(maxBytes: number): AppError {
  return new AppError("too_large:api", `The request body is larger than ${describeBytes(maxBytes)}.`, { details: { maxBytes } });
}

/** Refuses a body whose declared length is not a number (400) or is over the limit (413), before a byte is read. */
function checkDeclaredLength(declared: string | null | undefined, maxBytes: number, refuse: (maxBytes: number) => AppError): void {
  if (declared === null || declared === undefined) return;
  if (!/^\d+$/.test(declared.trim())) throw new AppError("bad_request:api", "The Content-Length header is not a number.");
  if (Number(declared) > maxBytes) throw refuse(maxBytes);
}

/**
 * readBody for a node:http request (the custom server's fast path). Past the limit it stops reading and leaves the
 * rest unread: the caller answers with `Connection: close`, so the socket closes rather than take the remainder.
 */
export function readNodeBody(request: IncomingMessage, { maxBytes }: { maxBytes: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    checkDeclaredLength(request.headers["content-length"], maxBytes, tooLarge);
    const chunks: Buffer[] = [];
    let received = 0;
    const settle = (error?: AppError) => {
      request.off("data", onData).off("end", onEnd).off("error", onFailure).off("close", onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, received));
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= maxBytes) return void chunks.push(chunk);
      request.pause();
      settle(tooLarge(maxBytes));
    };
    const onEnd = () => settle();
    const onFailure = () => settle(new AppError("bad_request:api", "The request body ended before it was complete."));
    // A client that goes away mid-body closes the request before its end.
    const onClose = () => (request.complete ? undefined : onFailure());
    request.on("data", onData).on("end", onEnd).on("error", onFailure).on("close", onClose);
  });
}

/** The media type without parameters ("application/json" for "application/json; charset=utf-8"). */
export function mediaType(headers: Headers): string {
  return (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** 415 unless the body is declared as the one type the route reads. */
export function requireContentType(request: Request, kind: BodyKind): void {
  const expected = CONTENT_TYPES[kind];
  if (mediaType(request.headers) !== expected) throw new AppError("unsupported_media:api", `Send the request body as ${expected}.`);
}

/**
 * The raw body, at most `maxBytes`: 413 as soon as the declared length or the bytes received pass it (with the
 * caller's own error when it has one, as the sign-in route does).
 */
export async function readBody(
  request: Request,
  { maxBytes, refuse = tooLarge }: { maxBytes: number; refuse?: (maxBytes: number) => AppError },
): Promise<ReturnType<typeof Buffer.concat>> {
  checkDeclaredLength(request.headers.get("content-length"), maxBytes, refuse);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      // Not awaited: cancelling one branch of a cloned (tee'd) body settles only once the other is cancelled too.
      reader.cancel().catch(() => undefined);
      throw refuse(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Whether JSON text nests arrays and objects deeper than `maxDepth`, found by a scan of its brackets before
 * JSON.parse builds anything: validators and normalisers further in walk values recursively.
 */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > maxDepth) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

/** JSON from raw bytes: 400 for invalid UTF-8, invalid JSON or nesting deeper than BODY_LIMITS.maxJsonDepth. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new AppError("bad_request:api", "The request body is not valid UTF-8.");
  }
  if (nestsDeeperThan(text, BODY_LIMITS.maxJsonDepth)) {
    throw new AppError("bad_request:api", `The request body nests deeper than ${BODY_LIMITS.maxJsonDepth} levels.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request:api", "The request body must be JSON.");
  }
}

/** An application/json body, capped, parsed and checked with a zod schema (415, 413, 400). */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, { maxBytes }: { maxBytes: number }): Promise<z.infer<S>> {
  requireContentType(request, "json");
  return parseInput(schema, parseJsonBytes(await readBody(request, { maxBytes })));
}

/** A multipart/form-data body, capped before it is parsed (415, 413, 400). */
export async function readMultipartBody(request: Request, { maxBytes }: { maxBytes: number }): Promise<FormData> {
  requireContentType(request, "multipart");
  const bytes = await readBody(request, { maxBytes });
  try {
    return await new Response(bytes, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
  } catch {
    throw new AppError("bad_request:api", "The multipart/form-data body could not be read.");
  }
}
