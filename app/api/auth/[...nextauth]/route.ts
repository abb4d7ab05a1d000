import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { guardCredentialsSignIn } from "@/lib/auth/sign-in-route-guard";
import { otherMethods, route } from "@/lib/http/route";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(getAuthOptions())(request, context) as Promise<Response>;
}

export const GET = route(handler);

export const POST = route(async (request: Request, context: Context) => (await guardCredentialsSignIn(request)) ?? handler(request, context));

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
