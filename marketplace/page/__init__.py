"""Content pages (what OCOP stars mean, delivery and pickup, returns), Saleor Page/PageType."""
