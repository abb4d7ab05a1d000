import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownOutput } from "./markdown-output";

const render = (text: string) => renderToStaticMarkup(<MarkdownOutput text={text} />);

describe("MarkdownOutput", () => {
  it("renders GitHub-flavoured tables inside a scrolling box", () => {
    const html = render("| a | b |\n| - | - |\n| 1 | 2 |");
    expect(html).toMatch(/<div class="[^"]*overflow-x-auto[^"]*"><table/);
    expect(html).toContain("<th>a</th>");
    expect(html).toContain("<td>2</td>");
  });

  it("renders task lists as read-only checkboxes", () => {
    const html = render("- [x] shipped\n- [ ] tested");
    const boxes = html.match(/<input [^>]*>/g) ?? [];
    expect(boxes).toHaveLength(2);
    expect(boxes[0]).toMatch(/aria-label="done"/);
    expect(boxes[0]).toMatch(/checked=""/);
    expect(boxes[1]).toMatch(/aria-label="not done"/);
    expect(boxes[1]).not.toMatch(/checked=""/);
    for (const box of boxes) expect(box).toMatch(/disabled=""/);
  });

  it("renders strikethrough", () => {
    expect(render("~~old~~ new")).toContain("<del");
  });

  it("shows raw HTML as text, never as elements", () => {
    const html = render('<img src=x onerror="alert(1)"> and <script>alert(2)</script>\n\n| <b>x</b> |\n| - |\n| y |');
    expect(html).not.toMatch(/<img|<script|<b>/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops javascript: links and never loads images", () => {
    const html = render("[click](javascript:alert(1)) ![pixel](https://tracker.example/p.gif)");
    expect(html).not.toContain("javascript:");
    expect(html).not.toMatch(/<img/);
    expect(html).toContain("[image: pixel https://tracker.example/p.gif]");
  });
});
