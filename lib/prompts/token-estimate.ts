// A quick, model-agnostic token estimate for the editor (≈ what BPE tokenizers give for English prose:
// about four characters per token). Exact counts come from the provider's usage after a run. Client-safe.
export function estimateTokens(text: string): number {
  if (!text) return 0;
  const words = text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)?.length ?? 0;
  return Math.max(words, Math.ceil(text.length / 4));
}
