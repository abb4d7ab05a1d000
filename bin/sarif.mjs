// SARIF 2.1.0 for `promptops lint --sarif`, the format GitHub code scanning reads: one run, the linter's rules with
// their rationale, and one result per finding; a finding silenced by `{{! lint-disable rule: reason }}` is a result
// with an in-source suppression carrying its reason. Plain Node ESM.

const LEVEL = { error: "error", warning: "warning", info: "note" };

/**
 * `rules`: [{ id, severity, summary, rationale }]; `findings`: [{ ruleId, severity, message, uri, region, silencedReason? }].
 * `helpBase`: where each rule is explained (the studio's Settings → Lint page).
 */
export function sarifLog({ rules, findings, version, helpBase }) {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "promptops-lint",
            version,
            informationUri: helpBase,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.summary },
              fullDescription: { text: rule.rationale },
              helpUri: `${helpBase}#rule-${rule.id}`,
              defaultConfiguration: { level: LEVEL[rule.severity] },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.uri }, region: f.region } }],
          ...(f.silencedReason !== undefined ? { suppressions: [{ kind: "inSource", justification: f.silencedReason }] } : {}),
        })),
      },
    ],
  };
}
