"""Reading and editing HTML bodies: what the rules and the rewrite agree on."""
