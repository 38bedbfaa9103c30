// HTML validity of the pages, checked with html-validate (npm, offline):
// the HTML standard's content models, attributes and ids (preset
// "standard") and the accessibility rules on top of it (preset "a11y").
//
// One rule is configured: aria-label is allowed on every element whose role
// may be named (WAI-ARIA 1.2, "Name From: author"), e.g. the list of class
// counts on the home page; the rule's default also refuses those.
import { HtmlValidate } from 'html-validate';

const validator = new HtmlValidate({
  extends: ['html-validate:standard', 'html-validate:a11y'],
  rules: { 'aria-label-misuse': ['error', { allowAnyNamable: true }] },
});

/// The problems in one document, as "name:line:column message (rule)".
export async function htmlProblems(name, html) {
  const report = await validator.validateString(html, name);
  const problems = [];
  for (const result of report.results) {
    for (const m of result.messages) problems.push(`${name}:${m.line}:${m.column} ${m.message} (${m.ruleId})`);
  }
  return problems;
}

/// Collects the HTML documents a browser context receives (status 200),
/// for checking them at the end: context.on('response', collector.add).
export function documentCollector() {
  const pending = [];
  return {
    add(response) {
      if (response.request().resourceType() !== 'document' || response.status() !== 200) return;
      if (!(response.headers()['content-type'] || '').startsWith('text/html')) return;
      pending.push(response.text().then((html) => ({ url: response.url(), html }), () => null));
    },
    async problems() {
      const documents = (await Promise.all(pending)).filter((d) => d !== null);
      const seen = new Set();
      const all = [];
      for (const d of documents) {
        if (seen.has(d.html)) continue;
        seen.add(d.html);
        all.push(...(await htmlProblems(d.url, d.html)));
      }
      return { count: seen.size, problems: all };
    },
  };
}
