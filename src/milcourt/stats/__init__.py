"""Statistics: our counts from the store, and the official and published figures beside them."""
