"""Server-rendered pages for shoppers, sales-point operators and promotion staff. Reads through selectors and
writes through services; never touches models or the GraphQL layer."""
