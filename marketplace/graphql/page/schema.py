from __future__ import annotations

import graphene

from marketplace.graphql.attribute.types import ObjectWithAttributes
from marketplace.graphql.core.enums import LanguageCodeEnum, OrderDirection, language_code
from marketplace.graphql.core.ids import pk_from_global_id, pks_from_global_ids
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.pagination import connection_args, connection_type, paginate
from marketplace.graphql.core.types import ObjectWithMetadata
from marketplace.graphql.product.inputs import MetadataFilter
from marketplace.graphql.product.translations import SeoTranslationFields
from marketplace.page import models, selectors


class PageType(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    has_pages = graphene.Boolean()

    class Meta:
        model = models.PageType
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    node_public = True  # as Saleor's `pageType`

    @staticmethod
    def resolve_has_pages(root, info):
        return root.pages.exists()


class PageTranslation(SeoTranslationFields, graphene.ObjectType):
    title = graphene.String()
    content = graphene.JSONString()


class Page(ModelObjectType):
    seo_title = graphene.String()
    seo_description = graphene.String()
    title = graphene.String(required=True)
    content = graphene.JSONString()
    published_at = graphene.DateTime()
    is_published = graphene.Boolean(required=True)
    slug = graphene.String(required=True)
    page_type = graphene.Field(PageType, required=True)
    created = graphene.DateTime(required=True)
    translation = graphene.Field(PageTranslation, language_code=graphene.Argument(LanguageCodeEnum, required=True))

    class Meta:
        model = models.Page
        interfaces = (graphene.relay.Node, ObjectWithMetadata, ObjectWithAttributes)

    @staticmethod
    def resolve_created(root, info):
        return root.created_at

    @staticmethod
    def resolve_translation(root, info, language_code):
        code = globals()["language_code"](language_code)
        return next((t for t in root.translations.all() if t.language_code == code), None)

    @staticmethod
    def resolve_assigned_attributes(root, info, limit=100):
        return []

    @staticmethod
    def resolve_assigned_attribute(root, info, slug):
        return None

    @classmethod
    def get_visible_node(cls, info, pk):
        return selectors.page_get(pk=pk)


PageCountableConnection = connection_type(Page, "Page")


class PageFilterInput(graphene.InputObjectType):
    search = graphene.String()
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    page_types = graphene.List(graphene.NonNull(graphene.ID))
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))


class PageSortField(graphene.Enum):
    TITLE = "TITLE"
    SLUG = "SLUG"
    VISIBILITY = "VISIBILITY"
    CREATION_DATE = "CREATION_DATE"
    PUBLICATION_DATE = "PUBLICATION_DATE"
    PUBLISHED_AT = "PUBLISHED_AT"
    CREATED_AT = "CREATED_AT"
    RANK = "RANK"


class PageSortingInput(graphene.InputObjectType):
    direction = graphene.Field(OrderDirection, required=True)
    field = graphene.Field(PageSortField, required=True)


class PageQueries(graphene.ObjectType):
    page = graphene.Field(Page, id=graphene.ID(), slug=graphene.String(),
                          slug_language_code=graphene.Argument(LanguageCodeEnum))
    pages = graphene.Field(PageCountableConnection, sort_by=graphene.Argument(PageSortingInput),
                           filter=graphene.Argument(PageFilterInput), **connection_args())

    @staticmethod
    def resolve_page(root, info, id=None, slug=None, slug_language_code=None):
        if id is not None:
            return selectors.page_get(pk=pk_from_global_id(id, "Page"))
        return selectors.page_get(slug=slug) if slug is not None else None

    @staticmethod
    def resolve_pages(root, info, sort_by=None, filter=None, **page_args):
        qs = selectors.page_list()
        if filter:
            if filter.get("slugs"):
                qs = qs.filter(slug__in=filter["slugs"])
            if filter.get("ids"):
                qs = qs.filter(pk__in=pks_from_global_ids(filter["ids"], "Page", field="ids"))
            if filter.get("search"):
                qs = qs.filter(title__icontains=filter["search"])
        return paginate(qs.order_by("title", "pk"), **page_args)


__all__ = ["Page", "PageQueries", "PageType", "language_code"]
