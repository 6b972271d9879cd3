"""`python -m relay` is the same as the `bsm-relay` command."""

from relay.cli import main

raise SystemExit(main())
