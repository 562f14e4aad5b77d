"""Promotions (Saleor's catalogue promotions): a time window and rules that lower variant prices.
Owns the one place a shopper's price is computed (`selectors.variant_prices_get`). Knows nothing of fairs:
the fair app builds its campaign through `services.catalogue_promotion_save`."""
