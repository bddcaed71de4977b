"""``aidledger serve`` and ``aidledger user``: accounts from the command line, the server as a user starts it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest
from typer.testing import CliRunner

from aidledger.cli import _register, app
from aidledger.cli.serve import _allowed_hosts, _is_loopback
from tests.web.conftest import client_for, sign_in

_register()
runner = CliRunner()


def test_a_reviewer_is_added_listed_given_a_new_password_and_removed(web_db):
    added = runner.invoke(app, ["user", "add", "bob", "--db", web_db, "--password-stdin"], input="a long passphrase\n")
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["user", "list", "--db", web_db])
    assert [line.split("\t")[0] for line in listed.stdout.splitlines()] == ["ann", "bob"]
    assert sign_in(client_for(web_db), "bob", "a long passphrase").status_code == 303
    changed = runner.invoke(
        app, ["user", "password", "bob", "--db", web_db, "--password-stdin"], input="another one!!\n"
    )
    assert changed.exit_code == 0
    assert sign_in(client_for(web_db), "bob", "another one!!").status_code == 303
    assert runner.invoke(app, ["user", "remove", "bob", "--db", web_db]).exit_code == 0
    assert sign_in(client_for(web_db), "bob", "another one!!").status_code == 401


def test_the_password_is_asked_twice_without_echo(web_db):
    result = runner.invoke(
        app, ["user", "add", "carol", "--db", web_db], input="a long passphrase\na long passphrase\n"
    )
    assert result.exit_code == 0
    assert "a long passphrase" not in result.output


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        (["user", "add", "ann"], "a long passphrase\n", "a reviewer named ann already exists"),
        (["user", "add", "dave"], "short\n", "a password has at least 10 characters"),
        (["user", "remove", "nobody"], "", "there is no reviewer named nobody"),
    ],
)
def test_an_account_change_that_cannot_be_done_is_one_line_and_exit_code_2(web_db, args, stdin, message):
    result = runner.invoke(app, [*args, "--db", web_db, *(["--password-stdin"] if stdin else [])], input=stdin)
    assert result.exit_code == 2
    assert message in result.stderr


def test_serve_and_user_need_an_existing_ledger(tmp_path):
    missing = str(tmp_path / "nowhere.db")
    for args in (["serve", "--db", missing], ["user", "list", "--db", missing]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "no ledger at" in result.stderr
    assert not (tmp_path / "nowhere.db").exists()


def test_reading_is_open_on_loopback_and_hosts_are_pinned_unless_listening_everywhere():
    assert all(_is_loopback(host) for host in ("127.0.0.1", "localhost", "::1", "127.0.0.2"))
    assert not any(_is_loopback(host) for host in ("0.0.0.0", "192.168.1.10", "example.org"))
    assert _allowed_hosts("127.0.0.1", []) == ("127.0.0.1", "localhost", "::1")
    assert _allowed_hosts("0.0.0.0", []) == ("*",)
    assert _allowed_hosts("0.0.0.0", ["ledger.example.org"])[-1] == "ledger.example.org"


def test_aidledger_serve_answers_on_the_port_it_was_given(web_db):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable,
        "-c",
        "from aidledger.cli import main; main()",
        "serve",
        "--db",
        web_db,
        "--port",
        str(port),
    ]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=os.environ | {"PYTHONUNBUFFERED": "1"})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/packages", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "aidledger serve did not come up"
                time.sleep(0.2)
        assert response.status_code == 200 and response.json()["total"] == 5
        assert httpx.get(f"http://127.0.0.1:{port}/", headers={"host": "rebound.example"}).status_code == 400
    finally:
        server.send_signal(signal.SIGINT)
        _, stderr = server.communicate(timeout=20)
    assert f"serving the ledger on http://127.0.0.1:{port}/ (reading open" in stderr.replace("\n", "")
