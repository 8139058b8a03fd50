"""The launcher knows every subcommand by name without importing the modules behind them."""

from __future__ import annotations

from okrdesk.cli import SUBCOMMANDS, tools_parser


def test_the_names_the_launcher_knows_are_the_commands_the_modules_register() -> None:
    _tools, sub = tools_parser()
    assert {c for names in SUBCOMMANDS.values() for c in names} == set(sub.choices)


def test_each_command_is_listed_under_the_module_that_registers_it() -> None:
    _tools, sub = tools_parser()
    for module, names in SUBCOMMANDS.items():
        for name in names:
            run = sub.choices[name].get_default("run")
            assert run.__module__ == module, name
