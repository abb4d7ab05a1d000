// The `promptops-template` Monaco language: Mustache-style prompt templates with highlighting, `{{`/`}}`
// auto-closing, light/dark themes and a completion provider for variables and partials.
//
// Client-safe: this module only imports Monaco *types*; the monaco instance is passed in (from
// @monaco-editor/react's beforeMount/onMount), so importing it never pulls monaco-editor into a bundle.
import type * as Monaco from "monaco-editor";

export type MonacoApi = typeof Monaco;

export const TEMPLATE_LANGUAGE_ID = "promptops-template";
export const TEMPLATE_THEME_LIGHT = "promptops-light";
export const TEMPLATE_THEME_DARK = "promptops-dark";

/** Picks the Monaco theme for next-themes' `resolvedTheme`. */
export function templateThemeFor(resolvedTheme: string | undefined): string {
  return resolvedTheme === "dark" ? TEMPLATE_THEME_DARK : TEMPLATE_THEME_LIGHT;
}

/** What the completion provider offers inside one editor's model. */
export interface TemplateCompletionContext {
  /** Known variable names, offered after `{{`, `{{#`, `{{^`, `{{/` and `{{{`. */
  variables: readonly string[];
  /** Other prompts' names, offered after `{{>`. */
  partialNames: readonly string[];
}

// Per-model registry, so several editors on one page each complete their own lists. A WeakMap keyed by
// the model object lets disposed models be collected without explicit cleanup.
const completionContexts = new WeakMap<Monaco.editor.ITextModel, TemplateCompletionContext>();

export function setTemplateCompletionContext(model: Monaco.editor.ITextModel, context: TemplateCompletionContext): void {
  completionContexts.set(model, context);
}

export function clearTemplateCompletionContext(model: Monaco.editor.ITextModel): void {
  completionContexts.delete(model);
}

const registered = new WeakSet<object>();

/**
 * Registers the language, its configuration, tokenizer, themes and completion provider. Safe to call
 * on every mount: it does the work once per monaco instance.
 */
export function registerTemplateLanguage(monaco: MonacoApi): void {
  if (registered.has(monaco)) return;
  registered.add(monaco);

  if (!monaco.languages.getLanguages().some((l) => l.id === TEMPLATE_LANGUAGE_ID)) {
    monaco.languages.register({ id: TEMPLATE_LANGUAGE_ID, aliases: ["PromptOps template"], extensions: [".prompt"] });
  }
  monaco.languages.setLanguageConfiguration(TEMPLATE_LANGUAGE_ID, languageConfiguration);
  monaco.languages.setMonarchTokensProvider(TEMPLATE_LANGUAGE_ID, monarchLanguage);
  defineTemplateThemes(monaco);
  monaco.languages.registerCompletionItemProvider(TEMPLATE_LANGUAGE_ID, createCompletionProvider(monaco));
}

const languageConfiguration: Monaco.languages.LanguageConfiguration = {
  comments: { blockComment: ["{{!", "}}"] },
  brackets: [
    ["{{", "}}"],
    ["(", ")"],
    ["[", "]"],
  ],
  // `{{` auto-closes to `{{|}}` through the single-brace pair (typed twice). A literal `{{`→`}}` pair
  // would be worse: Monaco only "types over" auto-inserted *single-character* closers, so typing
  // `{{name}}` by hand would end as `{{name}}}}`. With `{`→`}` each typed `}` steps over the inserted
  // one, and the result is `{{name}}` however fast one types (quotes/parentheses stay manual: prose).
  autoClosingPairs: [{ open: "{", close: "}" }],
  surroundingPairs: [{ open: "{", close: "}" }],
  // Names may contain dots and dashes (`{{user.name}}`, `{{> support-tone}}`), so they select as one word.
  wordPattern: /[\w$][\w$.-]*/,
};

// Tag-name characters: identifiers with dots/dashes; partial names may also contain slashes.
const NAME = /[A-Za-z_$][\w$.-]*/;

const monarchLanguage: Monaco.languages.IMonarchLanguage = {
  defaultToken: "",
  tokenizer: {
    root: [
      [/\{\{!/, { token: "template.comment", next: "@comment" }],
      [/\{\{\{/, { token: "template.triple.delimiter", next: "@triple" }],
      [/\{\{\s*&/, { token: "template.triple.delimiter", next: "@ampersand" }],
      [/\{\{\s*#/, { token: "template.section.delimiter", next: "@section" }],
      [/\{\{\s*\^/, { token: "template.inverted.delimiter", next: "@inverted" }],
      [/\{\{\s*\//, { token: "template.close.delimiter", next: "@close" }],
      [/\{\{\s*>/, { token: "template.partial.delimiter", next: "@partial" }],
      [/\{\{/, { token: "template.delimiter", next: "@variable" }],
      [/[^{]+/, ""],
      [/\{/, ""],
    ],
    comment: [
      [/\}\}/, { token: "template.comment", next: "@pop" }],
      [/[^}]+/, "template.comment"],
      [/\}/, "template.comment"],
    ],
    triple: [
      [/\s+/, ""],
      [NAME, "template.triple"],
      [/\}\}\}/, { token: "template.triple.delimiter", next: "@pop" }],
      [/[^}\s]+|\}/, "template.invalid"],
    ],
    ampersand: [
      [/\s+/, ""],
      [NAME, "template.triple"],
      [/\}\}/, { token: "template.triple.delimiter", next: "@pop" }],
      [/[^}\s]+|\}/, "template.invalid"],
    ],
    section: [
      [/\s+/, ""],
      [NAME, "template.section"],
      [/\}\}/, { token: "template.section.delimiter", next: "@pop" }],
      [/[^}\s]+|\}/, "template.invalid"],
    ],
    inverted: [
      [/\s+/, ""],
      [NAME, "template.inverted"],
      [/\}\}/, { token: "template.inverted.delimiter", next: "@pop" }],
      [/[^}\s]+|\}/, "template.invalid"],
    ],
    close: [
      [/\s+/, ""],
      [NAME, "template.close"],
      [/\}\}/, { token: "template.close.delimiter", next: "@pop" }],
      [/[^}\s]+|\}/, "template.invalid"],
    ],
    partial: [
      [/\s+/, ""],
      [/[A-Za-z_$][\w$./-]*/, "template.partial"],
      [/@[\w.-]*/, "template.partial.label"],
      [/\}\}/, { token: "template.partial.delimiter", next: "@pop" }],
      [/[^}\s]+|\}/, "template.invalid"],
    ],
    variable: [
      [/\s+/, ""],
      [NAME, "template.variable"],
      [/\}\}/, { token: "template.delimiter", next: "@pop" }],
      [/[^}\s]+|\}/, "template.invalid"],
    ],
  },
};

function defineTemplateThemes(monaco: MonacoApi) {
  monaco.editor.defineTheme(TEMPLATE_THEME_LIGHT, {
    base: "vs",
    inherit: true,
    rules: [
      { token: "template.delimiter", foreground: "6366F1" },
      { token: "template.variable", foreground: "4338CA", fontStyle: "bold" },
      { token: "template.triple", foreground: "B45309", fontStyle: "bold" },
      { token: "template.triple.delimiter", foreground: "D97706" },
      { token: "template.section", foreground: "047857", fontStyle: "bold" },
      { token: "template.section.delimiter", foreground: "059669" },
      { token: "template.inverted", foreground: "BE123C", fontStyle: "bold" },
      { token: "template.inverted.delimiter", foreground: "E11D48" },
      { token: "template.close", foreground: "0E7490", fontStyle: "bold" },
      { token: "template.close.delimiter", foreground: "0891B2" },
      { token: "template.partial", foreground: "7E22CE", fontStyle: "bold" },
      { token: "template.partial.delimiter", foreground: "9333EA" },
      { token: "template.partial.label", foreground: "A21CAF", fontStyle: "italic" },
      { token: "template.comment", foreground: "71717A", fontStyle: "italic" },
      { token: "template.invalid", foreground: "DC2626", fontStyle: "underline" },
    ],
    colors: {},
  });
  monaco.editor.defineTheme(TEMPLATE_THEME_DARK, {
    base: "vs-dark",
    inherit: true,
    rules: [
      { token: "template.delimiter", foreground: "818CF8" },
      { token: "template.variable", foreground: "A5B4FC", fontStyle: "bold" },
      { token: "template.triple", foreground: "FCD34D", fontStyle: "bold" },
      { token: "template.triple.delimiter", foreground: "FBBF24" },
      { token: "template.section", foreground: "6EE7B7", fontStyle: "bold" },
      { token: "template.section.delimiter", foreground: "34D399" },
      { token: "template.inverted", foreground: "FDA4AF", fontStyle: "bold" },
      { token: "template.inverted.delimiter", foreground: "FB7185" },
      { token: "template.close", foreground: "67E8F9", fontStyle: "bold" },
      { token: "template.close.delimiter", foreground: "22D3EE" },
      { token: "template.partial", foreground: "D8B4FE", fontStyle: "bold" },
      { token: "template.partial.delimiter", foreground: "C084FC" },
      { token: "template.partial.label", foreground: "F0ABFC", fontStyle: "italic" },
      { token: "template.comment", foreground: "A1A1AA", fontStyle: "italic" },
      { token: "template.invalid", foreground: "F87171", fontStyle: "underline" },
    ],
    colors: {},
  });
}

// Text before the cursor that opens a tag we complete: `{{`, `{{{`, `{{&`, `{{#`, `{{^`, `{{/` → variables;
// `{{>` → partials. The captured group is the name typed so far (replaced by the suggestion).
const VARIABLE_CONTEXT = /\{\{(?:\{|\s*[&#^/])?\s*([A-Za-z_$][\w$.-]*)?$/;
const PARTIAL_CONTEXT = /\{\{\s*>\s*([A-Za-z_$][\w$./-]*)?$/;

function createCompletionProvider(monaco: MonacoApi): Monaco.languages.CompletionItemProvider {
  return {
    triggerCharacters: ["{", ">", "#", "^", "/", "&", " "],
    provideCompletionItems(model, position) {
      const context = completionContexts.get(model);
      if (!context) return { suggestions: [] };
      const before = model.getValueInRange({
        startLineNumber: position.lineNumber,
        startColumn: 1,
        endLineNumber: position.lineNumber,
        endColumn: position.column,
      });
      const after = model.getValueInRange({
        startLineNumber: position.lineNumber,
        startColumn: position.column,
        endLineNumber: position.lineNumber,
        endColumn: model.getLineMaxColumn(position.lineNumber),
      });

      const partial = PARTIAL_CONTEXT.exec(before);
      const variable = partial ? null : VARIABLE_CONTEXT.exec(before);
      const match = partial ?? variable;
      if (!match) return { suggestions: [] };

      const typed = match[1] ?? "";
      const range = new monaco.Range(position.lineNumber, position.column - typed.length, position.lineNumber, position.column);
      const isTriple = !partial && /\{\{\{\s*[\w$.-]*$/.test(before);
      const closer = isTriple ? "}}}" : "}}";
      // Auto-closing usually put `}}` after the cursor already (possibly only partly, at the moment the
      // trigger character fires): add the closer only when no brace follows at all.
      const needsCloser = !after.trimStart().startsWith("}");

      const names = partial ? context.partialNames : context.variables;
      const kind = partial ? monaco.languages.CompletionItemKind.Module : monaco.languages.CompletionItemKind.Variable;
      const detail = partial ? "prompt (partial)" : "variable";
      const suggestions = [...new Set(names)].map((name, index) => ({
        label: name,
        kind,
        detail,
        insertText: needsCloser ? `${name}${closer}` : name,
        range,
        sortText: String(index).padStart(4, "0"),
      }));
      return { suggestions };
    },
  };
}
