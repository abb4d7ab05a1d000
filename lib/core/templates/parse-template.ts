// Static analysis of a template: the variables and partials it uses and what is wrong with it. Never throws, so
// the editor can call it on every keystroke and show the issues as markers. Client-safe.
import { TEMPLATE_LIMITS, describeChars, formatCount } from "./limits";
import { parsePartialReference } from "./partial-ref";
import { scanTags, type ScannedTag } from "./scan-tags";
import { createLineIndex, type LineIndex } from "./source-position";

export interface PartialRef {
  name: string;
  label: string | null;
  /** Where the `{{>` tag starts (1-based). */
  line: number;
  column: number;
  /** Where the tag ends (exclusive, after its `}}`), so the editor can underline it. */
  endLine: number;
  endColumn: number;
  /** Inside a section or inverted section: rendered only when that section is, so its variables are optional. */
  inSection: boolean;
}

/** A problem with a range, 1-based; the end is exclusive, as in Monaco markers. */
export interface TemplateIssue {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface TemplateAnalysis {
  /** Top-level names used by interpolations and sections, unique, in order of first appearance. */
  variables: string[];
  /**
   * The variables every render needs: top-level names of `{{x}}`/`{{{x}}}` outside any section. A missing one fails
   * the render whatever the other values are; the rest may legitimately be absent (a section over a missing key is
   * false, and a name inside a section may come from the section's item).
   */
  requiredVariables: string[];
  /** Names of sections and inverted sections as written (dotted paths kept), unique, in order. */
  sections: string[];
  /** Every partial tag, in order (the same partial may appear more than once). */
  partials: PartialRef[];
  issues: TemplateIssue[];
}

/** The analysis plus what the renderer needs from the same scan. */
export interface InspectedTemplate {
  source: string;
  analysis: TemplateAnalysis;
  tags: ScannedTag[];
  lines: LineIndex;
}

// Letters, digits, "_" and "-", with "." between the steps of a path; "." alone is the current item of a list.
const namePattern = /^(?:\.|[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*)$/u;

export function analyseTemplate(source: string): TemplateAnalysis {
  return inspectTemplate(source).analysis;
}

export function inspectTemplate(source: string): InspectedTemplate {
  const lines = createLineIndex(source);
  if (source.length > TEMPLATE_LIMITS.maxTemplateChars) {
    const message = `Template is too large: ${formatCount(source.length)} characters (limit: ${describeChars(TEMPLATE_LIMITS.maxTemplateChars)}).`;
    const issue = { message, line: 1, column: 1, endLine: 1, endColumn: 1 };
    return { source, lines, tags: [], analysis: { variables: [], requiredVariables: [], sections: [], partials: [], issues: [issue] } };
  }

  const { tags, unclosedAt } = scanTags(source);
  const variables = new Set<string>();
  const requiredVariables = new Set<string>();
  const sections = new Set<string>();
  const partials: PartialRef[] = [];
  const found: { message: string; start: number; end: number }[] = [];
  const report = (message: string, tag: { start: number; end: number }) => found.push({ message, start: tag.start, end: tag.end });
  const open: ScannedTag[] = [];
  let reportedDepth = false;

  const acceptName = (tag: ScannedTag, what: string): boolean => {
    if (tag.value === "") {
      report(`Empty ${what} tag: write a name between the braces.`, tag);
      return false;
    }
    if (!namePattern.test(tag.value)) {
      report(`Invalid ${what} name "${tag.value}": use letters, digits, "_" and "-", with "." between parts (e.g. customer.name).`, tag);
      return false;
    }
    if (tag.value !== ".") variables.add(tag.value.split(".")[0] ?? tag.value);
    return true;
  };

  for (const tag of tags) {
    switch (tag.kind) {
      case "comment":
        break;
      case "delimiters":
        report("Changing delimiters ({{=<% %>=}}) is not supported.", tag);
        break;
      case "variable":
      case "raw":
        if (acceptName(tag, "variable") && open.length === 0 && tag.value !== ".") requiredVariables.add(tag.value.split(".")[0] ?? tag.value);
        break;
      case "section":
      case "inverted": {
        if (acceptName(tag, "section")) sections.add(tag.value);
        open.push(tag);
        if (open.length > TEMPLATE_LIMITS.maxSectionDepth && !reportedDepth) {
          reportedDepth = true;
          report(`Sections are nested more than ${TEMPLATE_LIMITS.maxSectionDepth} levels deep (limit: ${TEMPLATE_LIMITS.maxSectionDepth}).`, tag);
        }
        break;
      }
      case "close":
        closeSection(tag);
        break;
      case "partial": {
        const target = tag.value === "" ? null : parsePartialReference(tag.value);
        if (tag.value === "") report("Empty partial tag: write a prompt name, e.g. {{> support/greeting}}.", tag);
        else if (!target)
          report(`Invalid partial name "${tag.value}": use a prompt name such as support/greeting, optionally with @label or @version.`, tag);
        else {
          const end = lines.positionAt(tag.end);
          partials.push({ ...target, ...lines.positionAt(tag.start), endLine: end.line, endColumn: end.column, inSection: open.length > 0 });
        }
        break;
      }
    }
  }

  function closeSection(tag: ScannedTag) {
    if (tag.value === "") return report("Empty closing tag: write the section's name, e.g. {{/items}}.", tag);
    const top = open.at(-1);
    if (!top) return report(`Closing tag {{/${tag.value}}} has no matching {{#${tag.value}}}.`, tag);
    if (top.value === tag.value) return void open.pop();
    const match = open.findLastIndex((candidate) => candidate.value === tag.value);
    if (match === -1) {
      // Most often a typo in the closing name: treat it as closing the innermost section so one slip is one issue.
      open.pop();
      return report(`Closing tag {{/${tag.value}}} does not match the open section "${top.value}".`, tag);
    }
    for (const unclosed of open.splice(match).slice(1)) reportUnclosedSection(unclosed);
  }

  function reportUnclosedSection(tag: ScannedTag) {
    report(`Unclosed section "${tag.value}": add {{/${tag.value}}}.`, tag);
  }

  for (const unclosed of open) reportUnclosedSection(unclosed);
  if (unclosedAt !== null) {
    found.push({ message: 'Unclosed tag: "{{" has no matching "}}".', start: unclosedAt, end: Math.max(unclosedAt + 2, lines.lineEnd(unclosedAt)) });
  }

  const issues = found
    .sort((a, b) => a.start - b.start)
    .map(({ message, start, end }) => {
      const from = lines.positionAt(start);
      const to = lines.positionAt(end);
      return { message, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
    });

  return { source, lines, tags, analysis: { variables: [...variables], requiredVariables: [...requiredVariables], sections: [...sections], partials, issues } };
}
