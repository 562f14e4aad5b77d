"""Composes the schema from each app's Queries and Mutations (Saleor's graphql/api.py)."""

import graphene

from marketplace.graphql.account.schema import AccountMutations, AccountQueries
from marketplace.graphql.account.staff_schema import StaffMutations, StaffQueries
from marketplace.graphql.certification.schema import CertificationQueries
from marketplace.graphql.channel.schema import ChannelQueries
from marketplace.graphql.checkout.schema import CheckoutMutations, CheckoutQueries
from marketplace.graphql.core.node import node_field
from marketplace.graphql.discount.schema import DiscountQueries
from marketplace.graphql.fair.schema import FairMutations, FairQueries
from marketplace.graphql.menu.schema import MenuQueries
from marketplace.graphql.order.schema import OrderMutations, OrderQueries
from marketplace.graphql.page.schema import PageQueries
from marketplace.graphql.payment.schema import PaymentMutations
from marketplace.graphql.payment.types import CardPaymentMethodDetails
from marketplace.graphql.product.schema import ProductQueries
from marketplace.graphql.registry.schema import RegistryQueries
from marketplace.graphql.salespoint.schema import SalesPointMutations, SalesPointQueries
from marketplace.graphql.shop.schema import ShopQueries
from marketplace.graphql.warehouse.schema import WarehouseMutations, WarehouseQueries


class Query(ChannelQueries, ShopQueries, ProductQueries, MenuQueries, PageQueries, CertificationQueries,
            RegistryQueries, WarehouseQueries, SalesPointQueries, DiscountQueries, FairQueries, CheckoutQueries,
            OrderQueries, AccountQueries, StaffQueries, graphene.ObjectType):
    node = node_field()


class Mutation(WarehouseMutations, SalesPointMutations, FairMutations, CheckoutMutations, PaymentMutations,
               OrderMutations, AccountMutations, StaffMutations, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation, types=[CardPaymentMethodDetails])
