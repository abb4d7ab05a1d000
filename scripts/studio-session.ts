// Signs in to a running studio over HTTP the way a browser does (next-auth's credentials flow) and returns the
// cookie header to send with later requests. Used by benchmarks, and by the e2e specs that start a server of their
// own (e2e/support/studio-process.ts); the other e2e tests sign in through the UI.

export async function signInOverHttp({ baseUrl, email, password }: { baseUrl: string; email: string; password: string }): Promise<string> {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const separator = pair!.indexOf("=");
      jar.set(pair!.slice(0, separator), pair!.slice(separator + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  remember(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: baseUrl }),
  });
  remember(response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) {
    throw new Error(`sign-in as ${email} failed (HTTP ${response.status})`);
  }
  return header();
}
