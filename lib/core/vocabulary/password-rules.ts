// Shared by the server (zod schemas) and the browser (form hints), so it must not import server code.
export const MIN_PASSWORD_LENGTH = 10;
