from __future__ import annotations

import graphene

from marketplace.fair.error_codes import FairErrorCode as FairErrorCodeDomain
from marketplace.fair.models import FairStatus, FairZoneKind, SideEventKind

FairErrorCode = graphene.Enum.from_enum(FairErrorCodeDomain, name="FairErrorCode")
FairEventStatusEnum = graphene.Enum("FairEventStatusEnum", [(s.name, s.value) for s in FairStatus])
FairZoneKindEnum = graphene.Enum("FairZoneKindEnum", [(k.name, k.value) for k in FairZoneKind])
FairSideEventKindEnum = graphene.Enum("FairSideEventKindEnum", [(k.name, k.value) for k in SideEventKind])


def enum_value(value) -> str | None:
    """A graphene enum argument as its stored value ('percentage'), whatever form graphene hands over."""
    if value is None:
        return None
    return str(getattr(value, "value", value))
