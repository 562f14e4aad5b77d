from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils import timezone

from marketplace.core.models import ModelWithMetadata
from marketplace.core.permissions import ALL_PERMISSIONS


class Address(models.Model):
    """A Vietnamese address on the two-level units: province and commune/ward, plus the street line."""

    first_name = models.CharField(max_length=256, blank=True)
    last_name = models.CharField(max_length=256, blank=True)
    company_name = models.CharField(max_length=256, blank=True)
    street_address_1 = models.CharField(max_length=256, blank=True)
    street_address_2 = models.CharField(max_length=256, blank=True)
    city = models.CharField(max_length=256, blank=True)  # Saleor's "city" carries the commune/ward
    city_area = models.CharField(max_length=128, blank=True)  # an old district name, kept when given
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, default="VN")
    country_area = models.CharField(max_length=128, blank=True)  # the province name
    province_code = models.CharField(max_length=32, blank=True, db_index=True)
    phone = models.CharField(max_length=32, blank=True)

    def __str__(self) -> str:
        return ", ".join(p for p in (self.street_address_1, self.city, self.country_area) if p)

    def as_data(self) -> dict:
        return {f.name: getattr(self, f.name) for f in self._meta.fields if f.name != "id"}


class UserManager(DjangoUserManager):
    def _create_user(self, email: str, password: str | None, **extra):  # type: ignore[override]
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):  # type: ignore[override]
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):  # type: ignore[override]
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(PermissionsMixin, ModelWithMetadata, AbstractBaseUser):
    email = models.EmailField(unique=True)
    first_name = models.CharField(max_length=256, blank=True)
    last_name = models.CharField(max_length=256, blank=True)
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    # Saleor's is_confirmed: False from registration until the emailed link is opened (when confirmation is on).
    is_confirmed = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    language_code = models.CharField(max_length=10, default="vi")
    addresses = models.ManyToManyField(Address, blank=True, related_name="user_addresses")
    default_shipping_address = models.ForeignKey(
        Address, related_name="+", null=True, blank=True, on_delete=models.SET_NULL
    )
    default_billing_address = models.ForeignKey(
        Address, related_name="+", null=True, blank=True, on_delete=models.SET_NULL
    )
    # Bumped on password change / logout-everywhere so refresh tokens issued before stop working.
    jwt_token_key = models.CharField(max_length=12, default="", blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    objects = UserManager()

    class Meta:
        ordering = ["email"]
        permissions = [(p.codename, p.name.replace("_", " ").capitalize()) for p in ALL_PERMISSIONS]

    def __str__(self) -> str:
        return self.email

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.email
