"""The Order tab: cart, order search, goods receipt and fees."""
