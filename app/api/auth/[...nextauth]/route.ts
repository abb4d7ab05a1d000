import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { AppError } from "@/lib/errors";
import { guardCredentialsSignIn } from "@/lib/auth/sign-in-route-guard";
import { otherMethods, route } from "@/lib/http/route";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(getAuthOptions())(request, context) as Promise<Response>;
}

// next-auth answers a GET of the credentials callback, which only takes POST, with a 500.
export const GET = route(async (request: Request, context: Context) => {
  if (new URL(request.url).pathname.endsWith("/callback/credentials")) throw new AppError("method_not_allowed:auth", "Sign in with a POST.");
  return handler(request, context);
});

export const POST = route(async (request: Request, context: Context) => (await guardCredentialsSignIn(request)) ?? handler(request, context));

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
