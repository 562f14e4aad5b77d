"""/graphql/: POST JSON runs a query; a browser GET shows the GraphiQL playground."""

from graphene_django.views import GraphQLView as BaseGraphQLView


class GraphQLView(BaseGraphQLView):
    graphiql = True
