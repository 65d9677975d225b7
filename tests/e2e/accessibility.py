"""Automated WCAG 2.1 A/AA checks with axe-core (from the npm registry) in the real browser."""

from pathlib import Path

from tests.services import require_service

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assert_no_axe_violations(page) -> None:
    if not AXE.exists():
        require_service("axe-core", "run `npm ci` to install the front-end packages")
    # Evaluated rather than added as a <script> element, which the Content-Security-Policy refuses.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    {node['target']}: {node['failureSummary']}" for node in v["nodes"][:5])
        for v in result["violations"]
    ]
    assert not problems, f"{page.url} has WCAG 2.1 AA violations:\n" + "\n".join(problems)
