export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-sm font-semibold tracking-wide text-indigo-600 dark:text-indigo-400">PromptOps Studio</p>
        {children}
      </div>
    </main>
  );
}
