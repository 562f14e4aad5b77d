"""The GraphQL API, shaped exactly like Saleor's where Saleor has the concept. api.py composes the schema from
each <app>/schema.py; core/ holds the base mutation, errors, scalars, pagination and permissions."""
