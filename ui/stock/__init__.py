"""The Stock tab: a warehouse's balances by search, ISO 9999 node and filters, an article's ledger, the report."""
