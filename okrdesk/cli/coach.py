"""`okrdesk lint`, `okrdesk check` and `okrdesk rules`: the coach from the command line."""

from __future__ import annotations

import argparse
import json

from okrdesk.coach import (
    RULES,
    Finding,
    check_initiative,
    check_key_result,
    check_objective,
    parse_metric,
)
from okrdesk.services.coaching import check_workspace, disabled_rules, set_rule_enabled
from okrdesk.services.workspace import Workspace

CHECKERS = {
    "objective": check_objective,
    "key-result": check_key_result,
    "initiative": check_initiative,
}


def _exit_status(findings: list[Finding]) -> int:
    """1 when the coach has a warning or an error; info alone is fine."""
    return 1 if any(f.severity in ("warning", "error") for f in findings) else 0


def _finding_line(f: Finding) -> str:
    return f"{f.severity}: {f.message} [{f.rule}]\n    hint: {f.hint}"


def cmd_lint(args: argparse.Namespace) -> int:
    findings = CHECKERS[args.kind](args.text)
    metric = parse_metric(args.text) if args.kind == "key-result" else None
    if args.json:
        document: dict = {"findings": [f.to_dict() for f in findings]}
        if metric is not None:
            document["metric"] = metric.to_dict()
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        for f in findings:
            print(_finding_line(f))
        if metric is not None:
            print(f"metric: {json.dumps(metric.to_dict(), ensure_ascii=False)}")
        if not findings:
            print("The coach has nothing to say: well written.")
    return _exit_status(findings)


def cmd_check(args: argparse.Namespace) -> int:
    with Workspace.open(args.path, read_only=True) as ws:
        found = check_workspace(ws, cycle=args.cycle, team=args.team)
    if args.json:
        print(json.dumps({"findings": [f.to_dict() for f in found]}, ensure_ascii=False, indent=2))
    else:
        team = None
        for f in found:
            if f.team != team:
                team = f.team
                print(f"\n{team}")
            print(f"  {f.item_title}")
            print("    " + _finding_line(f.finding).replace("\n", "\n    "))
        problems = sum(f.finding.severity != "info" for f in found)
        print(f"\n{len(found)} finding(s), {problems} warning(s) or error(s).")
    return _exit_status([f.finding for f in found])


def cmd_rules(args: argparse.Namespace) -> int:
    with Workspace.open(args.path) as ws:
        for rule in args.disable or []:
            set_rule_enabled(ws, rule, enabled=False)
        for rule in args.enable or []:
            set_rule_enabled(ws, rule, enabled=True)
        off = disabled_rules(ws)
    for rule in RULES.values():
        state = "off" if rule.id in off else "on "
        print(f"{state}  {rule.id:<34} {rule.severity:<8} {rule.title}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("lint", help="coach one statement")
    p.add_argument("kind", choices=sorted(CHECKERS))
    p.add_argument("text")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_lint)

    p = sub.add_parser("check", help="coach a workspace's OKRs (statement and set rules)")
    p.add_argument("path")
    p.add_argument("--cycle", help="cycle name (default: the current cycle)")
    p.add_argument("--team", help="only this team")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("rules", help="list the coach's rules; switch some off for a workspace")
    p.add_argument("path")
    p.add_argument("--disable", action="append", metavar="RULE", help="switch a rule off")
    p.add_argument("--enable", action="append", metavar="RULE", help="switch a rule back on")
    p.set_defaults(run=cmd_rules)


__all__ = ["register"]
