"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";

export function NewEvaluationButton() {
  const router = useRouter();
  return <Button onClick={() => router.push("/evaluations/new")}>New evaluation</Button>;
}
