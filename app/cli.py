"""``hearing-desk-admin``: the administrator's command line.

    hearing-desk-admin --version
    hearing-desk-admin demo-data --scale small|large [--data-dir DIR] [--replace] [--seed N]
    hearing-desk-admin migrate [--data-dir DIR]
    hearing-desk-admin first-start demo|join|empty [--server URL --workstation NAME --token-file FILE]
        [--data-dir DIR]
    hearing-desk-admin report-dispatch ORDER --user NAME --location CODE [--on DAY] [--data-dir DIR]
    hearing-desk-admin decode IMAGE...

Errors the administrator can act on (a locked, read-only or damaged database, a newer schema, a
database that already holds data) are printed as one sentence on stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.config import default_data_dir
from app.database import DATABASE_FILE, Database, environment_errors, remove_stale
from app.errors import ClerkError
from db import migrate as migrations

EXIT_PROBLEM = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hearing-desk-admin", description="Administration of a Hearing Desk workstation's database."
    )
    parser.add_argument("--version", action="version", version=f"hearing-desk-admin {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser(
        "demo-data",
        help="fill a new database with demo data (a Region Skåne hearing reception)",
        description="Fill a new database with demo data: small for a first look and tests, large "
        "(300 000 patients, 1 000 000 individuals) for benchmarks. When it is done it prints identity "
        "numbers of showcase patients to try (an ordinary patient, a protected identity, a deceased "
        "patient, ...) and other numbers (orders, individuals, SIP).",
    )
    demo.add_argument("--scale", choices=("small", "large"), default="small", help="default: small")
    demo.add_argument("--data-dir", type=Path, default=None, help="default: the user's data directory")
    demo.add_argument(
        "--replace", action="store_true", help="delete the database in the data directory first"
    )
    demo.add_argument("--seed", type=int, default=7, help="the same seed gives the same data (default: 7)")
    demo.set_defaults(run=demo_data)

    upgrade = commands.add_parser(
        "migrate",
        help="create or migrate the database to this version's schema",
        description="Create the database, or back it up and migrate it to this version's schema.",
    )
    upgrade.add_argument("--data-dir", type=Path, default=None, help="default: the user's data directory")
    upgrade.set_defaults(run=migrate)

    dispatch = commands.add_parser(
        "report-dispatch",
        help="the central warehouse 70 reports that it dispatched an order (aid-centre users)",
        description="Record that the central warehouse dispatched ORDER on DAY: its lines from warehouse 70 "
        "count as delivered from that day (fees with them) and it can no longer be cancelled. The change "
        "reaches every workstation with the next sync.",
    )
    dispatch.add_argument("order", help="the 8-digit order number")
    dispatch.add_argument("--user", required=True, help="the aid-centre user's user name")
    dispatch.add_argument("--location", required=True, help="the user's service location code")
    dispatch.add_argument(
        "--on", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (default: today)"
    )
    dispatch.add_argument("--data-dir", type=Path, default=None, help="default: the user's data directory")
    dispatch.set_defaults(run=report_dispatch)

    first = commands.add_parser(
        "first-start",
        allow_abbrev=False,  # "--token SECRET" must not pass as --token-file: no token on the command line
        help="set up a new workstation without a display: demo data, join the clinic's server, or empty",
        description="Set up a new workstation as its first start would: demo data, a join of the clinic's "
        "server (its first sync fills the database), or empty. The token comes from --token-file FILE or "
        "the environment variable HEARING_DESK_TOKEN, never from the command line. A workstation already "
        "set up is left as it is (said in a sentence, exit status 0).",
    )
    first.add_argument("choice", choices=("demo", "join", "empty"))
    first.add_argument("--server", default=None, metavar="URL", help="the clinic's server (join)")
    first.add_argument("--workstation", default=None, metavar="NAME", help="this workstation's name (join)")
    first.add_argument("--token-file", type=Path, default=None, metavar="FILE", help="its token (join)")
    first.add_argument("--data-dir", type=Path, default=None, help="default: the user's data directory")
    first.set_defaults(run=first_start)

    decode = commands.add_parser(
        "decode",
        help="print the codes the program's decoder reads in images (photos, camera frames)",
        description="Print what the program's barcode decoder (the camera view's) reads in each IMAGE, one "
        "text per line: GS1 codes in their bracketed form (01)...(21)..., nothing for an image without a "
        "code. With several images each line starts with the image's name. An image that cannot be read is "
        "named on stderr and the exit status is 1.",
    )
    decode.add_argument("images", nargs="+", type=Path, metavar="IMAGE")
    decode.set_defaults(run=decode_images)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if arguments.command is None:
        parser.print_help(sys.stderr)
        return EXIT_PROBLEM
    try:
        return int(arguments.run(arguments))
    except ClerkError as error:
        print(error.sentence(), file=sys.stderr)
        return EXIT_PROBLEM


def _data_dir(arguments: argparse.Namespace) -> Path:
    return arguments.data_dir if arguments.data_dir is not None else default_data_dir()


def demo_data(arguments: argparse.Namespace) -> int:
    from app import demo_data as generator  # only this command needs it

    data_dir = _data_dir(arguments)
    path = data_dir / DATABASE_FILE
    if arguments.replace:
        remove_stale(path)
    started = time.perf_counter()
    database = Database.open(data_dir)
    shown: set[str] = set()

    def progress(stage: str, fraction: float) -> None:
        if stage not in shown:
            shown.add(stage)
            print(f"{time.perf_counter() - started:6.1f} s  {fraction:4.0%}  {stage}", file=sys.stderr)

    try:
        with environment_errors(path):  # the disk may fill up while it is written
            summary = generator.generate(database, arguments.scale, seed=arguments.seed, progress=progress)
    except ValueError as error:
        print(f"{error} Add --replace to delete it and start over.", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        database.dispose()
    elapsed = time.perf_counter() - started
    print(f"Demo data ({summary.scale}, seed {summary.seed}) written to {path} in {elapsed:.1f} s.")
    width = max(len(name) for name in summary.counts)
    for name, count in sorted(summary.counts.items()):
        print(f"  {name:<{width}}  {count:>10,}".replace(",", " "))
    print("Showcase patients (identity numbers):")
    for key, number in summary.examples.items():
        print(f"  {key:<32} {number[:8]}-{number[8:]}")
    print("Other numbers to try:")
    for key, number in summary.numbers.items():
        print(f"  {key:<32} {number}")
    return 0


def first_start(arguments: argparse.Namespace) -> int:
    import os

    from app.first_start import AlreadySetUp, FirstStart, join_details, set_up

    choice = FirstStart(arguments.choice)
    join = None
    if choice is FirstStart.JOIN:
        join = join_details(arguments.server, arguments.workstation, arguments.token_file, dict(os.environ))
    data_dir = _data_dir(arguments)
    database = Database.open(data_dir)
    try:
        set_up(database, data_dir, choice, join=join)
    except AlreadySetUp as error:
        print(error.sentence())
        return 0
    finally:
        database.dispose()
    done = {
        FirstStart.DEMO: "The workstation in {folder} holds demo data (it never syncs with a real server).",
        FirstStart.JOIN: "The workstation in {folder} has joined {server}; its first sync filled it.",
        FirstStart.EMPTY: "The workstation in {folder} starts empty; join a server under File → Sync settings.",
    }[choice]
    print(done.format(folder=data_dir, server=join.server_url if join else ""))
    return 0


def migrate(arguments: argparse.Namespace) -> int:
    data_dir = _data_dir(arguments)
    database = Database.open(data_dir)
    try:
        revision = migrations.current_revision(database.engine)
    finally:
        database.dispose()
    print(
        f"{database.path}: schema revision {revision} (this version's newest: {migrations.head_revision()})."
    )
    return 0


def report_dispatch(arguments: argparse.Namespace) -> int:
    from app import central_warehouse
    from app.organisation import work_context

    today = dt.date.today()
    database = Database.open(_data_dir(arguments))
    try:
        with database.write() as session:
            context = work_context(session, username=arguments.user, service_location_code=arguments.location)
            central_warehouse.report_dispatch(
                session,
                context,
                order_number=arguments.order,
                dispatched_on=arguments.on or today,
                today=today,
            )
    finally:
        database.dispose()
    print(f"Order {arguments.order}: dispatch on {(arguments.on or today).isoformat()} recorded.")
    return 0


def decode_images(arguments: argparse.Namespace) -> int:
    from app.scanning.codes import read_code
    from app.scanning.decode import GS, decode_file

    status = 0
    several = len(arguments.images) > 1
    for path in arguments.images:
        try:
            found = decode_file(path)
        except ClerkError as error:
            print(error.sentence(), file=sys.stderr)
            status = 1
            continue
        for decoded in found:
            udi = read_code(decoded.scanned()).udi if decoded.gs1 else None
            text = udi.hri if udi is not None else decoded.text.replace(GS, "<GS>")
            print(f"{path}: {text}" if several else text, flush=True)
    return status


__all__ = ["build_parser", "main"]

if __name__ == "__main__":
    sys.exit(main())
