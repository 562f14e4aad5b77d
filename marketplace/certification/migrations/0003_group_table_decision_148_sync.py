"""Align the stored product-group tree with Decision 148/QĐ-TTg's annex (marketplace/product/ocop_groups.py).

Several codes meant something else in our first table (I.2.b, real honey, was "pre-processed meat and
seafood"): those categories are renamed in place, so what the registry filed under the code now sits under the
group the code means. Codes the annex does not have are retired and what they hold is re-filed under the annex
group of the same meaning (our honey code I.3.e -> I.2.b): products, their certificates' group, the group
filter attribute, menu links and fair zones. Products whose group name changed are marked for re-indexing.

The table is frozen here (a migration must not change when the live table does). A database whose tree was
never built has nothing to re-file: the tree is built on first use from the live table."""

from django.db import migrations

from marketplace.core.text import vn_slugify

GROUPS = (
    ("I", "Thực phẩm", "Food"),
    ("I.1", "Thực phẩm tươi sống", "Fresh food"),
    ("I.1.a", "Rau, củ, quả, hạt tươi", "Fresh vegetables, fruit and nuts"),
    ("I.1.b", "Thịt, thủy sản, trứng, sữa tươi", "Fresh meat, aquatic products, eggs and milk"),
    ("I.2", "Thực phẩm thô, sơ chế", "Raw and pre-processed food"),
    ("I.2.a", "Gạo, ngũ cốc, hạt sơ chế khác", "Rice, cereals and other pre-processed grains"),
    ("I.2.b", "Mật ong, các loại mật khác, nông sản thực phẩm khác", "Honey, other syrups and farm foods"),
    ("I.3", "Thực phẩm chế biến", "Processed food"),
    ("I.3.a", "Thực phẩm tiện lợi, ăn nhanh", "Fast food"),
    ("I.3.b", "Chế biến từ gạo, ngũ cốc", "Processed from rice and cereals"),
    ("I.3.c", "Chế biến từ rau, củ, quả, hạt", "Processed from vegetables, fruit and nuts"),
    ("I.3.d", "Chế biến từ thịt, trứng, sữa, thủy sản, mật ong",
     "Processed from meat, eggs, milk, aquatic products and honey"),
    ("I.4", "Gia vị", "Condiments"),
    ("I.4.a", "Tương, nước mắm", "Sauces and fish sauce"),
    ("I.4.b", "Gia vị khác (muối, hành, tỏi, tiêu…)", "Other condiments (salt, onion, garlic, pepper)"),
    ("I.5", "Chè", "Tea"),
    ("I.5.a", "Chè tươi, chè chế biến", "Fresh and processed tea"),
    ("I.5.b", "Sản phẩm chè (trà) từ thực vật khác", '"Tea" from other plants'),
    ("I.6", "Cà phê, ca cao", "Coffee and cocoa"),
    ("II", "Đồ uống", "Drinks"),
    ("II.1", "Đồ uống có cồn", "Alcoholic drinks"),
    ("II.1.a", "Rượu trắng", "White spirits"),
    ("II.1.b", "Đồ uống có cồn khác", "Other alcoholic drinks"),
    ("II.2", "Đồ uống không cồn", "Non-alcoholic drinks"),
    ("II.2.a", "Nước khoáng, nước uống đóng chai", "Mineral and bottled water"),
    ("II.2.b", "Đồ uống không cồn khác", "Other soft drinks"),
    ("III", "Thảo dược", "Herbal products"),
    ("III.1", "Thực phẩm chức năng, thuốc từ dược liệu", "Supplements and herbal medicines"),
    ("III.2", "Mỹ phẩm có thành phần từ thảo dược", "Cosmetics from herbal ingredients"),
    ("III.3", "Tinh dầu và sản phẩm khác từ thảo dược", "Essential oils and other herbal products"),
    ("IV", "Thủ công mỹ nghệ", "Handicrafts"),
    ("IV.1", "Thủ công mỹ nghệ, gia dụng, trang trí", "Handicrafts, household and decorative goods"),
    ("IV.2", "Vải, may mặc", "Textiles and clothing"),
    ("V", "Sinh vật cảnh", "Ornamental plants and animals"),
    ("V.1", "Hoa", "Flowers"),
    ("V.2", "Cây cảnh", "Ornamental plants"),
    ("V.3", "Động vật cảnh", "Ornamental animals"),
    ("VI", "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
     "Community tourism, eco-tourism and tourist sites"),
)
# Codes of our first table that the annex does not have -> the annex group with their meaning.
RETIRED = {
    "I.1.c": "I.1.b",  # fresh aquatic products
    "I.3.e": "I.2.b",  # honey and honey products
    "I.6.a": "I.6",  # coffee
    "I.6.b": "I.6",  # cocoa
    "III.4": "III.3",  # other herbal products
}
GROUP_ATTRIBUTE = "ocop-product-group"


def _parent(code):
    return code.rsplit(".", 1)[0] if "." in code else None


def _value_slug(code):
    return vn_slugify(code.replace(".", "-"))


def _refile_tree(apps):
    Category = apps.get_model("product", "Category")
    CategoryTranslation = apps.get_model("product", "CategoryTranslation")
    Product = apps.get_model("product", "Product")
    MenuItem = apps.get_model("menu", "MenuItem")
    FairZone = apps.get_model("fair", "FairZone")
    existing = {c.code: c for c in Category.objects.filter(code__isnull=False)}
    by_code = {}
    for order, (code, name, name_en) in enumerate(GROUPS):
        values = {"name": name, "slug": vn_slugify(f"{code.replace('.', '-')}-{name}")[:255],
                  "parent": by_code.get(_parent(code)), "level": code.count("."), "sort_order": order,
                  "seo_title": name[:70]}
        category = existing.get(code)
        if category is None:
            category = Category.objects.create(code=code, **values)
        elif any(getattr(category, key) != value for key, value in values.items()):
            renamed = category.name != name
            for key, value in values.items():
                setattr(category, key, value)
            category.save()
            if renamed:
                Product.objects.filter(category=category).update(search_index_dirty=True)
        CategoryTranslation.objects.update_or_create(category=category, language_code="en",
                                                     defaults={"name": name_en})
        by_code[code] = category
    for old, new in RETIRED.items():
        category = existing.get(old)
        if category is None:
            continue
        Product.objects.filter(category=category).update(category=by_code[new], search_index_dirty=True)
        MenuItem.objects.filter(category=category).update(category=by_code[new])
        FairZone.objects.filter(category=category).update(category=by_code[new])
        Category.objects.filter(parent=category).update(parent=by_code[new])
        category.delete()


def _refile_attribute(apps):
    Attribute = apps.get_model("attribute", "Attribute")
    AttributeValue = apps.get_model("attribute", "AttributeValue")
    AttributeValueTranslation = apps.get_model("attribute", "AttributeValueTranslation")
    Assigned = apps.get_model("attribute", "AssignedProductAttributeValue")
    attribute = Attribute.objects.filter(slug=GROUP_ATTRIBUTE).first()
    if attribute is None:
        return
    values = {v.slug: v for v in AttributeValue.objects.filter(attribute=attribute)}
    order = {code: index for index, (code, _, _) in enumerate(GROUPS)}
    names = {code: (name, name_en) for code, name, name_en in GROUPS}
    for old, new in RETIRED.items():
        old_value = values.get(_value_slug(old))
        if old_value is None:
            continue
        new_value = values.get(_value_slug(new)) or AttributeValue.objects.create(
            attribute=attribute, slug=_value_slug(new), name=names[new][0], sort_order=order[new])
        values[new_value.slug] = new_value
        holders = Assigned.objects.filter(value=new_value).values_list("product_id", flat=True)
        Assigned.objects.filter(value=old_value, product_id__in=list(holders)).delete()
        Assigned.objects.filter(value=old_value).update(value=new_value)
        old_value.delete()
    for code, (name, name_en) in names.items():
        value = values.get(_value_slug(code))
        if value is None:
            continue
        if (value.name, value.sort_order) != (name, order[code]):
            value.name, value.sort_order = name, order[code]
            value.save(update_fields=["name", "sort_order"])
        AttributeValueTranslation.objects.update_or_create(attribute_value=value, language_code="en",
                                                           defaults={"name": name_en})


def forwards(apps, schema_editor):
    Certificate = apps.get_model("certification", "Certificate")
    for old, new in RETIRED.items():
        Certificate.objects.filter(group_code=old).update(group_code=new)
    if apps.get_model("product", "Category").objects.filter(code__isnull=False).exists():
        _refile_tree(apps)
    _refile_attribute(apps)


class Migration(migrations.Migration):

    dependencies = [
        ("certification", "0002_registry_sync_fingerprint"),
        ("product", "0002_search_support"),
        ("attribute", "0001_initial"),
        ("menu", "0001_initial"),
        ("fair", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
