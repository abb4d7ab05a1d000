import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { handleAuthGet, handleAuthPost } from "@/lib/auth/sign-in-route";
import { route } from "@/lib/http/route";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(getAuthOptions())(request, context) as Promise<Response>;
}

export const GET = route((request: Request, context: Context) => handleAuthGet(request, (checked) => handler(checked, context)));

export const POST = route((request: Request, context: Context) => handleAuthPost(request, (checked) => handler(checked, context)));
