"""Hand-made demo products with certificates, for a catalog before (or without) the registry sync.
The registry sync (catalog_sync.demo) replaces this when available."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from marketplace.attribute.models import AttributeValue
from marketplace.attribute.services import (
    OCOP_GROUP,
    OCOP_PROVINCE,
    OCOP_STARS,
    attribute_values_assign_to_product,
)
from marketplace.certification.models import Certificate, CertificateStatus
from marketplace.core.geography import province_resolve
from marketplace.producer.models import Producer
from marketplace.product import services as product_services
from marketplace.product.ocop_attributes import group_value_slug, ocop_attributes_ensure
from marketplace.product.placeholder_images import placeholder_png

# (name, group code, stars, province as published, producer, packaging list)
DEMO_PRODUCTS: list[tuple[str, str, int, str, str, list[str]]] = [
    ("Nước mắm Vũng Áng", "I.4.a", 4, "Hà Tĩnh", "HTX Nước mắm Vũng Áng", ["Chai 500 ml", "Chai 1 lít"]),
    ("Kẹo cu đơ Phong Nga", "I.3.b", 4, "Hà Tĩnh", "Cơ sở kẹo cu đơ Phong Nga", ["Hộp 300 g", "Hộp 500 g"]),
    ("Cam bù Hương Sơn", "I.1.a", 4, "Hà Tĩnh", "HTX Cam bù Sơn Kim", ["Thùng 5 kg", "Túi 2 kg"]),
    ("Bưởi Phúc Trạch", "I.1.a", 5, "Hà Tĩnh", "HTX Bưởi Phúc Trạch", ["Quả 1,2 kg", "Thùng 6 quả"]),
    ("Mật ong Hương Sơn", "I.3.e", 3, "Hà Tĩnh", "Hộ kinh doanh Mật ong Sơn Tây", ["Chai 500 ml"]),
    ("Mắm tôm Hậu Lộc", "I.4.a", 4, "Thanh Hóa", "HTX Mắm tôm Hòa Lộc", ["Hũ 250 g", "Hũ 500 g"]),
    ("Nem chua Thanh Hóa", "I.3.c", 4, "Thanh Hóa", "Công ty TNHH Nem chua Bà Vân", ["Túi 10 chiếc"]),
    ("Chè lam Phủ Quảng", "I.3.b", 3, "Thanh Hóa", "Cơ sở chè lam Phủ Quảng", ["Hộp 400 g"]),
    ("Nước mắm Khúc Phụ", "I.4.a", 3, "Thanh Hóa", "HTX Chế biến hải sản Khúc Phụ", ["Chai 500 ml"]),
    ("Cói mỹ nghệ Nga Sơn", "IV.1", 4, "Thanh Hóa", "HTX Cói Nga Sơn", ["Giỏ cói nhỏ", "Thảm cói"]),
    ("Chè Shan tuyết Tà Xùa", "I.5.a", 5, "Sơn La", "HTX Chè Tà Xùa", ["Gói 100 g", "Hộp 200 g"]),
    ("Cà phê Arabica Sơn La", "I.6.a", 4, "Sơn La", "HTX Cà phê Chiềng Ban", ["Gói 250 g", "Gói 500 g"]),
    ("Mận hậu Mộc Châu sấy dẻo", "I.3.a", 3, "Sơn La", "HTX Mận Mộc Châu", ["Túi 300 g"]),
    ("Sữa chua Mộc Châu", "I.3.c", 4, "Sơn La", "Công ty CP Giống bò sữa Mộc Châu", ["Hộp 100 g x 4"]),
    ("Thịt trâu gác bếp Sơn La", "I.3.c", 3, "Sơn La", "Hộ kinh doanh Lò Văn Toản", ["Túi 500 g"]),
    ("Rượu San Lùng", "II.1.a", 3, "Lào Cai", "HTX Rượu San Lùng", ["Chai 500 ml"]),
    ("Gạo nếp cái hoa vàng Vĩnh Tường", "I.3.b", 4, "Vĩnh Phúc", "HTX Nông nghiệp Vĩnh Tường",
     ["Túi 2 kg", "Túi 5 kg"]),
    ("Bí đỏ Tam Đảo", "I.1.a", 3, "Vĩnh Phúc", "HTX Rau Tam Đảo", ["Quả 2 kg"]),
    ("Trà hoa vàng Tam Đảo", "III.3", 4, "Vĩnh Phúc", "Công ty TNHH Dược liệu Tam Đảo", ["Hộp 50 g"]),
    ("Miến dong Phú Thọ", "I.3.b", 4, "Phú Thọ", "HTX Miến dong Tân Sơn", ["Gói 500 g"]),
    ("Chè xanh Long Cốc", "I.5.a", 5, "Phú Thọ", "HTX Chè Long Cốc", ["Gói 200 g", "Hộp 500 g"]),
    ("Tinh dầu sả chanh Hòa Bình", "III.4", 3, "Hòa Bình", "HTX Dược liệu Lạc Thủy", ["Lọ 50 ml"]),
    ("Nón lá Chuông", "IV.1", 4, "Hà Nội", "HTX Nón lá làng Chuông", ["Chiếc"]),
    ("Gốm Bát Tràng men lam", "IV.1", 5, "Hà Nội", "Công ty TNHH Gốm Bát Tràng", ["Bộ ấm chén", "Lọ hoa"]),
    ("Bánh cáy làng Nguyễn", "I.3.b", 4, "Thái Bình", "Cơ sở bánh cáy Nguyễn Hữu", ["Hộp 400 g"]),
    ("Vải thiều Thanh Hà", "I.1.a", 4, "Hải Dương", "HTX Vải thiều Thanh Hà", ["Thùng 5 kg"]),
    ("Kẹo dừa Bến Tre", "I.3.a", 4, "Bến Tre", "Công ty TNHH Kẹo dừa Thanh Long", ["Gói 400 g"]),
    ("Nước mắm Phú Quốc", "I.4.a", 5, "Kiên Giang", "Công ty CP Nước mắm Phú Quốc", ["Chai 500 ml"]),
    ("Tiêu đen Phú Quốc", "I.4.b", 4, "Kiên Giang", "HTX Tiêu Phú Quốc", ["Hũ 100 g"]),
    ("Cà phê Robusta Buôn Ma Thuột", "I.6.a", 4, "Đắk Lắk", "HTX Cà phê Ea Tu", ["Gói 500 g"]),
    ("Ca cao Bến Tre", "I.6.b", 3, "Bến Tre", "HTX Ca cao Chợ Lách", ["Hộp 200 g"]),
    ("Mây tre đan Phú Vinh", "IV.1", 4, "Hà Nội", "HTX Mây tre đan Phú Vinh", ["Khay", "Giỏ"]),
    ("Dầu gội bồ kết thảo dược", "III.2", 4, "Nghệ An", "Công ty TNHH Thảo dược Xứ Nghệ", ["Chai 300 ml"]),
    ("Tương Nam Đàn", "I.4.a", 3, "Nghệ An", "HTX Tương Nam Đàn", ["Chai 500 ml"]),
    ("Homestay bản Áng", "VI", 3, "Sơn La", "HTX Du lịch cộng đồng bản Áng", ["Đêm nghỉ"]),
    ("Rượu ngô men lá (2 sao)", "II.1.a", 2, "Hà Giang", "Hộ kinh doanh Vàng Seo Pao", ["Chai 500 ml"]),
]


@transaction.atomic
def demo_products_create(*, channel_id: int, with_images: bool = True) -> int:
    """Create the demo products with certificates (idempotent by external reference). Returns how many."""
    attributes = ocop_attributes_ensure()
    categories = product_services.category_tree_ensure()
    product_type = product_services.product_type_ensure()
    created = 0
    for index, (name, code, stars, province_name, producer_name, packaging) in enumerate(DEMO_PRODUCTS):
        reference = f"DEMO-{index + 1:03d}"
        if Certificate.objects.filter(registry_id=reference).exists():
            continue
        province = province_resolve(province_name)
        producer, _ = Producer.objects.get_or_create(
            slug=product_services.unique_slug(Producer, producer_name) if not Producer.objects.filter(
                name=producer_name).exists() else Producer.objects.get(name=producer_name).slug,
            defaults={"name": producer_name, "province_as_published": province_name,
                      "province_code": province.code if province else "",
                      "kind": "cooperative" if producer_name.startswith("HTX") else "enterprise"},
        )
        product = product_services.product_create(
            name=name, product_type=product_type, category=categories[code], producer_id=producer.pk,
            description=f"{name} — sản phẩm OCOP {stars} sao của {producer_name} ({province_name}).",
            name_en=None, external_reference=reference,
        )
        product_services.product_channel_listing_update(product=product, channel_id=channel_id)
        for order, pack in enumerate(packaging):
            product_services.product_variant_create(product=product, name=pack, sku=f"{reference}-{order + 1}",
                                                    barcode=f"893{index + 1:05d}{order + 1:04d}", sort_order=order)
        if with_images:
            product_services.product_media_create(product=product, image_name=f"{product.slug}.png",
                                                  image_bytes=placeholder_png(name), alt=name)
        decision = date.today() - timedelta(days=90 + index * 23)
        Certificate.objects.create(
            registry_id=reference, product=product, producer=producer, number=f"{index + 1}/GCN-DEMO",
            stars=stars, score=Decimal({2: 45, 3: 62, 4: 78, 5: 92}[stars]) + Decimal(index % 7),
            issuer=f"UBND tỉnh {province_name}", issuer_level="national" if stars == 5 else "province",
            decision_number=f"{100 + index}/QĐ-UBND", decision_date=decision,
            expires_on=decision + timedelta(days=3 * 365), status=CertificateStatus.ACTIVE, group_code=code,
        )
        for slug, value_slug in ((OCOP_STARS, f"{stars}-sao"), (OCOP_GROUP, group_value_slug(code)),
                                 (OCOP_PROVINCE, province.code if province else None)):
            if value_slug:
                value = AttributeValue.objects.get(attribute=attributes[slug], slug=value_slug)
                attribute_values_assign_to_product(product_id=product.pk, attribute=attributes[slug], values=[value])
        created += 1
    return created
