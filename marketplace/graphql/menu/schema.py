from __future__ import annotations

import graphene

from marketplace.graphql.core.enums import LanguageCodeEnum, OrderDirection, language_code
from marketplace.graphql.core.ids import pk_from_global_id
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.pagination import connection_args, connection_type, paginate
from marketplace.graphql.core.types import ObjectWithMetadata, language_display
from marketplace.graphql.page.schema import Page
from marketplace.graphql.product.inputs import MetadataFilter
from marketplace.graphql.product.types import Category, Collection
from marketplace.menu import models, selectors


class MenuItemTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)
    language = graphene.Field("marketplace.graphql.core.types.LanguageDisplay", required=True)
    name = graphene.String(required=True)


class MenuItem(ModelObjectType):
    name = graphene.String(required=True)
    menu = graphene.Field(lambda: Menu, required=True)
    parent = graphene.Field(lambda: MenuItem)
    category = graphene.Field(Category)
    collection = graphene.Field(Collection)
    page = graphene.Field(Page)
    level = graphene.Int(required=True)
    children = graphene.List(graphene.NonNull(lambda: MenuItem))
    url = graphene.String()
    translation = graphene.Field(MenuItemTranslation, language_code=graphene.Argument(LanguageCodeEnum,
                                                                                     required=True))

    class Meta:
        model = models.MenuItem
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    node_public = True  # as through `menu`

    @staticmethod
    def resolve_children(root, info):
        return [item for item in root.menu.items.all() if item.parent_id == root.pk]

    @staticmethod
    def resolve_translation(root, info, language_code):
        code = globals()["language_code"](language_code)
        tr = next((t for t in root.translations.all() if t.language_code == code), None)
        return MenuItemTranslation(id=str(tr.pk), language=language_display(code), name=tr.name) if tr else None


class Menu(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    items = graphene.List(graphene.NonNull(MenuItem))

    class Meta:
        model = models.Menu
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    node_public = True  # as through `menu`

    @staticmethod
    def resolve_items(root, info):
        return [item for item in root.items.all() if item.parent_id is None]


MenuCountableConnection = connection_type(Menu, "Menu")


class MenuFilterInput(graphene.InputObjectType):
    search = graphene.String()
    slug = graphene.List(graphene.NonNull(graphene.String))
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    slugs = graphene.List(graphene.NonNull(graphene.String))


class MenuSortField(graphene.Enum):
    NAME = "NAME"
    ITEMS_COUNT = "ITEMS_COUNT"


class MenuSortingInput(graphene.InputObjectType):
    direction = graphene.Field(OrderDirection, required=True)
    field = graphene.Field(MenuSortField, required=True)


class MenuQueries(graphene.ObjectType):
    menu = graphene.Field(Menu, channel=graphene.String(), id=graphene.ID(), name=graphene.String(),
                          slug=graphene.String())
    menus = graphene.Field(MenuCountableConnection, channel=graphene.String(),
                           sort_by=graphene.Argument(MenuSortingInput),
                           filter=graphene.Argument(MenuFilterInput), **connection_args())

    @staticmethod
    def resolve_menu(root, info, channel=None, id=None, name=None, slug=None):
        qs = selectors.menu_list()
        if id is not None:
            return qs.filter(pk=pk_from_global_id(id, "Menu")).first()
        if slug is not None:
            return qs.filter(slug=slug).first()
        if name is not None:
            return qs.filter(name=name).first()
        return None

    @staticmethod
    def resolve_menus(root, info, channel=None, sort_by=None, filter=None, **page_args):
        qs = selectors.menu_list()
        if filter:
            slugs = (filter.get("slugs") or []) + (filter.get("slug") or [])
            if slugs:
                qs = qs.filter(slug__in=slugs)
            if filter.get("search"):
                qs = qs.filter(name__icontains=filter["search"])
        return paginate(qs.order_by("name", "pk"), **page_args)


__all__ = ["Menu", "MenuItem", "MenuQueries", "language_code"]
