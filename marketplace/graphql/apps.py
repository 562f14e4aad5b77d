from django.apps import AppConfig


class GraphqlConfig(AppConfig):
    name = "marketplace.graphql"
    label = "graphql_api"
    verbose_name = "GraphQL API"
