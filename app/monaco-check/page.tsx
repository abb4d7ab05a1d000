"use client";

// TEMPORARY check page for the Monaco editor components. Delete before finishing.
import { useTheme } from "next-themes";
import { useState } from "react";
import { LazyTemplateEditor } from "@/components/editor/template-editor-lazy";
import { LazyVersionDiffEditor } from "@/components/editor/version-diff-editor-lazy";

const VARIABLES = ["product", "audience"];
const SYSTEM_VARIABLES = ["tone"];
const PARTIALS = ["greeting", "support-tone"];
const ISSUES = [{ message: "Unknown variable: prodcut", line: 1, column: 7, endLine: 1, endColumn: 18 }];

export default function MonacoCheckPage() {
  const { resolvedTheme, setTheme } = useTheme();
  const [value, setValue] = useState("Write {{prodcut}} copy for {{audience}}.\n{{#premium}}Premium!{{/premium}}{{^premium}}Basic{{/premium}}\n{{> greeting@prod}} {{! a comment }} {{{raw_html}}}");
  const [system, setSystem] = useState("You are a {{tone}} assistant.");
  const [saves, setSaves] = useState(0);
  const [runs, setRuns] = useState(0);
  const [systemSaves, setSystemSaves] = useState(0);
  const [sideBySide, setSideBySide] = useState(true);
  const [readOnly, setReadOnly] = useState(false);
  const [showEditor, setShowEditor] = useState(true);
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-4 p-6">
      <h1 className="text-xl font-semibold">Monaco check</h1>
      <div className="flex gap-2 text-sm">
        <button type="button" onClick={() => setTheme(resolvedTheme === "dark" ? "light" : "dark")}>Toggle theme</button>
        <button type="button" onClick={() => setSideBySide((s) => !s)}>Toggle diff layout</button>
        <button type="button" onClick={() => setReadOnly((s) => !s)}>Toggle read-only</button>
        <button type="button" onClick={() => setShowEditor((s) => !s)}>Toggle editor</button>
      </div>
      <p>
        Saves: <span data-testid="saves">{saves}</span> Runs: <span data-testid="runs">{runs}</span> System saves:{" "}
        <span data-testid="system-saves">{systemSaves}</span>
      </p>
      {showEditor && (
        <LazyTemplateEditor
          value={value}
          onChange={setValue}
          ariaLabel="Prompt template"
          readOnly={readOnly}
          variables={VARIABLES}
          partialNames={PARTIALS}
          issues={ISSUES}
          onSave={() => setSaves((n) => n + 1)}
          onRun={() => setRuns((n) => n + 1)}
        />
      )}
      <LazyTemplateEditor
        value={system}
        onChange={setSystem}
        ariaLabel="System message"
        variables={SYSTEM_VARIABLES}
        onSave={() => setSystemSaves((n) => n + 1)}
        height={140}
      />
      <pre data-testid="value" className="whitespace-pre-wrap text-xs">{value}</pre>
      <LazyVersionDiffEditor
        before={"Write copy for {{audience}}.\nKeep it short."}
        after={"Write {{product}} copy for {{audience}}.\nKeep it short and friendly."}
        sideBySide={sideBySide}
        ariaLabel="Version diff"
        height={200}
      />
    </main>
  );
}
