#!/bin/sh
# The container's command (also what tests/sync/test_server_deploy.py runs): every setting comes from the
# environment (HEARING_DESK_DB_*, HEARING_DESK_TLS_*, HEARING_DESK_HOST/PORT), never from the command line.
#
#   (no arguments) or serve [FLAGS]   migrate first when HEARING_DESK_MIGRATE=1, then serve
#   migrate | add-workstation NAME | revoke-workstation NAME | publish-rows | restored | health
#                                     that hearing-desk-server command, then exit
set -eu

serve() {
    if [ "${HEARING_DESK_MIGRATE:-0}" = "1" ]; then
        hearing-desk-server migrate
    fi
    exec hearing-desk-server serve "$@"
}

case "${1:-serve}" in
    serve)
        [ "$#" -gt 0 ] && shift
        serve "$@"
        ;;
    -*)
        serve "$@"
        ;;
    *)
        exec hearing-desk-server "$@"
        ;;
esac
