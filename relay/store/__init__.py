"""The order store and delivery ledger (SQLite embedded, PostgreSQL for several relays)."""
