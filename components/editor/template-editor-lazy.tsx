"use client";

// What pages import: loads the Monaco editor in the browser only (Monaco touches `navigator`/`window`
// at import, so it must never be server-rendered) and shows a skeleton meanwhile.
import dynamic from "next/dynamic";
import { EditorSkeleton } from "@/components/editor/editor-skeleton";
import type { TemplateEditorProps } from "@/components/editor/monaco/types";

export type { TemplateEditorIssue, TemplateEditorProps } from "@/components/editor/monaco/types";

export const LazyTemplateEditor = dynamic<TemplateEditorProps>(() => import("./template-editor").then((m) => m.TemplateEditor), {
  ssr: false,
  loading: () => <EditorSkeleton height={120} />,
});
