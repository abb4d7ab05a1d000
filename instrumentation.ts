// Next calls this once per server process; the Node-only boot lives in lib/boot/boot.ts so the
// edge bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { boot } = await import("@/lib/boot/boot");
    await boot();
  }
}
