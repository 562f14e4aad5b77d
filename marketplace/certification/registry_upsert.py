"""Storing a batch of registry certificates; the engine behind services.certificates_upsert_from_registry.

One batch costs a few dozen queries whatever its size: unchanged records (same fingerprint) are skipped, new
products are created in bulk, attributes and channel listings are written in bulk.

A re-rating keeps the product: certificates linked by `superseded_by` (in either direction, in this batch or
already stored) form one group and share one product, so a product page keeps its whole history. When the
registry sends the new certificate before saying that it replaces the old one, the two products that this
briefly produced are merged into the older one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from marketplace.certification.models import Certificate, CertificateEvent, CertificateStatus
from marketplace.certification.ocop_attributes import OcopAttributeWriter
from marketplace.certification.registry_data import CertificateData
from marketplace.certification.selectors import listable_product_ids, today_in_vietnam
from marketplace.producer import services as producer_services
from marketplace.product import services as product_services
from marketplace.product.models import Product

# Certificate fields written from a record, in the order events list their changes.
_CERT_FIELDS = (
    "number", "stars", "score", "issuer", "issuer_level", "decision_number", "decision_date", "expires_on",
    "status", "status_decision_number", "status_decision_date", "status_reason", "superseded_by_registry_id",
    "group_code", "legacy_group", "producer_id",
)
_BOOKKEEPING_FIELDS = ("registry_updated_at", "registry_fingerprint", "source")


@dataclass
class UpsertOutcome:
    created: list[str] = field(default_factory=list)  # registry ids
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    delisted: set[int] = field(default_factory=set)  # product ids no longer listable after this batch
    relisted: set[int] = field(default_factory=set)  # existing product ids listable again after this batch
    failed: dict[str, str] = field(default_factory=dict)  # registry id -> why it could not be stored
    product_by_registry_id: dict[str, int] = field(default_factory=dict)
    # Registry id -> what the standing of a rejected record changed ({field: [before, after]}).
    status_applied: dict[str, dict[str, list]] = field(default_factory=dict)

    def merge(self, other: UpsertOutcome) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.delisted |= other.delisted
        self.relisted |= other.relisted
        self.failed.update(other.failed)
        self.product_by_registry_id.update(other.product_by_registry_id)
        self.status_applied.update(other.status_applied)


class _Groups:
    """Union-find over registry ids linked by supersession."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def jsonable(value: object) -> object:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _effective_status(data: CertificateData, today: date) -> str:
    # Registries mark expiry late; a certificate past its date is stored as expired, as the sweep would do.
    if data.status == CertificateStatus.ACTIVE and data.expires_on < today:
        return CertificateStatus.EXPIRED
    return data.status


def _certificate_values(data: CertificateData, *, producer_id: int, today: date) -> dict[str, object]:
    decision = data.status_decision
    return {
        "number": data.number, "stars": data.stars,
        "score": data.score.quantize(Decimal("0.01")) if data.score is not None else None,
        "issuer": data.issuer, "issuer_level": data.issuer_level, "decision_number": data.decision_number,
        "decision_date": data.decision_date, "expires_on": data.expires_on,
        "status": _effective_status(data, today),
        "status_decision_number": decision.number if decision else "",
        "status_decision_date": decision.date if decision else None,
        "status_reason": decision.reason if decision else "",
        "superseded_by_registry_id": data.superseded_by, "group_code": data.product.group_code or "",
        "legacy_group": data.product.legacy_group, "producer_id": producer_id,
    }


def _event_kind(changes: dict[str, list]) -> str:
    if "status" in changes:
        return CertificateEvent.Kind.STATUS_CHANGED
    if "stars" in changes:
        return CertificateEvent.Kind.STARS_CHANGED
    return CertificateEvent.Kind.UPDATED


def _current_record(records: list[CertificateData]) -> CertificateData:
    """The record that describes the product now: not superseded, newest decision."""
    return max(records, key=lambda r: (r.status != CertificateStatus.SUPERSEDED, r.decision_date or date.min,
                                        r.registry_id))


def _product_description(data: CertificateData) -> str:
    return "\n\n".join(part for part in (data.product.description, data.product.story) if part)


def _variant_drafts(data: CertificateData) -> tuple[product_services.VariantDraft, ...]:
    return tuple(product_services.VariantDraft(name=p.name, weight_grams=p.weight_grams)
                 for p in data.product.packaging)


def upsert_batch(*, records: list[CertificateData], source: str, channel_id: int,
                 at: datetime | None = None) -> UpsertOutcome:
    """Store the records (call inside a transaction). Duplicated registry ids: the last one wins."""
    outcome = UpsertOutcome()
    batch = {r.registry_id: r for r in records}
    existing = {c.registry_id: c for c in Certificate.objects.filter(registry_id__in=list(batch))}
    fingerprints = {registry_id: data.fingerprint() for registry_id, data in batch.items()}
    todo: dict[str, CertificateData] = {}
    for registry_id, data in batch.items():
        cert = existing.get(registry_id)
        if cert is not None and cert.registry_fingerprint == fingerprints[registry_id]:
            outcome.unchanged.append(registry_id)
            outcome.product_by_registry_id[registry_id] = cert.product_id
        else:
            todo[registry_id] = data
    if not todo:
        return outcome

    today = today_in_vietnam(at)
    producers = producer_services.producers_upsert_from_registry(
        producers=[d.producer for d in todo.values()]
    )
    target, new_products, merged_away = _products_for(todo=todo, batch=batch, producers=producers)
    affected_existing = {target[rid] for rid in todo if target[rid] not in new_products}
    listable_before = listable_product_ids(product_ids=[*affected_existing, *merged_away], at=at)
    _merge_products(merged_away=merged_away, existing=existing, todo=todo, source=source)

    events: list[CertificateEvent] = []
    new_certs: list[Certificate] = []
    changed_certs: list[Certificate] = []
    for registry_id, data in todo.items():
        values = _certificate_values(data, producer_id=producers[data.producer.registry_id].pk, today=today)
        bookkeeping = {"registry_updated_at": data.updated_at,
                       "registry_fingerprint": fingerprints[registry_id],
                       "source": source[:100]}
        cert = existing.get(registry_id)
        if cert is None:
            cert = Certificate(registry_id=registry_id, product_id=target[registry_id], **values,
                               **bookkeeping)
            new_certs.append(cert)
            events.append(CertificateEvent(certificate=cert, kind=CertificateEvent.Kind.CREATED,
                                           payload=data.payload, source=source[:100]))
            outcome.created.append(registry_id)
        else:
            changes = {k: [jsonable(getattr(cert, k)), jsonable(v)] for k, v in values.items()
                       if getattr(cert, k) != v}
            if cert.product_id != target[registry_id]:
                changes["product_id"] = [cert.product_id, target[registry_id]]
            for key, value in {**values, **bookkeeping, "product_id": target[registry_id]}.items():
                setattr(cert, key, value)
            cert.updated_at = timezone.now()
            changed_certs.append(cert)
            events.append(CertificateEvent(certificate=cert, kind=_event_kind(changes), changes=changes,
                                           payload=data.payload, source=source[:100]))
            outcome.updated.append(registry_id)
        outcome.product_by_registry_id[registry_id] = target[registry_id]
    Certificate.objects.bulk_create(new_certs)
    Certificate.objects.bulk_update(changed_certs, [*_CERT_FIELDS, *_BOOKKEEPING_FIELDS, "product_id",
                                                    "updated_at"])
    CertificateEvent.objects.bulk_create(events)
    certificates_link_superseded(registry_ids=list(todo))

    affected = sorted({*affected_existing, *new_products})
    products_follow_current_certificates(product_ids=affected, todo=todo, new_products=new_products)
    _publication_follow_rule(outcome=outcome, product_ids=affected, new_products=new_products,
                             listable_before=listable_before, channel_id=channel_id, at=at)
    product_services.product_mark_search_dirty(product_ids=affected)
    return outcome


def _products_for(*, todo: dict[str, CertificateData], batch: dict[str, CertificateData], producers: dict
                  ) -> tuple[dict[str, int], set[int], dict[int, int]]:
    """Which product each record goes to. Returns (registry id -> product id, ids of products created now,
    {product merged away -> product it was merged into})."""
    neighbours = {d.superseded_by for d in todo.values() if d.superseded_by}
    stored = list(
        Certificate.objects.filter(
            Q(registry_id__in=[*todo, *neighbours]) | Q(superseded_by_registry_id__in=list(todo))
        ).values_list("registry_id", "product_id", "superseded_by_registry_id")
    )
    product_of = {registry_id: product_id for registry_id, product_id, _ in stored}
    groups = _Groups()
    for registry_id, _, superseded_by in stored:
        if superseded_by and registry_id not in batch:
            groups.union(superseded_by, registry_id)
    for registry_id, data in batch.items():
        groups.find(registry_id)
        if data.superseded_by and data.superseded_by != registry_id:
            groups.union(data.superseded_by, registry_id)

    members: dict[str, list[str]] = {}
    for registry_id in {*todo, *product_of}:
        members.setdefault(groups.find(registry_id), []).append(registry_id)
    target: dict[str, int] = {}
    merged_away: dict[int, int] = {}
    to_create: list[tuple[str, CertificateData]] = []
    for root, ids in members.items():
        products = sorted({product_of[i] for i in ids if i in product_of})
        if not any(i in todo for i in ids):
            continue
        if products:
            keep = products[0]  # the oldest product keeps the history
            merged_away.update({p: keep for p in products[1:]})
            target.update({i: keep for i in ids if i in todo})
        else:
            to_create.append((root, _current_record([todo[i] for i in ids if i in todo])))

    new_products: set[int] = set()
    if to_create:
        categories = product_services.category_tree_ensure()
        # A product merged away earlier may have left its reference behind on a product it could not delete.
        taken = set(Product.objects.filter(external_reference__in=[d.registry_id for _, d in to_create])
                    .values_list("external_reference", flat=True))
        drafts = [
            product_services.ProductDraft(
                name=d.product.name, external_reference=d.registry_id if d.registry_id not in taken else None,
                description=_product_description(d),
                category_id=(categories[d.product.group_code].pk if d.product.group_code in categories
                             else None),
                producer_id=producers[d.producer.registry_id].pk, variants=_variant_drafts(d),
            )
            for _, d in to_create
        ]
        created = product_services.products_create_bulk(drafts=drafts,
                                                        product_type=product_services.product_type_ensure())
        for (root, _), product in zip(to_create, created, strict=True):
            new_products.add(product.pk)
            target.update({i: product.pk for i in members[root] if i in todo})
    return target, new_products, merged_away


def _merge_products(*, merged_away: dict[int, int], existing: dict[str, Certificate],
                    todo: dict[str, CertificateData], source: str) -> None:
    """Fold products that turned out to be one (linked by supersession) into the oldest. The kept product
    takes the details of the other when that one holds the current certificate."""
    for loser, keep in merged_away.items():
        rows = list(Certificate.objects.filter(product_id__in=[loser, keep])
                    .values("pk", "registry_id", "product_id", "status", "decision_date"))
        for row in rows:  # what this batch says wins over what is stored
            data = todo.get(row["registry_id"])
            if data is not None:
                row["status"], row["decision_date"] = data.status, data.decision_date
        current = max(rows, key=lambda r: (r["status"] != CertificateStatus.SUPERSEDED,
                                           r["decision_date"] or date.min, r["pk"]))
        moved = [row["pk"] for row in rows if row["product_id"] == loser]
        Certificate.objects.filter(pk__in=moved).update(product_id=keep)
        CertificateEvent.objects.bulk_create([
            CertificateEvent(certificate_id=pk, kind=CertificateEvent.Kind.MOVED,
                             changes={"product_id": [loser, keep]}, source=source[:100])
            for pk in moved
        ])
        for cert in existing.values():
            if cert.product_id == loser:
                cert.product_id = keep
        product_services.product_merge(product_id=loser, into_id=keep,
                                       take_details=current["product_id"] == loser)


def certificates_link_superseded(*, registry_ids: list[str]) -> None:
    """Point superseded_by at the replacing certificate, whichever of the two arrived first."""
    rows = Certificate.objects.filter(
        Q(registry_id__in=registry_ids) | Q(superseded_by_registry_id__in=registry_ids)
    ).exclude(superseded_by_registry_id="").values_list("pk", "superseded_by_registry_id", "superseded_by_id")
    rows = list(rows)
    pks = dict(Certificate.objects.filter(registry_id__in={r[1] for r in rows}).values_list("registry_id",
                                                                                            "pk"))
    stale = [Certificate(pk=pk, superseded_by_id=pks.get(successor)) for pk, successor, current in rows
             if pks.get(successor) != current]
    Certificate.objects.bulk_update(stale, ["superseded_by_id"])


def products_follow_current_certificates(*, product_ids: list[int], todo: dict[str, CertificateData],
                                          new_products: set[int]) -> None:
    """Product details and the OCOP attributes come from each product's current certificate."""
    rows = Certificate.objects.filter(product_id__in=product_ids).order_by(
        "product_id", "-decision_date", "-pk"
    ).values("product_id", "registry_id", "status", "stars", "group_code", "producer_id",
             "producer__province_code")
    current: dict[int, dict] = {}
    for row in rows:
        best = current.get(row["product_id"])
        if best is None or (best["status"] == CertificateStatus.SUPERSEDED
                            and row["status"] != CertificateStatus.SUPERSEDED):
            current[row["product_id"]] = row
    categories = None
    to_refresh = {pid: todo[row["registry_id"]] for pid, row in current.items()
                  if pid not in new_products and row["registry_id"] in todo}
    if to_refresh:
        categories = product_services.category_tree_ensure()
        for product in Product.objects.filter(pk__in=list(to_refresh)):
            data = to_refresh[product.pk]
            group = data.product.group_code
            product_services.product_details_update(
                product=product, name=data.product.name, description=_product_description(data),
                category_id=categories[group].pk if group in categories else product.category_id,
                producer_id=current[product.pk]["producer_id"],
            )
            product_services.product_variants_add_missing(product=product, variants=_variant_drafts(data))
    OcopAttributeWriter().assign(current=current)


def _publication_follow_rule(*, outcome: UpsertOutcome, product_ids: list[int], new_products: set[int],
                             listable_before: set[int], channel_id: int, at: datetime | None) -> None:
    """Publish what became listable (new, or back after an expiry or revocation); unpublish what is not.
    A product that stayed listable is left alone, so staff can still hide one by hand."""
    listable_after = listable_product_ids(product_ids=product_ids, at=at)
    to_publish = [p for p in product_ids
                  if p in listable_after and (p in new_products or p not in listable_before)]
    product_services.product_channel_listings_publish(product_ids=to_publish, channel_id=channel_id)
    outcome.relisted |= {p for p in to_publish if p not in new_products}
    not_listable = [p for p in product_ids if p not in listable_after]
    product_services.product_channel_listings_unpublish(product_ids=not_listable)
    outcome.delisted |= {p for p in not_listable if p in listable_before}
