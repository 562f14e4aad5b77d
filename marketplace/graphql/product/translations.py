"""Saleor's translation types for products, variants, categories and collections."""

from __future__ import annotations

import graphene

from marketplace.graphql.core.enums import language_code
from marketplace.graphql.core.types import LanguageDisplay, language_display


class TranslationBase:
    """What every Saleor *Translation type shares: its id and its language (rows are per-language models)."""

    id = graphene.ID(required=True)
    language = graphene.Field(LanguageDisplay, required=True)

    @staticmethod
    def resolve_id(root, info):
        return str(root.pk)

    @staticmethod
    def resolve_language(root, info):
        return language_display(root.language_code)


class SeoTranslationFields(TranslationBase):
    seo_title = graphene.String()
    seo_description = graphene.String()
    slug = graphene.String()

    @staticmethod
    def resolve_slug(root, info):
        return None  # slugs are not translated


class TranslationFields(SeoTranslationFields):
    name = graphene.String()
    description = graphene.JSONString()


class ProductTranslation(TranslationFields, graphene.ObjectType):
    pass


class CategoryTranslation(TranslationFields, graphene.ObjectType):
    pass


class CollectionTranslation(TranslationFields, graphene.ObjectType):
    pass


class ProductVariantTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)
    language = graphene.Field(LanguageDisplay, required=True)
    name = graphene.String(required=True)

    @staticmethod
    def resolve_id(root, info):
        return str(root.pk)

    @staticmethod
    def resolve_language(root, info):
        return language_display(root.language_code)


def _translation_from(rows, language):
    code = language_code(language)
    return next((t for t in rows if t.language_code == code), None)
