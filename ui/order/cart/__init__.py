"""The cart ("New order") of the Order tab: one page made of parts (see ``page``)."""

from ui.order.cart.page import CartPage

__all__ = ["CartPage"]
