"""Demo users, channel, sales points, content pages and menus."""

from __future__ import annotations

from django.conf import settings

from marketplace.account.services import role_groups_ensure, user_create
from marketplace.channel.services import channel_ensure
from marketplace.menu.services import menu_ensure, menu_item_ensure
from marketplace.page.services import page_ensure
from marketplace.product.services import category_tree_ensure

PAGES = [
    ("sao-ocop-la-gi", "Sao OCOP nghĩa là gì?",
     "Mỗi sản phẩm OCOP được hội đồng đánh giá chấm trên thang 100 điểm. Từ 50 điểm đạt 3 sao, từ 70 điểm đạt "
     "4 sao, từ 90 điểm đạt 5 sao. Sản phẩm 1–2 sao chưa được chứng nhận.\n\n"
     "Giấy chứng nhận có hiệu lực 36 tháng và có thể bị hạ hạng hoặc thu hồi sau kiểm tra. OCOP Market chỉ bán "
     "sản phẩm có giấy chứng nhận 3 sao trở lên còn hiệu lực; quét mã QR trên trang sản phẩm để kiểm tra.",
     "What do OCOP stars mean?",
     "Councils score each OCOP product out of 100: 3 stars from 50 points, 4 from 70, 5 from 90. Certificates "
     "are valid for 36 months and can be downgraded or revoked. We only sell products with a valid 3–5 star "
     "certificate; scan the QR code on a product page to verify it."),
    ("giao-hang-va-nhan-tai-diem-ban", "Giao hàng và nhận tại điểm bán",
     "Giao hàng toàn quốc với phí cố định theo tỉnh. Nhận miễn phí tại các điểm giới thiệu và bán sản phẩm "
     "OCOP: chọn điểm bán còn hàng khi thanh toán, nhận tin khi hàng sẵn sàng.\n\n"
     "Thanh toán bằng thẻ hoặc tiền mặt khi nhận hàng.",
     "Delivery and pickup",
     "Nationwide delivery at a flat rate per province, or free pickup at an OCOP sales point that has the "
     "stock. Pay by card or cash on delivery."),
    ("doi-tra", "Đổi trả hàng",
     "Bạn có thể đổi trả trong 7 ngày nếu sản phẩm lỗi, hư hỏng khi vận chuyển hoặc không đúng mô tả. Liên "
     "hệ điểm bán hoặc bộ phận hỗ trợ kèm mã đơn hàng.",
     "Returns",
     "Return within 7 days if a product is faulty, damaged in transit or not as described. Contact the sales "
     "point or support with your order number."),
]


def demo_base_create() -> dict:
    role_groups_ensure()
    password = settings.DEMO_PASSWORD
    admin = user_create(email="admin@example.com", password=password, first_name="Quản trị", is_staff=True,
                        is_superuser=True)
    operator = user_create(email="operator@example.com", password=password, first_name="Nhân viên điểm bán",
                           is_staff=True, roles=["sales_point_operator"])
    promo = user_create(email="promo@example.com", password=password, first_name="Cán bộ xúc tiến",
                        is_staff=True, roles=["promotion_staff"])
    catalogue = user_create(email="catalog@example.com", password=password, first_name="Quản lý sản phẩm",
                            is_staff=True, roles=["catalogue_manager"])
    orders = user_create(email="orders@example.com", password=password, first_name="Quản lý đơn hàng",
                         is_staff=True, roles=["order_manager"])
    shopper = user_create(email="shopper@example.com", password=password, first_name="Lan")
    channel = channel_ensure(slug=settings.DEFAULT_CHANNEL_SLUG, name="Toàn quốc")
    categories = category_tree_ensure()
    pages = {slug: page_ensure(slug=slug, title=t, content=c, title_en=te, content_en=ce)
             for slug, t, c, te, ce in PAGES}
    navbar = menu_ensure(slug="navbar", name="Menu chính")
    for order, code in enumerate(["I", "II", "III", "IV", "V", "VI"]):
        category = categories[code]
        en = category.translations.filter(language_code="en").first()
        menu_item_ensure(menu=navbar, name=category.name, name_en=en.name if en else "", sort_order=order,
                         category_id=category.pk)
    footer = menu_ensure(slug="footer", name="Chân trang")
    for order, (slug, title, _c, title_en, _ce) in enumerate(PAGES):
        menu_item_ensure(menu=footer, name=title, name_en=title_en, sort_order=order, page_id=pages[slug].pk)
    return {"channel": channel, "users": [admin, operator, promo, catalogue, orders, shopper]}
