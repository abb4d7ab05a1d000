import { redirect } from "next/navigation";
import { getAuthContext } from "@/lib/auth/context";
import { needsFirstRunSetup } from "@/lib/setup/first-admin";

export const dynamic = "force-dynamic";

export default async function Home() {
  if (needsFirstRunSetup()) redirect("/setup");
  redirect((await getAuthContext()) ? "/prompts" : "/login");
}
