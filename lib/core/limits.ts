// Request body limits, in bytes, enforced while the body streams in (lib/platform/http/body.ts) and, for server actions,
// before Next reads one (lib/platform/http/node-guard.ts). Client-safe: the editor checks a version against the action
// limit before sending it. SECURITY.md lists every limit; keep the two in step.

const KiB = 1024;
const MiB = 1024 * KiB;

export const BODY_LIMITS = {
  /** What a route outside the session may be sent: next-auth's sign-in and sign-out forms. */
  publicForm: 64 * KiB,
  /** A small JSON request: a generation or an end-user feedback an application reports. */
  json: 1 * MiB,
  /**
   * Bodies that carry a prompt's content: the playground's run request and server actions (saving a version).
   * A template may hold 1 MiB (1,048,576 characters); JSON escaping can grow a character to at most 6 bytes
   * (a control character as \u0001), so a template at its limit always fits in 8 MiB.
   */
  promptContent: 8 * MiB,
  /** A dataset file (at most 5 MiB) or promptfoo config (1 MB) sent as JSON text, with room for its escaping. */
  fileAsJson: 10 * MiB,
  /** The prompt import upload (multipart): the 50 MiB of files lib/prompts/portable accepts, plus form framing. */
  upload: 51 * MiB,
  /** The delivery API's write endpoints (render, versions, promotions, eval runs). */
  deliveryApi: 8 * MiB,
  /** JSON nesting depth of any parsed body: deeper is refused before anything walks it recursively. */
  maxJsonDepth: 64,
} as const;

/** "8 MiB": limit errors name the limit they hit. */
export function describeBytes(bytes: number): string {
  if (bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes % KiB === 0) return `${bytes / KiB} KiB`;
  return `${bytes} bytes`;
}
