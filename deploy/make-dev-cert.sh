#!/usr/bin/env sh
# A self-signed certificate for the docker-compose development stack only (never production).
set -eu
cd "$(dirname "$0")"
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=localhost" \
  -keyout dev-key.pem -out dev-cert.pem
# Readable by all: the compose file mounts it as a secret into the container, where the relay
# runs as uid 10001, not as the host user who ran this script. A development key only.
chmod 644 dev-key.pem dev-cert.pem
echo "wrote deploy/dev-cert.pem and deploy/dev-key.pem"
