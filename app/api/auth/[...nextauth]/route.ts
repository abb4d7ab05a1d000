import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/platform/auth/auth-options";
import { handleAuthGet, handleAuthPost } from "@/lib/platform/http/sign-in-route";
import { baseRoute, otherMethods } from "@/lib/platform/http/route";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(getAuthOptions())(request, context) as Promise<Response>;
}

export const GET = baseRoute((request: Request, context: Context) => handleAuthGet(request, (checked) => handler(checked, context)));

// handleAuthPost reads the body itself, capped, so the plain baseRoute wraps it (route() would read it twice).
export const POST = baseRoute((request: Request, context: Context) => handleAuthPost(request, (checked) => handler(checked, context)));

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
