from __future__ import annotations

import graphene

from marketplace.certification import selectors
from marketplace.graphql.certification.types import OcopCertificate


class CertificationQueries(graphene.ObjectType):
    ocop_certificate = graphene.Field(
        OcopCertificate, number=graphene.String(required=True),
        description="Look up an OCOP certificate by its number, e.g. for QR verification (OCOP Market). Works for "
                    "expired, revoked and superseded certificates too.")

    @staticmethod
    def resolve_ocop_certificate(root, info, number):
        return selectors.certificate_get_by_number(number=number)
