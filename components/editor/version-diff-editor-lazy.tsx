"use client";

// What pages import: the Monaco diff editor, browser-only, with a skeleton while it loads.
import dynamic from "next/dynamic";
import { EditorSkeleton } from "@/components/editor/editor-skeleton";
import type { VersionDiffEditorProps } from "@/components/editor/monaco/types";

export type { DiffLanguage, VersionDiffEditorProps } from "@/components/editor/monaco/types";

export const LazyVersionDiffEditor = dynamic<VersionDiffEditorProps>(
  () => import("./version-diff-editor").then((m) => m.VersionDiffEditor),
  { ssr: false, loading: () => <EditorSkeleton height={200} label="Loading diff…" /> },
);
