// Shared by the server (authorize throws these codes) and the sign-in form (which shows the sentences).
export const SIGN_IN_ERRORS = {
  CredentialsSignin: "The email or password is wrong.",
  AccountDisabled: "This account is disabled. Ask a workspace admin to restore your access.",
  RateLimited: "Too many failed sign-ins. Wait a few minutes and try again.",
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

export function signInErrorMessage(code: string | null | undefined): string {
  return SIGN_IN_ERRORS[(code ?? "CredentialsSignin") as SignInErrorCode] ?? SIGN_IN_ERRORS.CredentialsSignin;
}
