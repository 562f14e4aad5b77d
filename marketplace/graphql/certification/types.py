"""OCOP additions to the API: the certificate behind a product and its producer (new types; no Saleor type
is renamed or changed)."""

from __future__ import annotations

import graphene

from marketplace.certification import selectors
from marketplace.certification.models import Certificate
from marketplace.core.geography import PROVINCES_BY_CODE
from marketplace.graphql.core.loaders import BatchLoader
from marketplace.graphql.core.model_type import ModelObjectType
from marketplace.producer.models import Producer
from marketplace.producer.selectors import producers_by_ids


class OcopCertificateStatus(graphene.Enum):
    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"
    SUPERSEDED = "superseded"


class OcopIssuerLevel(graphene.Enum):
    DISTRICT = "district"
    PROVINCE = "province"
    NATIONAL = "national"


class OcopVerificationState(graphene.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    SUPERSEDED = "superseded"
    NOT_CERTIFIED = "not_certified"


class OcopProducerKind(graphene.Enum):
    ENTERPRISE = "enterprise"
    COOPERATIVE = "cooperative"
    COOPERATIVE_UNION = "cooperative_union"
    COOPERATIVE_GROUP = "cooperative_group"
    HOUSEHOLD = "household"


class CurrentCertificateByProduct(BatchLoader):
    def batch_load(self, keys):
        return selectors.certificates_current_for_products(product_ids=keys)


class ProducerById(BatchLoader):
    def batch_load(self, keys):
        return producers_by_ids(keys)


class Producer_(ModelObjectType):
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    kind = graphene.Field(OcopProducerKind, required=True)
    tax_code = graphene.String()
    representative = graphene.String()
    province = graphene.String(description="Current province (one of the 34 since 2025).")
    province_code = graphene.String()
    province_as_published = graphene.String(description="Province as the registry published it.")
    district_as_published = graphene.String(description="Old district as published, if any.")
    commune = graphene.String()
    address = graphene.String()

    class Meta:
        name = "Producer"
        model = Producer
        interfaces = (graphene.relay.Node,)
        description = "An OCOP producer (chủ thể): enterprise, cooperative or household business."

    node_public = True  # shown on every product page

    @staticmethod
    def resolve_province(root, info):
        province = PROVINCES_BY_CODE.get(root.province_code)
        return province.name if province else (root.province_as_published or None)

    @staticmethod
    def resolve_address(root, info):
        return root.address_line or None


class OcopCertificate(ModelObjectType):
    number = graphene.String(required=True)
    stars = graphene.Int(required=True)
    score = graphene.Float()
    issuer = graphene.String()
    issuer_level = graphene.Field(OcopIssuerLevel)
    decision_number = graphene.String()
    decision_date = graphene.Date()
    expires_on = graphene.Date(required=True)
    status = graphene.Field(OcopCertificateStatus, required=True,
                            description="Status as the registry last published it.")
    status_decision_number = graphene.String()
    status_decision_date = graphene.Date()
    status_reason = graphene.String()
    verification_state = graphene.Field(OcopVerificationState, required=True,
                                        description="What the certificate means now (expiry checked against today).")
    is_valid = graphene.Boolean(required=True, description="Active, 3+ stars and not expired at this moment.")
    verification_url = graphene.String(required=True)
    superseded_by = graphene.Field(lambda: OcopCertificate)
    producer = graphene.Field(Producer_)
    product_name = graphene.String(required=True)

    class Meta:
        model = Certificate
        interfaces = (graphene.relay.Node,)
        description = "An OCOP certificate as published by the provincial registry."

    node_public = True  # as through `ocopCertificate` (verification is public)

    @staticmethod
    def resolve_score(root, info):
        return float(root.score) if root.score is not None else None

    @staticmethod
    def resolve_issuer_level(root, info):
        return root.issuer_level or None

    @staticmethod
    def resolve_verification_state(root, info):
        return selectors.certificate_state(certificate=root)

    @staticmethod
    def resolve_is_valid(root, info):
        return selectors.certificate_state(certificate=root) == "valid"

    @staticmethod
    def resolve_verification_url(root, info):
        return selectors.certificate_verification_url(number=root.number)

    @staticmethod
    def resolve_producer(root, info):
        return ProducerById.on(info).load(root.producer_id) if root.producer_id else None

    @staticmethod
    def resolve_product_name(root, info):
        return root.product.name


def resolve_product_certificate(root, info):
    return CurrentCertificateByProduct.on(info).load(root.pk)


def resolve_product_producer(root, info):
    return ProducerById.on(info).load(root.producer_id) if root.producer_id else None
