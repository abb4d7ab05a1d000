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

/**
 * The states inside a tag, after its opening delimiter: white space, the name (and what may follow it, a partial's
 * @label), then the closing delimiter, which returns to the text around the tag. Anything else there is invalid.
 */
function insideTag({
  name,
  delimiter,
  closer = /\}\}/,
  namePattern = NAME,
  after = [],
}: {
  name: string;
  delimiter: string;
  closer?: RegExp;
  namePattern?: RegExp;
  after?: Monaco.languages.IMonarchLanguageRule[];
}): Monaco.languages.IMonarchLanguageRule[] {
  return [
    [/\s+/, ""],
    [namePattern, name],
    ...after,
    [closer, { token: delimiter, next: "@pop" }],
    [/[^}\s]+|\}/, "template.invalid"],
  ];
}

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
    triple: insideTag({ name: "template.triple", delimiter: "template.triple.delimiter", closer: /\}\}\}/ }),
    ampersand: insideTag({ name: "template.triple", delimiter: "template.triple.delimiter" }),
    section: insideTag({ name: "template.section", delimiter: "template.section.delimiter" }),
    inverted: insideTag({ name: "template.inverted", delimiter: "template.inverted.delimiter" }),
    close: insideTag({ name: "template.close", delimiter: "template.close.delimiter" }),
    partial: insideTag({
      name: "template.partial",
      delimiter: "template.partial.delimiter",
      namePattern: /[A-Za-z_$][\w$./-]*/,
      after: [[/@[\w.-]*/, "template.partial.label"]],
    }),
    variable: insideTag({ name: "template.variable", delimiter: "template.delimiter" }),
  },
};

// Each token's colour in the light theme and in the dark one, side by side so the two stay in step.
const TOKEN_STYLES: readonly { token: string; light: string; dark: string; fontStyle?: "bold" | "italic" | "underline" }[] = [
  { token: "template.delimiter", light: "6366F1", dark: "818CF8" },
  { token: "template.variable", light: "4338CA", dark: "A5B4FC", fontStyle: "bold" },
  { token: "template.triple", light: "B45309", dark: "FCD34D", fontStyle: "bold" },
  { token: "template.triple.delimiter", light: "D97706", dark: "FBBF24" },
  { token: "template.section", light: "047857", dark: "6EE7B7", fontStyle: "bold" },
  { token: "template.section.delimiter", light: "059669", dark: "34D399" },
  { token: "template.inverted", light: "BE123C", dark: "FDA4AF", fontStyle: "bold" },
  { token: "template.inverted.delimiter", light: "E11D48", dark: "FB7185" },
  { token: "template.close", light: "0E7490", dark: "67E8F9", fontStyle: "bold" },
  { token: "template.close.delimiter", light: "0891B2", dark: "22D3EE" },
  { token: "template.partial", light: "7E22CE", dark: "D8B4FE", fontStyle: "bold" },
  { token: "template.partial.delimiter", light: "9333EA", dark: "C084FC" },
  { token: "template.partial.label", light: "A21CAF", dark: "F0ABFC", fontStyle: "italic" },
  { token: "template.comment", light: "71717A", dark: "A1A1AA", fontStyle: "italic" },
  { token: "template.invalid", light: "DC2626", dark: "F87171", fontStyle: "underline" },
];

function defineTemplateThemes(monaco: MonacoApi) {
  const themes = [
    { name: TEMPLATE_THEME_LIGHT, base: "vs", scheme: "light" },
    { name: TEMPLATE_THEME_DARK, base: "vs-dark", scheme: "dark" },
  ] as const;
  for (const { name, base, scheme } of themes) {
    monaco.editor.defineTheme(name, {
      base,
      inherit: true,
      rules: TOKEN_STYLES.map(({ token, fontStyle, ...colours }) => ({ token, foreground: colours[scheme], ...(fontStyle ? { fontStyle } : {}) })),
      colors: {},
    });
  }
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
