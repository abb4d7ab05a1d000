import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { guardCredentialsSignIn } from "@/lib/auth/sign-in-route-guard";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(getAuthOptions())(request, context) as Promise<Response>;
}

export const GET = handler;

export async function POST(request: Request, context: Context) {
  return (await guardCredentialsSignIn(request)) ?? handler(request, context);
}
