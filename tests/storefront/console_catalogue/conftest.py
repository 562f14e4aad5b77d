from tests.factories.catalogue import catalogue_manager  # noqa: F401
