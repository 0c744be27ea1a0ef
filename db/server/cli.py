"""``hearing-desk-server``: serve the sync service, migrate its database, issue and revoke tokens.

The database's address comes from ``--db`` or the environment and its password from a file or the
environment (``db.server.config``); TLS certificate and key, address and port from flags or
``HEARING_DESK_TLS_CERT`` / ``HEARING_DESK_TLS_KEY`` / ``HEARING_DESK_HOST`` / ``HEARING_DESK_PORT``.
"""

from __future__ import annotations

import argparse
import ipaddress
import sys

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from db.engine import create_server_engine
from db.server import config

APP_NAME = "hearing-desk-server"
DEFAULT_PORT = 8470


def server_engine(url: str | URL) -> Engine:
    """The central database's engine (see ``db.engine.create_server_engine``)."""
    return create_server_engine(url)


def unreachable_sentence(url: URL, error: Exception) -> str:
    """One sentence for a database that does not answer, naming it without its password."""
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()
    first = reason[0].rstrip(".") if reason else type(error).__name__
    return f"The central database {config.shown(url)} cannot be reached: {first}."


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="The Hearing Desk central sync service. The database's address comes from --db or "
        f"{config.URL_VARIABLE} / {config.HOST_VARIABLE}, its password from {config.PASSWORD_FILE_VARIABLE} "
        f"or {config.PASSWORD_VARIABLE} (never from the command line); see {config.DEPLOYMENT_PAGE}.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    def with_db(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument(
            "--db",
            help=f"database URL without a password (default: {config.URL_VARIABLE}, or "
            f"{config.HOST_VARIABLE} and the other HEARING_DESK_DB_* variables)",
        )
        sub.add_argument(
            "--allow-sqlite",
            action="store_true",
            help="accept a SQLite file as the central database, for a trial on one machine",
        )
        return sub

    serve = with_db(commands.add_parser("serve", help="run the sync service"))
    serve.add_argument(
        "--host",
        default=config.env_default(config.HOST_BIND_VARIABLE) or "127.0.0.1",
        help=f"address to listen on (default: {config.HOST_BIND_VARIABLE}, else 127.0.0.1)",
    )
    serve.add_argument(
        "--port",
        type=_port,
        default=config.env_default(config.PORT_BIND_VARIABLE) or str(DEFAULT_PORT),
        help=f"port to listen on (default: {config.PORT_BIND_VARIABLE}, else {DEFAULT_PORT})",
    )
    serve.add_argument(
        "--tls-cert",
        default=config.env_default(config.TLS_CERT_VARIABLE),
        help=f"certificate file (PEM); required off loopback (default: {config.TLS_CERT_VARIABLE})",
    )
    serve.add_argument(
        "--tls-key",
        default=config.env_default(config.TLS_KEY_VARIABLE),
        help=f"private key file (PEM); required off loopback (default: {config.TLS_KEY_VARIABLE})",
    )
    serve.add_argument("--demo", action="store_true", help="a training server: serves only demo workstations")
    with_db(commands.add_parser("migrate", help="create or upgrade the central database"))
    health = commands.add_parser(
        "health",
        help="ask this machine's running service whether it can serve (for a container's health check)",
        description="GET /health of the service on this machine: exit 0 when it answers 200, else 1 with "
        "its sentence. The address follows the serve settings (HEARING_DESK_PORT, https when "
        "HEARING_DESK_TLS_CERT is set); the certificate is not checked, since this asks the local "
        "instance whether it runs, not who it is.",
    )
    health.add_argument("--url", help="the health endpoint's full URL instead")
    add = with_db(
        commands.add_parser(
            "add-workstation", help="issue a token for a new workstation, or a new one for a revoked one"
        )
    )
    add.add_argument("name")
    revoke = with_db(commands.add_parser("revoke-workstation", help="revoke a workstation's token"))
    revoke.add_argument("name")
    with_db(
        commands.add_parser(
            "publish-rows",
            help="send rows written straight into the central database (an import) to every workstation",
        )
    )
    with_db(
        commands.add_parser(
            "restored",
            help="after restoring the central database from a backup (instances stopped): workstations send "
            "again what the restore took away, and number blocks continue past those leased since",
        )
    )
    return parser


def local_health_url(environ: dict[str, str] | None = None) -> str:
    """Where ``health`` asks: this machine's instance, as ``serve`` would listen with the same settings."""
    port = config.env_default(config.PORT_BIND_VARIABLE, environ) or str(DEFAULT_PORT)
    scheme = "https" if config.env_default(config.TLS_CERT_VARIABLE, environ) else "http"
    return f"{scheme}://127.0.0.1:{port}/health"


def check_health(url: str, timeout: float = 5.0) -> tuple[bool, str]:
    """(healthy, sentence) from the service's ``GET /health``."""
    import json
    import ssl
    import urllib.error
    import urllib.request

    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with urllib.request.urlopen(url, timeout=timeout, context=context) as answer:
            body = json.loads(answer.read() or b"{}")
            return True, f"The service is healthy (schema revision {body.get('schema_revision')})."
    except urllib.error.HTTPError as error:
        try:
            detail = json.loads(error.read() or b"{}").get("detail")
        except ValueError:
            detail = None
        return False, detail or f"The service answered {error.code}."
    except (OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        return False, f"The service at {url} does not answer: {reason}."


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "health":
        healthy, sentence = check_health(args.url or local_health_url())
        print(sentence, file=sys.stdout if healthy else sys.stderr)
        return 0 if healthy else 1
    if args.command == "serve":
        tls = bool(args.tls_cert and args.tls_key)
        if not is_loopback(args.host) and not tls:
            print(
                f"Refusing to serve plain HTTP on {args.host}: off loopback the service needs "
                "--tls-cert and --tls-key.",
                file=sys.stderr,
            )
            return 2
        if bool(args.tls_cert) != bool(args.tls_key):
            print("TLS needs both --tls-cert and --tls-key.", file=sys.stderr)
            return 2
    try:
        url = config.database_url(args.db, allow_sqlite=args.allow_sqlite)
    except config.ConfigurationError as error:
        print(error, file=sys.stderr)
        return 2
    engine = server_engine(url)
    try:
        return _run(args, engine)
    except (OperationalError, PoolTimeout) as error:
        print(unreachable_sentence(url, error), file=sys.stderr)
        return 1
    finally:
        engine.dispose()


def _run(args: argparse.Namespace, engine: Engine) -> int:
    from db.server import migrate, service

    if args.command == "migrate":
        migrate.upgrade(engine)
        print("The central database is at the current schema.")
        return 0
    if not migrate.is_current(engine):
        print(
            "The central database is not at the current schema; run "
            f"`{APP_NAME} migrate` with the same database settings first.",
            file=sys.stderr,
        )
        return 1
    if args.command == "add-workstation":
        reissue = service.is_revoked(engine, args.name)
        try:
            token = service.add_workstation(engine, args.name)
        except service.Refused as error:
            print(error, file=sys.stderr)
            return 1
        name = args.name.strip()
        if reissue:
            print(
                f"The workstation {name} had been revoked; it gets a new token now and its old token "
                "stays refused. Enter the new token in the workstation's sync settings."
            )
        print(f"Token for {name} (shown only this once):")
        print(token)
        return 0
    if args.command == "restored":
        service.mark_restored(engine)
        print(
            "The central database is marked as restored from a backup. With its next sync every workstation "
            "sends again what it had sent since (the server keeps what it already has) and reads the "
            f"server's changes again; every week's numbers continue {service.RESTORE_NUMBER_MARGIN} further "
            "on. Start the server instances now; then revoke again the tokens revoked after the backup and "
            "issue again those issued after it."
        )
        return 0
    if args.command == "revoke-workstation":
        try:
            service.revoke_workstation(engine, args.name)
        except service.NotFound as error:
            print(error, file=sys.stderr)
            return 1
        print(f"The workstation {args.name} can no longer sync.")
        return 0
    if args.command == "publish-rows":
        added = service.publish_existing_rows(engine)
        print(f"{added} rows are now sent to every workstation with its next sync.")
        return 0
    import uvicorn

    from db.server.app import create_app

    uvicorn.run(
        create_app(engine, demo=args.demo),
        host=args.host,
        port=args.port,
        ssl_certfile=args.tls_cert,
        ssl_keyfile=args.tls_key,
        log_level="info",
        access_log=False,  # a line for every idle poll of every workstation says nothing
        # Workstations poll every 5 s: their connections stay open between polls instead of being
        # closed (uvicorn's default is 5 s) and built again for every poll.
        timeout_keep_alive=30,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
