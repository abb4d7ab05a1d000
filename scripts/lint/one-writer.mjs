// ESLint rule `studio/one-writer`: a feature's manage-*.ts modules are the only code that inserts, updates or deletes
// its tables. Every other file (a page, an import, a seed, another feature) goes through them, so it gets the same
// validation, audit entry and triggers. Options: { owners: { "<feature folder>": ["tableExport", ...] } }.
//
// It flags `x.insert(table)`, `x.update(table)` and `x.delete(table)` where `table` is imported from db/schema (by
// name or as a namespace member) and belongs to a feature whose manage modules this file is not, and the same writes
// in SQL text: `INSERT INTO eval_results`, `UPDATE eval_runs SET`, `DELETE FROM prompts`, or drizzle's
// sql`update ${prompts} set ...`.

const WRITES = new Set(["insert", "update", "delete"]);
// SQL's own grammar, so an English sentence ("could not update prompts") is not taken for a statement.
const SQL_WRITE = /\b(?:insert\s+(?:or\s+\w+\s+)?into\s+["`]?(\w+)|update\s+["`]?(\w+)["`]?\s+set\b|delete\s+from\s+["`]?(\w+))/gi;
const SQL_WRITE_BEFORE_TABLE = /\b(?:insert\s+(?:or\s+\w+\s+)?into|update|delete\s+from)\s+$/i;
const snake = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** @type {import("eslint").Rule.RuleModule} */
const oneWriter = {
  meta: {
    type: "problem",
    docs: { description: "Only a feature's manage-*.ts modules write its tables." },
    schema: [{ type: "object", properties: { owners: { type: "object" } }, required: ["owners"], additionalProperties: false }],
    messages: {
      notOwner:
        "{{table}} belongs to {{owner}}: only its manage-*.ts modules write it (insert, update, delete). Call one of them instead.",
    },
  },
  create(context) {
    const owners = context.options[0].owners;
    const ownerOf = new Map(Object.entries(owners).flatMap(([folder, tables]) => tables.map((t) => [t, folder.replace(/\/$/, "")])));
    const tableOfSql = new Map([...ownerOf.keys()].map((t) => [snake(t), t]));
    const file = context.filename.replaceAll("\\", "/");
    const rel = file.slice(file.lastIndexOf("/lib/") >= 0 ? file.lastIndexOf("/lib/") + 1 : 0);
    /** local name -> table export name, for imports from db/schema */
    const tables = new Map();
    const namespaces = new Set();
    const mayWrite = (folder) => new RegExp(`^${folder}/(?:.+/)?manage-[^/]+\\.ts$`).test(rel);
    const check = (node, table) => {
      const owner = table && ownerOf.get(table);
      if (owner && !mayWrite(owner)) context.report({ node, messageId: "notOwner", data: { table, owner } });
    };
    const checkSqlText = (node, text) => {
      for (const match of text.matchAll(SQL_WRITE)) check(node, tableOfSql.get((match[1] ?? match[2] ?? match[3]).toLowerCase()));
    };
    return {
      ImportDeclaration(node) {
        if (!/(^|\/)db\/schema(\/index)?$|^@\/db\/schema/.test(node.source.value)) return;
        for (const s of node.specifiers) {
          if (s.type === "ImportSpecifier") tables.set(s.local.name, s.imported.name);
          else if (s.type === "ImportNamespaceSpecifier") namespaces.add(s.local.name);
        }
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== "MemberExpression" || callee.property.type !== "Identifier" || !WRITES.has(callee.property.name)) return;
        const arg = node.arguments[0];
        let table;
        if (arg?.type === "Identifier") table = tables.get(arg.name);
        else if (arg?.type === "MemberExpression" && arg.object.type === "Identifier" && namespaces.has(arg.object.name) && arg.property.type === "Identifier") table = arg.property.name;
        check(node, table);
      },
      Literal(node) {
        if (typeof node.value === "string") checkSqlText(node, node.value);
      },
      TemplateLiteral(node) {
        node.quasis.forEach((quasi, i) => {
          checkSqlText(node, quasi.value.cooked ?? quasi.value.raw);
          const next = node.expressions[i];
          if (next?.type === "Identifier" && SQL_WRITE_BEFORE_TABLE.test(quasi.value.cooked ?? quasi.value.raw)) check(node, tables.get(next.name));
        });
      },
    };
  },
};

export default oneWriter;
