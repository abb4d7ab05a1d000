import http from "node:http";
import { STUDIO_PORT } from "./env";

// An HTTP client that connects from a chosen loopback address (127.0.0.0/8 all reaches this machine), so a spec can
// be a client with an address of its own, or the reverse proxy the e2e server trusts (TRUSTED_PROXY_ADDRESS, set in
// scripts/e2e-server.mjs). Browser and `request` traffic comes from 127.0.0.1 and shares that address's allowance.

export const TRUSTED_PROXY_ADDRESS = "127.0.0.2";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export function rawRequest({
  from,
  method,
  path,
  headers = {},
  body,
}: {
  from: string;
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: STUDIO_PORT, localAddress: from, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

/** Signs in through next-auth's credentials callback as a script would: CSRF token first, then form or JSON. */
export class SignInClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | undefined;

  constructor(private readonly from: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private keepCookies(response: RawResponse) {
    for (const line of response.headers["set-cookie"] ?? []) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }

  async csrf(): Promise<string> {
    if (this.csrfToken) return this.csrfToken;
    const response = await rawRequest({ from: this.from, method: "GET", path: "/api/auth/csrf" });
    this.keepCookies(response);
    this.csrfToken = (JSON.parse(response.text) as { csrfToken: string }).csrfToken;
    return this.csrfToken;
  }

  async signIn({ email, password, as = "form", forwardedFor }: { email: string; password: string; as?: "form" | "json"; forwardedFor?: string }) {
    const fields = { csrfToken: await this.csrf(), email, password, json: "true" };
    const body = as === "json" ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
    return this.post(body, as === "json" ? "application/json" : "application/x-www-form-urlencoded", forwardedFor);
  }

  async post(body: string, contentType: string, forwardedFor?: string): Promise<RawResponse> {
    await this.csrf();
    const headers: Record<string, string> = { "content-type": contentType, cookie: this.cookieHeader() };
    if (forwardedFor) headers["x-forwarded-for"] = forwardedFor;
    return rawRequest({ from: this.from, method: "POST", path: "/api/auth/callback/credentials", headers, body });
  }
}
