"""A clear sentence for every error code the checkout, order and payment services raise. The service's own
(Vietnamese) detail is added when it says more, e.g. how many units are left."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from marketplace.core.errors import DomainError, DomainErrors

ERROR_MESSAGES = {
    "ZERO_QUANTITY": _("Số lượng phải lớn hơn 0."),
    "QUANTITY_GREATER_THAN_LIMIT": _("Số lượng vượt quá mức tối đa cho mỗi đơn hàng."),
    "INSUFFICIENT_STOCK": _("Không đủ hàng cho số lượng bạn chọn."),
    "PRODUCT_UNAVAILABLE_FOR_PURCHASE": _(
        "Sản phẩm tạm ngừng bán: chứng nhận OCOP không còn hiệu lực hoặc chưa mở bán."),
    "PRODUCT_NOT_PUBLISHED": _("Sản phẩm chưa được đăng bán."),
    "UNAVAILABLE_VARIANT_IN_CHANNEL": _("Sản phẩm này không được bán trực tuyến."),
    "NOT_FOUND": _("Không tìm thấy giỏ hàng hoặc sản phẩm (có thể bạn đã đặt hàng rồi)."),
    "NO_LINES": _("Giỏ hàng đang trống."),
    "EMAIL_NOT_SET": _("Vui lòng nhập email để nhận xác nhận đơn hàng."),
    "SHIPPING_ADDRESS_NOT_SET": _("Vui lòng nhập địa chỉ giao hàng hoặc chọn điểm nhận hàng."),
    "SHIPPING_METHOD_NOT_SET": _("Vui lòng chọn phương thức giao hàng."),
    "BILLING_ADDRESS_NOT_SET": _("Vui lòng nhập họ tên và số điện thoại người nhận hàng."),
    "DELIVERY_METHOD_NOT_APPLICABLE": _("Cách giao nhận này không dùng được cho giỏ hàng hoặc địa chỉ của bạn."),
    "CHANNEL_INACTIVE": _("Cửa hàng đang tạm ngừng nhận đơn."),
    "PAYMENT_ERROR": _("Không thể thực hiện thanh toán lúc này. Vui lòng thử lại sau."),
    "CHECKOUT_NOT_FULLY_PAID": _("Đơn hàng chưa được thanh toán đủ."),
    "REQUIRED": _("Vui lòng điền đủ thông tin bắt buộc."),
    "INVALID": _("Thông tin chưa hợp lệ."),
    "UNIQUE": _("Thông tin này đã được dùng."),
    "INVALID_CREDENTIALS": _("Email hoặc mật khẩu không đúng."),
    "INACTIVE": _("Tài khoản đã bị khóa."),
    "PASSWORD_TOO_SHORT": _("Mật khẩu cần ít nhất 8 ký tự."),
    "PASSWORD_TOO_COMMON": _("Mật khẩu quá phổ biến."),
    "PASSWORD_ENTIRELY_NUMERIC": _("Mật khẩu không được chỉ gồm chữ số."),
    "PASSWORD_TOO_SIMILAR": _("Mật khẩu quá giống email hoặc tên."),
    "TRANSACTION_ALREADY_PROCESSED": _("Giao dịch này đã được xử lý."),
    "CANNOT_CANCEL_ORDER": _("Không thể hủy đơn hàng ở trạng thái này."),
    "CANNOT_FULFILL_UNPAID_ORDER": _("Đơn hàng chưa được thanh toán."),
    "NOT_EDITABLE": _("Đơn hàng không còn thay đổi được."),
    "CANNOT_REFUND": _("Không thể hoàn số tiền này."),
}
FIELD_LABELS = {
    "email": _("Email"), "phone": _("Số điện thoại"), "countryArea": _("Tỉnh/thành phố"), "city": _("Xã/phường"),
    "streetAddress1": _("Số nhà, đường"), "firstName": _("Họ tên"), "quantity": _("Số lượng"),
}


def error_messages(exc: DomainError | DomainErrors) -> list[str]:
    errors = exc.errors if isinstance(exc, DomainErrors) else [exc]
    result = []
    for error in errors:
        text = str(ERROR_MESSAGES.get(error.code, _("Đã có lỗi, vui lòng thử lại.")))
        # The service's own message (translated like the rest) adds the detail, e.g. how many units are left.
        if error.message and error.message != text:
            text = error.message if error.code in ("INVALID", "REQUIRED") else f"{text} {error.message}"
        label = FIELD_LABELS.get(error.field or "")
        result.append(f"{label}: {text}" if label and error.code in ("INVALID", "REQUIRED") else text)
    return list(dict.fromkeys(result))
