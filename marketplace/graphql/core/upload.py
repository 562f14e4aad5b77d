"""Saleor's `Upload` scalar and the GraphQL multipart request spec (jaydenseric/graphql-multipart-request-spec):
files arrive as form parts named in `map` and are put into `operations` where the variables hold null.
graphene-file-upload does the placing; a malformed request is answered with a 400 and a message, never a 500."""

from __future__ import annotations

import json

import graphene
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpResponseBadRequest
from graphene_django.views import HttpError
from graphene_file_upload.utils import place_files_in_operations
from graphql import GraphQLError


class Upload(graphene.Scalar):
    """Variables of this type must be filled by a multipart request's file parts."""

    @staticmethod
    def serialize(value):
        return getattr(value, "name", None)

    @staticmethod
    def parse_literal(node, _variables=None):
        # A GraphQLError (not a ValueError) so the answer is a client error, not an internal one.
        raise GraphQLError("Upload values must be sent as multipart file parts.")

    @staticmethod
    def parse_value(value):
        if not isinstance(value, UploadedFile):
            raise GraphQLError("Upload values must be sent as multipart file parts.")
        return value


class MultipartRequestMixin:
    """For the GraphQL view: read `operations` + `map` + files from a multipart/form-data body."""

    def parse_body(self, request):
        if self.get_content_type(request) == "multipart/form-data" and "operations" in request.POST:
            try:
                operations = json.loads(request.POST["operations"])
                files_map = json.loads(request.POST.get("map", "{}"))
                if not isinstance(files_map, dict):
                    raise ValueError("`map` must be an object")
                return place_files_in_operations(operations, files_map, request.FILES)
            except (ValueError, KeyError, TypeError, IndexError) as exc:
                raise HttpError(HttpResponseBadRequest(f"Malformed multipart GraphQL request: {exc}")) from exc
        return super().parse_body(request)
