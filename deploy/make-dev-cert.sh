#!/usr/bin/env sh
# A self-signed certificate for the docker-compose development stack only (never production).
set -eu
cd "$(dirname "$0")"
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=localhost" \
  -keyout dev-key.pem -out dev-cert.pem
chmod 600 dev-key.pem
echo "wrote deploy/dev-cert.pem and deploy/dev-key.pem"
