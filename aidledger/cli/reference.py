"""The README's command reference, written from the commands themselves so the two cannot drift apart.

``python -m aidledger.cli.reference`` prints it; a test checks the README holds it as printed.
"""

from __future__ import annotations

from enum import Enum

import typer.main

from aidledger.cli import _register, app


def _default(param) -> str:
    value = param.default
    if value is None or value is False:
        return ""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, tuple):
        return " ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _section(name: str, command) -> list[str]:
    """One command's usage, first help line, argument help and options table."""
    arguments = " ".join(
        f"{p.name.upper()}{'...' if p.nargs == -1 else ''}" for p in command.params if p.param_type_name == "argument"
    )
    usage = f"aidledger {name} {arguments}".strip()
    lines = ["", f"### `{usage}`", "", _cell(command.help.splitlines()[0])]
    for param in command.params:
        if param.param_type_name == "argument" and param.help:
            lines += ["", f"{param.name.upper()}: {_cell(param.help)}"]
    options = [p for p in command.params if p.param_type_name == "option"]
    if options:
        lines += ["", "| option | default | what it does |", "|---|---|---|"]
        lines += [f"| `{', '.join(p.opts)}` | {_cell(_default(p))} | {_cell(p.help or '')} |" for p in options]
    if command.epilog:
        lines += ["", _cell(command.epilog)]
    return lines


def reference() -> str:
    """Markdown: per command (and per subcommand of a group, such as ``user add``), usage, help and options."""
    _register()
    group = typer.main.get_command(app)
    lines = [
        "## Command reference",
        "",
        "`aidledger --version` prints the version; `aidledger COMMAND --help`, the same as here.",
    ]
    for name, command in sorted(group.commands.items()):  # by name: the same whatever imported the commands first
        if hasattr(command, "commands"):  # a group such as `user`: its subcommands
            for sub_name, sub_command in sorted(command.commands.items()):
                lines += _section(f"{name} {sub_name}", sub_command)
        else:
            lines += _section(name, command)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(reference(), end="")
