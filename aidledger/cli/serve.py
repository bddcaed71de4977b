"""``aidledger serve`` (the web app) and ``aidledger user add|list|remove|password`` (who may review in it)."""

from __future__ import annotations

import ipaddress
import sys

import typer
from rich.console import Console

from aidledger.cli import app
from aidledger.cli.ledger import DB_HELP, _open

err = Console(stderr=True)
user_app = typer.Typer(help="Reviewer accounts: who may accept, correct and reject entries in the web app.")
app.add_typer(user_app, name="user")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _allowed_hosts(host: str, extra: list[str]) -> tuple[str, ...]:
    """The Host headers to answer: this host and loopback names (a guard against DNS rebinding), or any on 0.0.0.0."""
    from aidledger.web.app import LOOPBACK_HOSTS

    if host in ("0.0.0.0", "::") and not extra:
        return ("*",)
    return tuple(dict.fromkeys((host, *LOOPBACK_HOSTS, *extra)))


@app.command("serve")
def serve_command(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    public: bool | None = typer.Option(
        None,
        "--public/--private",
        help="Whether reading needs no sign-in. Default: open on a loopback address, sign-in required elsewhere.",
    ),
    allowed_host: list[str] = typer.Option(
        [], "--allowed-host", help="Another Host name the app answers to (e.g. behind a proxy); repeatable."
    ),
) -> None:
    """Browse the ledger in a browser, check each entry against its evidence and correct it; JSON API under /api."""
    import uvicorn

    from aidledger.web import WebSettings, create_app

    _open(db, must_exist=True)
    read_open = _is_loopback(host) if public is None else public
    application = create_app(WebSettings(db=db, read_open=read_open, allowed_hosts=_allowed_hosts(host, allowed_host)))
    shown = f"[{host}]" if ":" in host else host
    access = "reading open to anyone who can reach it" if read_open else "reading needs a signed-in reviewer"
    err.print(f"aidledger: serving the ledger on http://{shown}:{port}/ ({access}); Ctrl-C stops", highlight=False)
    if not _is_loopback(host):
        err.print(
            "aidledger: not on loopback: put it behind HTTPS so passwords and cookies stay private", highlight=False
        )
    uvicorn.run(application, host=host, port=port, log_level="warning")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


def _account(action, db: str | None, *args) -> None:
    """Run an account change in one transaction; a refused change is a one-line error and exit code 2."""
    from aidledger.web.auth import AccountError

    ledger = _open(db, must_exist=True)
    try:
        with ledger.sessions.begin() as session:
            action(session, *args)
    except AccountError as exc:
        err.print(f"[red]error[/red]: {exc}", highlight=False)
        raise typer.Exit(code=2) from None


@user_app.command("add")
def user_add(
    name: str = typer.Argument(..., help="The reviewer's sign-in name."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
) -> None:
    """Create a reviewer (asks for the password twice; stored as an argon2id hash)."""
    from aidledger.web.auth import add_reviewer

    _account(add_reviewer, db, name, _password(password_stdin))
    err.print(f"reviewer {name} added", highlight=False)


@user_app.command("password")
def user_password(
    name: str = typer.Argument(..., help="The reviewer's sign-in name."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
) -> None:
    """Set a reviewer's password; their open sessions end."""
    from aidledger.web.auth import set_password

    _account(set_password, db, name, _password(password_stdin))
    err.print(f"password of {name} changed", highlight=False)


@user_app.command("remove")
def user_remove(
    name: str = typer.Argument(..., help="The reviewer's sign-in name."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Remove a reviewer; the review history keeps their name."""
    from aidledger.web.auth import remove_reviewer

    _account(remove_reviewer, db, name)
    err.print(f"reviewer {name} removed", highlight=False)


@user_app.command("list")
def user_list(db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """The reviewers, with when each was added."""
    from aidledger.web.auth import list_reviewers

    ledger = _open(db, must_exist=True)
    with ledger.sessions() as session:
        for reviewer in list_reviewers(session):
            typer.echo(f"{reviewer.name}\t{reviewer.created_at:%Y-%m-%d %H:%M} UTC")
