from django.contrib import admin

from marketplace.channel.models import Channel


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ["slug", "name", "currency_code", "default_country", "is_active"]
