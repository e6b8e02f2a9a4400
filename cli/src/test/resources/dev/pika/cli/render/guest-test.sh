#!/usr/bin/env bash
# The guest command of the round-trip tests (it lives in the workspace): reports what it sees, exits with $1.
echo "guest test running in $PWD"
echo "DEVELOPER_DIR=${DEVELOPER_DIR:-}"
echo "PATH=$PATH"
echo "SSL_CERT_FILE=${SSL_CERT_FILE:-}"
echo "guest test stderr line" >&2
exit "${1:-0}"
