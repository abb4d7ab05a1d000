import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/core/errors";

/**
 * Runs a feature's server loader for a page, turning its not_found AppError into Next's 404 page: loaders speak the
 * one error type, and only the page knows that "not found" means the not-found page.
 */
export async function orNotFound<T>(load: () => T | Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error) && error.type === "not_found") notFound();
    throw error;
  }
}
