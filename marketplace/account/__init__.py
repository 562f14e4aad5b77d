"""Users (shoppers and staff), their addresses, roles and Saleor-named permissions."""
