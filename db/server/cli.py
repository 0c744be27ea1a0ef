"""``hearing-desk-server``: serve the sync service, migrate its database, issue and revoke tokens."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from pathlib import Path

from sqlalchemy import Engine

from db.engine import create_server_engine

APP_NAME = "hearing-desk-server"
DEFAULT_FILE = "central.sqlite3"


def default_url() -> str:
    """The embedded default: a SQLite file in this user's data folder (starts with no PostgreSQL)."""
    import platformdirs

    folder = Path(platformdirs.user_data_dir(APP_NAME))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite+pysqlite:///{folder / DEFAULT_FILE}"


def server_engine(url: str) -> Engine:
    """The central database's engine (see ``db.engine.create_server_engine``)."""
    return create_server_engine(url)


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=APP_NAME, description="The Hearing Desk central sync service.")
    commands = parser.add_subparsers(dest="command", required=True)

    def with_db(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument("--db", help="database URL (default: a SQLite file in the user data folder)")
        return sub

    serve = with_db(commands.add_parser("serve", help="run the sync service"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8470)
    serve.add_argument("--tls-cert", help="certificate file (PEM); required off loopback")
    serve.add_argument("--tls-key", help="private key file (PEM); required off loopback")
    serve.add_argument("--demo", action="store_true", help="a training server: serves only demo workstations")
    with_db(commands.add_parser("migrate", help="create or upgrade the central database"))
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
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
    from db.server import migrate, service

    engine = server_engine(args.db or default_url())
    try:
        if args.command == "migrate":
            migrate.upgrade(engine)
            print("The central database is at the current schema.")
            return 0
        if not migrate.is_current(engine):
            print(
                "The central database is not at the current schema; run "
                f"`{APP_NAME} migrate` with the same --db first.",
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
    finally:
        engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
