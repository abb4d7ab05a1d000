import { AppError } from "@/lib/core/errors";

/** The AppError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** The AppError a synchronous call throws; fails the test if it returns or throws anything else. */
export function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
    return error;
  }
  throw new Error("expected an AppError");
}
