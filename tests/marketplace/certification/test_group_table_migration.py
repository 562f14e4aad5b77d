"""The data migration that aligns a stored group tree with Decision 148's annex re-files what it holds: honey
under honey, retired codes under the annex group of the same meaning, filters and menus following."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from marketplace.attribute.models import AssignedProductAttributeValue, AttributeValue
from marketplace.certification.models import Certificate
from marketplace.certification.ocop_attributes import OcopAttributeWriter
from marketplace.menu.models import Menu, MenuItem
from marketplace.product.models import Category, CategoryTranslation, Product

migration = importlib.import_module("marketplace.certification.migrations.0003_group_table_decision_148_sync")


def _old_tree(catalog) -> dict[str, Product]:
    """A catalog stored under our first table: I.2.b named for meat and seafood, honey under I.3.e, coffee
    under I.6.a (the codes the annex does not have)."""
    honey_coded_i2b = catalog.product("Mật ong Sơn Hồng", group_code="I.2.b")
    honey_old_code = catalog.product("Mật ong bạc hà", group_code="I.4.a")
    coffee = catalog.product("Cà phê Arabica Chiềng Ban", group_code="I.6")
    categories = {c.code: c for c in Category.objects.all()}
    Category.objects.filter(code="I.2.b").update(name="Thịt, thủy sản sơ chế", slug="i-2-b-thit-thuy-san-so-che")
    CategoryTranslation.objects.filter(category__code="I.2.b").update(name="Pre-processed meat and seafood")
    old_honey = Category.objects.create(code="I.3.e", name="Mật ong và sản phẩm từ mật ong", parent=categories["I.3"],
                                        slug="i-3-e-mat-ong-va-san-pham-tu-mat-ong", level=2)
    old_coffee = Category.objects.create(code="I.6.a", name="Cà phê", parent=categories["I.6"], slug="i-6-a-ca-phe",
                                         level=2)
    Product.objects.filter(pk=honey_old_code.pk).update(category=old_honey)
    Product.objects.filter(pk=coffee.pk).update(category=old_coffee)
    Certificate.objects.filter(product=honey_old_code).update(group_code="I.3.e")
    Certificate.objects.filter(product=coffee).update(group_code="I.6.a")
    writer = OcopAttributeWriter()
    writer.assign(current={p.pk: {"stars": 4, "group_code": code, "producer__province_code": "ha-tinh"}
                           for p, code in ((honey_coded_i2b, "I.2.b"), (honey_old_code, "I.4.a"),
                                           (coffee, "I.6"))})
    group_values = AttributeValue.objects.filter(attribute__slug="ocop-product-group")
    group_values.filter(slug="i-2-b").update(name="Thịt, thủy sản sơ chế")
    old_value = AttributeValue.objects.create(attribute=group_values.first().attribute, slug="i-3-e",
                                              name="Mật ong và sản phẩm từ mật ong")
    AssignedProductAttributeValue.objects.filter(product=honey_old_code, value__slug="i-4-a").update(value=old_value)
    menu = Menu.objects.create(name="Menu chính", slug="navbar")
    MenuItem.objects.create(menu=menu, name="Mật ong", category=old_honey)
    Product.objects.update(search_index_dirty=False)
    return {"honey_coded_i2b": honey_coded_i2b, "honey_old_code": honey_old_code, "coffee": coffee}


def _group_value(product: Product) -> tuple[str, str]:
    value = AssignedProductAttributeValue.objects.select_related("value").get(
        product=product, value__attribute__slug="ocop-product-group").value
    return value.slug, value.name


@pytest.mark.django_db
def test_the_migration_re_files_products_whose_group_code_changed_meaning(catalog):
    products = _old_tree(catalog)

    migration.forwards(apps, None)

    honey = Product.objects.select_related("category").get(pk=products["honey_coded_i2b"].pk)
    assert (honey.category.code, honey.category.name) == (
        "I.2.b", "Mật ong, các loại mật khác, nông sản thực phẩm khác")
    assert honey.category.translations.get(language_code="en").name == "Honey, other syrups and farm foods"
    assert _group_value(honey) == ("i-2-b", "Mật ong, các loại mật khác, nông sản thực phẩm khác")
    assert honey.search_index_dirty  # its group's name changed: re-index


@pytest.mark.django_db
def test_the_migration_re_files_what_retired_codes_hold(catalog):
    products = _old_tree(catalog)

    migration.forwards(apps, None)

    honey = Product.objects.select_related("category").get(pk=products["honey_old_code"].pk)
    coffee = Product.objects.select_related("category").get(pk=products["coffee"].pk)
    assert (honey.category.code, coffee.category.code) == ("I.2.b", "I.6")
    assert (honey.certificates.get().group_code, coffee.certificates.get().group_code) == ("I.2.b", "I.6")
    assert _group_value(honey)[0] == "i-2-b"
    assert not Category.objects.filter(code__in=["I.3.e", "I.6.a"]).exists()
    assert not AttributeValue.objects.filter(slug="i-3-e").exists()
    assert MenuItem.objects.get(name="Mật ong").category.code == "I.2.b"
    assert honey.search_index_dirty and coffee.search_index_dirty
    assert set(Category.objects.values_list("code", flat=True)) >= {"I.5.b", "II.2.a", "V.3"}


@pytest.mark.django_db
def test_the_migration_twice_changes_nothing(catalog):
    _old_tree(catalog)
    migration.forwards(apps, None)
    before = list(Category.objects.order_by("code").values_list("code", "name", "slug", "parent__code"))

    migration.forwards(apps, None)

    assert list(Category.objects.order_by("code").values_list("code", "name", "slug", "parent__code")) == before
