from __future__ import annotations

import graphene

from marketplace.attribute.models import Attribute as AttributeModel
from marketplace.attribute.models import AttributeValue as AttributeValueModel
from marketplace.graphql.core.enums import LanguageCodeEnum, language_code
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.graphql.core.scalars import PositiveInt
from marketplace.graphql.core.types import LanguageDisplay, ObjectWithMetadata, language_display


class AttributeInputTypeEnum(graphene.Enum):
    DROPDOWN = "dropdown"
    MULTISELECT = "multiselect"
    NUMERIC = "numeric"
    PLAIN_TEXT = "plain-text"


class AttributeTypeEnum(graphene.Enum):
    PRODUCT_TYPE = "PRODUCT_TYPE"
    PAGE_TYPE = "PAGE_TYPE"


class VariantAttributeScope(graphene.Enum):
    ALL = "all"
    VARIANT_SELECTION = "variant_selection"
    NOT_VARIANT_SELECTION = "not_variant_selection"


class AttributeTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)
    language = graphene.Field(LanguageDisplay, required=True)
    name = graphene.String(required=True)


class AttributeValueTranslation(graphene.ObjectType):
    id = graphene.ID(required=True)
    language = graphene.Field(LanguageDisplay, required=True)
    name = graphene.String(required=True)


def _translation(obj, info, language, cls):
    code = language_code(language)
    for tr in obj.translations.all():
        if tr.language_code == code:
            return cls(id=str(tr.pk), language=language_display(code), name=tr.name)
    return None


class AttributeValue(ModelObjectType):
    name = graphene.String()
    slug = graphene.String()
    value = graphene.String()
    input_type = graphene.Field(AttributeInputTypeEnum)
    translation = graphene.Field(AttributeValueTranslation,
                                 language_code=graphene.Argument(LanguageCodeEnum, required=True))
    external_reference = graphene.String()

    class Meta:
        model = AttributeValueModel
        interfaces = (graphene.relay.Node,)

    node_public = True  # as through `attributes`

    @staticmethod
    def resolve_value(root, info):
        return root.name

    @staticmethod
    def resolve_input_type(root, info):
        return root.attribute.input_type

    @staticmethod
    def resolve_translation(root, info, language_code):
        return _translation(root, info, language_code, AttributeValueTranslation)

    @staticmethod
    def resolve_external_reference(root, info):
        return None


class Attribute(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    type = graphene.Field(AttributeTypeEnum, required=True)
    input_type = graphene.Field(AttributeInputTypeEnum)
    value_required = graphene.Boolean(required=True)
    visible_in_storefront = graphene.Boolean(required=True)
    filterable_in_storefront = graphene.Boolean(required=True)
    storefront_search_position = graphene.Int(required=True)
    with_choices = graphene.Boolean(required=True)
    translation = graphene.Field(AttributeTranslation,
                                 language_code=graphene.Argument(LanguageCodeEnum, required=True))
    external_reference = graphene.String()

    class Meta:
        model = AttributeModel
        interfaces = (graphene.relay.Node, ObjectWithMetadata)

    node_public = True  # as through `attributes`

    @staticmethod
    def resolve_with_choices(root, info):
        return root.input_type in ("dropdown", "multiselect")

    @staticmethod
    def resolve_translation(root, info, language_code):
        return _translation(root, info, language_code, AttributeTranslation)

    @staticmethod
    def resolve_external_reference(root, info):
        return None


class SelectedAttribute(graphene.ObjectType):
    attribute = graphene.Field(Attribute, required=True)
    values = graphene.List(graphene.NonNull(AttributeValue), required=True)


class AssignedAttribute(graphene.Interface):
    attribute = graphene.Field(Attribute, required=True)


class AssignedChoiceAttributeValue(graphene.ObjectType):
    name = graphene.String()
    slug = graphene.String()
    translation = graphene.String(language_code=graphene.Argument(LanguageCodeEnum, required=True))

    @staticmethod
    def resolve_translation(root, info, language_code):
        tr = _translation(root, info, language_code, AttributeValueTranslation)
        return tr.name if tr else None


class AssignedSingleChoiceAttribute(graphene.ObjectType):
    value = graphene.Field(AssignedChoiceAttributeValue)

    class Meta:
        interfaces = (AssignedAttribute,)


class AssignedMultiChoiceAttribute(graphene.ObjectType):
    value = graphene.List(graphene.NonNull(AssignedChoiceAttributeValue), required=True,
                          limit=graphene.Argument(PositiveInt, default_value=100))

    class Meta:
        interfaces = (AssignedAttribute,)

    @staticmethod
    def resolve_value(root, info, limit=100):
        return root.value[:limit]


def selected_attributes(values: list[AttributeValueModel]) -> list[SelectedAttribute]:
    grouped: dict[int, SelectedAttribute] = {}
    for value in values:
        entry = grouped.get(value.attribute_id)
        if entry is None:
            entry = grouped[value.attribute_id] = SelectedAttribute(attribute=value.attribute, values=[])
        entry.values.append(value)
    return list(grouped.values())


def assigned_attributes(values: list[AttributeValueModel]) -> list:
    result = []
    for selected in selected_attributes(values):
        if selected.attribute.input_type == "multiselect":
            result.append(AssignedMultiChoiceAttribute(attribute=selected.attribute, value=selected.values))
        else:
            result.append(AssignedSingleChoiceAttribute(attribute=selected.attribute, value=selected.values[0]))
    return result


class ObjectWithAttributes(graphene.Interface):
    assigned_attribute = graphene.Field(AssignedAttribute, slug=graphene.String(required=True))
    assigned_attributes = graphene.List(graphene.NonNull(AssignedAttribute), required=True,
                                        limit=graphene.Argument(PositiveInt, default_value=100))
