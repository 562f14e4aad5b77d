"""The catalog: categories (OCOP product groups), product types, products, variants, media, channel listings,
collections and translations. It does not decide what may be sold: the listing rule in certification does."""
