"""A real local registry on loopback per test, small datasets, and what a shopper can see and buy."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest

from catalog_sync import services
from catalog_sync.clients.json_api import JsonApiClient
from catalog_sync.models import RegistrySource, SyncRun
from catalog_sync.registry_server import RecordStore, RegistryApp, RegistryServer
from marketplace.certification.selectors import products_listable, today_in_vietnam
from marketplace.product.models import Product
from marketplace.warehouse.models import Stock

TOKEN = "test-token"


def make_record(record_id: str, name: str, *, stars: int = 4, status: str = "active",
                decision_date: date | None = None, expires_on: date | None = None,
                group_code: str | None = "I.4.a",
                legacy_group: str | None = None, province: str = "Hà Tĩnh", district: str | None = "Can Lộc",
                producer_id: str = "HT-P-0001", producer_name: str = "HTX Nước mắm Cẩm Nhượng",
                superseded_by: str | None = None, status_decision: dict | None = None,
                packaging: tuple[str, ...] = ("Chai 500 ml",
                                              "Chai 1 lít"), updated_at: str | None = None) -> dict:
    """A registry record as the README shows it; dates default to a certificate valid today."""
    decision_date = decision_date or today_in_vietnam() - timedelta(days=200)
    return {
        "id": record_id,
        "updated_at": updated_at or f"{decision_date.isoformat()}T08:00:00+07:00",
        "status": status, "status_decision": status_decision, "superseded_by": superseded_by,
        "product": {"name": name, "group_code": group_code, "legacy_group": legacy_group,
                    "description": f"Mô tả {name}", "story": "Câu chuyện sản phẩm.",
                    "packaging": list(packaging),
                    "images": [f"https://anh.ocop.example/{record_id}/1.jpg"]},
        "producer": {"id": producer_id, "name": producer_name, "kind": "cooperative",
                     "tax_code": "3000123456",
                     "representative": "Nguyễn Văn An", "phone": "0239 3855555", "email": None,
                     "address": {"line": "Thôn Hải Hà", "commune": "xã Cẩm Nhượng", "district": district,
                                 "province": province}},
        "certificate": {"number": f"{record_id}/GCN", "stars": stars, "score": {3: 60, 4: 75,
                                                                                5: 92}.get(stars, 40),
                        "issuer_level": "province", "issuer": f"UBND tỉnh {province}",
                        "decision_no": "2394/QĐ-UBND", "decision_date": decision_date.isoformat(),
                        "expires_on": (expires_on or decision_date + timedelta(days=3 * 365)).isoformat()},
    }


@dataclass
class Registry:
    server: RegistryServer
    source: RegistrySource
    sleeps: list[float] = field(default_factory=list)

    @property
    def app(self) -> RegistryApp:
        return self.server.app

    @property
    def store(self) -> RecordStore:
        return self.server.app.store

    def client(self, **options: object) -> JsonApiClient:
        defaults = {"timeout": 2.0, "max_attempts": 4, "backoff_base": 0.01, "sleep": self.sleeps.append}
        return services.registry_client_for_source(source=self.source, **{**defaults, **options})

    def sync(self, *, full: bool = False, **client_options: object) -> SyncRun:
        self.source.refresh_from_db()
        return services.registry_sync_run(source=self.source, full=full, client=self.client(**client_options))


@pytest.fixture
def registry_records() -> list[dict]:
    return []


@pytest.fixture
def registry(db, channel, registry_records) -> Iterator[Registry]:
    app = RegistryApp(RecordStore(copy.deepcopy(registry_records)), token=TOKEN)
    with RegistryServer(app) as server:
        source = services.registry_source_ensure(name="Sở NN&MT Hà Tĩnh (thử)", url=server.url, token=TOKEN)
        yield Registry(server=server, source=source)


def shop_names(at=None) -> set[str]:
    """What a shopper sees listed: products passing the listing rule with a published channel listing."""
    return set(products_listable(at=at, queryset=Product.objects.filter(channel_listings__is_published=True))
               .values_list("name", flat=True))


def buyable_names(at=None) -> set[str]:
    """What a shopper can buy: listed, with a price in the channel and stock somewhere."""
    listed = products_listable(at=at, queryset=Product.objects.filter(channel_listings__is_published=True))
    return set(listed.filter(variants__channel_listings__price_amount__isnull=False,
                             variants__stocks__quantity__gt=0).values_list("name", flat=True).distinct())


def put_on_sale(product: Product, *, channel_id: int, warehouse, price: int = 120_000) -> None:
    """What the demo data (and staff) do after a sync: give a listed product a price and stock."""
    from marketplace.product import services as product_services

    for variant in product.variants.all():
        product_services.variant_price_set(variant=variant, channel_id=channel_id, price=price)
        Stock.objects.update_or_create(warehouse=warehouse, product_variant=variant, defaults={"quantity": 5})
