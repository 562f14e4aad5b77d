"""Seed the default permission groups (staff can edit them afterwards). The role → permission lists are frozen
here as they were when this migration was written; `role_groups_ensure` keeps the live definition."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ["manage_users", "manage_staff", "manage_products", "manage_product_types_and_attributes", "manage_channels",
       "manage_orders", "manage_checkouts", "handle_payments", "manage_discounts", "manage_menus", "manage_pages",
       "manage_sales_points", "operate_sales_points", "manage_fairs", "manage_registry_sync", "manage_shipping",
       "manage_settings"]
GROUPS = {
    "Quản trị": ("admin", ALL),
    "Vận hành điểm bán": ("sales_point_operator", ["operate_sales_points"]),
    "Xúc tiến thương mại": ("promotion_staff", ["manage_fairs", "manage_discounts", "manage_sales_points",
                                                "operate_sales_points"]),
    "Quản lý sản phẩm": ("catalogue_manager", ["manage_products", "manage_product_types_and_attributes",
                                               "manage_pages", "manage_menus"]),
    "Quản lý đơn hàng": ("order_manager", ["manage_orders", "handle_payments", "manage_shipping"]),
}


def seed_groups(apps, schema_editor):
    app_config = apps.get_app_config("account")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, (old_name, codenames) in GROUPS.items():
        # Groups created before under the role's internal name keep their members.
        group = Group.objects.filter(name=old_name).first()
        if group is not None and not Group.objects.filter(name=name).exists():
            group.name = name
            group.save(update_fields=["name"])
        group, created = Group.objects.get_or_create(name=name)
        if created or not group.permissions.exists():
            group.permissions.set(Permission.objects.filter(content_type__app_label="account",
                                                            codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("account", "0002_user_permissions_staff"), ("auth", "0012_alter_user_first_name_max_length"),
                    ("contenttypes", "0002_remove_content_type_name")]

    operations = [migrations.RunPython(seed_groups, migrations.RunPython.noop)]
