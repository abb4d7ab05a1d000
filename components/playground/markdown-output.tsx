"use client";

import ReactMarkdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Raw HTML in a model's reply becomes literal text (never elements), so `<script>` or `<img onerror>` is shown,
 * not run. react-markdown already never uses dangerouslySetInnerHTML; this makes the HTML visible instead of dropped.
 */
function htmlAsText() {
  return (tree: MarkdownNode) => turnHtmlIntoText(tree);
}

interface MarkdownNode {
  type: string;
  children?: MarkdownNode[];
}

function turnHtmlIntoText(node: MarkdownNode): void {
  for (const child of node.children ?? []) {
    // An mdast "html" node and a "text" node both carry their source in `value`.
    if (child.type === "html") child.type = "text";
    else turnHtmlIntoText(child);
  }
}

/** Only http(s) and mailto links survive (defaultUrlTransform already empties javascript: and data: URLs). */
function safeUrl(url: string): string {
  const transformed = defaultUrlTransform(url);
  return /^(https?:|mailto:|#|\/)/i.test(transformed) ? transformed : "";
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-indigo-700 underline dark:text-indigo-300">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // A reply must not make the browser fetch anything (tracking pixels): images are shown as their text.
  img: ({ alt, src }) => <span className="text-zinc-500">[image: {alt || "no description"}{typeof src === "string" && src ? ` ${src}` : ""}]</span>,
  pre: ({ children }) => <pre className="my-2 overflow-x-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-800">{children}</pre>,
  code: ({ children }) => <code className="rounded bg-zinc-100 px-1 font-mono text-xs dark:bg-zinc-800">{children}</code>,
  ul: ({ children }) => <ul className="my-2 list-disc pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="my-2 list-decimal pl-5">{children}</ol>,
  p: ({ children }) => <p className="my-2 first:mt-0 last:mb-0">{children}</p>,
  h1: ({ children }) => <p className="my-2 text-base font-semibold">{children}</p>,
  h2: ({ children }) => <p className="my-2 font-semibold">{children}</p>,
  h3: ({ children }) => <p className="my-2 font-semibold">{children}</p>,
  // A wide table scrolls inside the output instead of widening the column.
  table: ({ children }) => (
    <div className="my-2 max-w-full overflow-x-auto">
      <table className="border-collapse text-xs [&_td]:border [&_td]:px-1 [&_th]:border [&_th]:px-1">{children}</table>
    </div>
  ),
  del: ({ children }) => <del className="text-zinc-500">{children}</del>,
  // Task list items: GFM renders a checkbox; it is read-only, so it says so to assistive technology.
  input: ({ checked, type }) => (type === "checkbox" ? <input type="checkbox" checked={!!checked} readOnly disabled aria-label={checked ? "done" : "not done"} className="mr-1 align-middle" /> : null),
  li: ({ children, className }) => <li className={className === "task-list-item" ? "list-none" : undefined}>{children}</li>,
};

// GitHub-flavoured Markdown (tables, task lists, strikethrough, autolinks) first, then raw HTML is turned into text.
const remarkPlugins = [remarkGfm, htmlAsText];

export function MarkdownOutput({ text }: { text: string }) {
  return (
    <div className="text-sm leading-relaxed break-words">
      <ReactMarkdown remarkPlugins={remarkPlugins} urlTransform={safeUrl} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
