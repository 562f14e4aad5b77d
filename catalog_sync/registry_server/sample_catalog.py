"""Static material for the sample registry: provinces as they were before 01/07/2025 (with their districts
and communes), product templates per province, and Vietnamese names. make_dataset.py draws from it.

Producers, people and brands are invented; places and product kinds are real OCOP staples."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Template:
    name: str  # "{place}" is replaced by a commune or village name
    group: str  # Decision 148 group code, as the annex means it (marketplace/product/ocop_groups.py)
    packaging: tuple[str, ...]
    description: str
    short: str = ""  # what the product is, for producer names ("nước mắm")


@dataclass(frozen=True)
class ProvinceSpec:
    prefix: str  # record id prefix, e.g. "HT"
    name: str  # the province as published before 01/07/2025
    current: str  # the province it belongs to now (registry records since 07/2025 say this)
    tax_prefix: str
    phone_area: str
    weight: int  # share of the sample
    districts: dict[str, tuple[str, ...]]  # district -> communes
    templates: tuple[Template, ...]
    city_districts: tuple[str, ...] = field(default=())  # districts that are cities/towns (phường, not xã)


def T(name: str, group: str, packaging: tuple[str, ...], description: str,
      short: str = "") -> Template:  # noqa: N802
    return Template(name, group, packaging, description, short or name.replace("{place}", "").strip().lower())


_FISH_SAUCE = T("Nước mắm {place}", "I.4.a", ("Chai 500 ml", "Chai 1 lít", "Can 2 lít"),
                "Nước mắm cốt ủ chượp từ cá cơm và muối biển trong thùng gỗ từ 12 đến 18 tháng, độ đạm cao, "
                "không chất bảo quản.", "nước mắm")
_HONEY = T("Mật ong {place}", "I.2.b", ("Chai 500 ml", "Chai 1 lít", "Hũ 250 g"),
           "Mật ong nuôi tại vùng đồi rừng, thu hoạch theo mùa hoa, lọc lạnh và đóng chai tại cơ sở.",
           "mật ong")
_RICE_WINE = T("Rượu nếp {place}", "II.1.a", ("Chai 500 ml", "Bình 2 lít"),
               "Rượu nấu từ gạo nếp địa phương với men lá truyền thống, chưng cất hai lần, hạ thổ ba tháng.",
               "rượu")
_RATTAN = T("Mây tre đan {place}", "IV.1", ("Giỏ quà", "Khay tròn 35 cm", "Bộ 3 rổ"),
            "Sản phẩm đan thủ công từ mây, tre, giang của làng nghề, xử lý chống mốc bằng phương pháp "
            "tự nhiên.",
            "mây tre đan")
_RICE = T("Gạo {place}", "I.2.a", ("Túi 2 kg", "Túi 5 kg"),
          "Gạo canh tác theo quy trình hữu cơ trên đồng đất phù sa, xay xát và đóng gói ngay sau thu hoạch.",
          "gạo")
_SHRIMP_PASTE = T("Mắm tôm {place}", "I.4.a", ("Hũ 250 g", "Chai 500 g"),
                  "Mắm tôm làm từ moi biển tươi, muối và phơi nắng theo cách của làng chài.", "mắm tôm")

PROVINCES: tuple[ProvinceSpec, ...] = (
    ProvinceSpec(
        "HT", "Hà Tĩnh", "Hà Tĩnh", "30", "0239", 22,
        {"Can Lộc": ("Phong Nga", "Thiên Lộc", "Tùng Lộc", "Vượng Lộc"),
         "Hương Sơn": ("Sơn Kim", "Sơn Tây", "Sơn Hồng", "Sơn Trường"),
         "Hương Khê": ("Phúc Trạch", "Hương Trà", "Hương Đô", "Hương Xuân"),
         "Nghi Xuân": ("Xuân Hội", "Xuân Yên", "Cương Gián"),
         "Thạch Hà": ("Thạch Kim", "Thạch Đài", "Việt Tiến"),
         "Cẩm Xuyên": ("Cẩm Nhượng", "Cẩm Lĩnh", "Cẩm Bình"),
         "Kỳ Anh": ("Kỳ Tân", "Kỳ Phong", "Kỳ Thư"),
         "Đức Thọ": ("Tùng Ảnh", "Đức Lạng", "Yên Hồ"),
         "Vũ Quang": ("Hương Minh", "Đức Bồng", "Ân Phú"),
         "Lộc Hà": ("Thạch Bằng", "Hộ Độ", "Thịnh Lộc"),
         "Thị xã Hồng Lĩnh": ("Đậu Liêu", "Trung Lương"),
         "Thành phố Hà Tĩnh": ("Thạch Trung", "Thạch Hạ")},
        (T("Kẹo cu đơ {place}", "I.3.b", ("Hộp 300 g", "Hộp 500 g", "Gói 200 g"),
           "Kẹo cu đơ làm từ mật mía, lạc rang và gừng tươi, kẹp giữa hai lớp bánh đa nướng giòn.",
           "kẹo cu đơ"),
         _FISH_SAUCE,
         T("Mắm ruốc {place}", "I.4.a", ("Hũ 200 g", "Hũ 500 g"),
           "Mắm ruốc từ con ruốc biển tháng ba, ủ muối và phơi nắng tự nhiên.", "mắm ruốc"),
         T("Cam bù Hương Sơn {place}", "I.1.a", ("Túi 2 kg", "Thùng 5 kg"),
           "Cam bù trồng trên đất đồi Hương Sơn, quả chín vàng, vị ngọt thanh, vỏ mỏng, thu hoạch cuối năm.",
           "cam bù"),
         T("Bưởi Phúc Trạch {place}", "I.1.a", ("Quả 1,2–1,5 kg", "Hộp 2 quả"),
           "Bưởi Phúc Trạch múi mọng, tép giòn, vị ngọt mát, đạt chỉ dẫn địa lý.", "bưởi"),
         _HONEY,
         T("Chè búp khô {place}", "I.5.a", ("Gói 200 g", "Hộp 500 g"),
           "Chè búp hái một tôm hai lá, sao tay trên chảo gang, nước xanh, hậu ngọt.", "chè"),
         T("Bánh ram {place}", "I.3.b", ("Gói 20 chiếc", "Hộp 40 chiếc"),
           "Bánh ram nhân tôm thịt cuốn bánh tráng mỏng, chiên giòn, ăn kèm bánh đa và rau sống.",
           "bánh ram"),
         T("Tinh dầu bưởi {place}", "III.2", ("Chai 50 ml", "Chai 100 ml"),
           "Tinh dầu chưng cất từ vỏ bưởi Phúc Trạch, dùng dưỡng tóc và xông phòng.", "tinh dầu"),
         T("Nhung hươu Hương Sơn {place}", "III.1", ("Hộp 100 g", "Hộp 200 g"),
           "Nhung hươu nuôi tại Hương Sơn, sơ chế và sấy theo quy trình được kiểm soát.", "nhung hươu"),
         _RICE_WINE, _RATTAN,
         T("Bánh đa vừng {place}", "I.3.b", ("Gói 10 chiếc", "Gói 20 chiếc"),
           "Bánh đa tráng từ gạo tẻ và vừng đen, phơi nắng, nướng than hoa.", "bánh đa")),
    ),
    ProvinceSpec(
        "TH", "Thanh Hóa", "Thanh Hóa", "28", "0237", 19,
        {"Hậu Lộc": ("Ngư Lộc", "Đa Lộc", "Hòa Lộc", "Minh Lộc"),
         "Hoằng Hóa": ("Hoằng Phụ", "Hoằng Trường", "Hoằng Thanh"),
         "Quảng Xương": ("Quảng Nham", "Quảng Thạch"),
         "Nga Sơn": ("Nga Liên", "Nga Thanh", "Nga Tân"),
         "Thọ Xuân": ("Xuân Lập", "Thọ Hải"),
         "Như Thanh": ("Xuân Phúc", "Hải Long"),
         "Thường Xuân": ("Xuân Dương", "Vạn Xuân", "Lương Sơn"),
         "Bá Thước": ("Lũng Niêm", "Thành Lâm"),
         "Thiệu Hóa": ("Thiệu Trung", "Thiệu Giao"),
         "Vĩnh Lộc": ("Vĩnh Long", "Vĩnh Hùng"),
         "Thành phố Sầm Sơn": ("Quảng Tiến", "Trung Sơn")},
        (T("Nem chua {place}", "I.3.d", ("Túi 10 chiếc", "Túi 20 chiếc"),
           "Nem chua từ thịt lợn nạc, bì và thính gạo, gói lá chuối, lên men tự nhiên ba ngày.", "nem chua"),
         T("Mắm tép {place}", "I.4.a", ("Hũ 300 g", "Hũ 500 g"),
           "Mắm tép đồng chưng thịt, ủ chín bằng thính gạo rang.", "mắm tép"),
         _FISH_SAUCE, _SHRIMP_PASTE,
         T("Chè lam {place}", "I.3.b", ("Gói 250 g", "Hộp 500 g"),
           "Chè lam từ gạo nếp rang, mật mía, gừng và lạc, dẻo thơm theo công thức làng nghề.", "chè lam"),
         T("Bánh gai {place}", "I.3.b", ("Túi 10 chiếc", "Hộp 20 chiếc"),
           "Bánh gai lá gai tươi, nhân đỗ xanh, dừa, mỡ và vừng, gói lá chuối khô.", "bánh gai"),
         T("Chiếu cói {place}", "IV.1", ("Chiếu 1,6 m", "Chiếu 1,8 m"),
           "Chiếu dệt từ cói Nga Sơn, sợi chẻ nhỏ, nhuộm màu tự nhiên.", "chiếu cói"),
         T("Thảm cói {place}", "IV.1", ("Thảm 60 x 90 cm", "Thảm 1,2 x 1,8 m"),
           "Thảm cói đan tay, bền, thoáng, dùng trải sàn và trang trí.", "thảm cói"),
         T("Quế Thường Xuân {place}", "I.4.b", ("Gói 200 g", "Bó 1 kg"),
           "Vỏ quế rừng Thường Xuân bóc theo mùa, phơi khô, giàu tinh dầu.", "quế"),
         _RICE_WINE, _RICE,
         T("Chả tôm {place}", "I.3.d", ("Hộp 10 chiếc", "Hộp 20 chiếc"),
           "Chả tôm từ tôm biển tươi giã tay, nướng than rồi hấp, đóng hộp cấp đông.", "chả tôm")),
    ),
    ProvinceSpec(
        "SL", "Sơn La", "Sơn La", "55", "0212", 17,
        {"Mộc Châu": ("Chiềng Sơn", "Tân Lập", "Đông Sang", "Phiêng Luông"),
         "Vân Hồ": ("Chiềng Yên", "Vân Hồ", "Lóng Luông"),
         "Mai Sơn": ("Cò Nòi", "Chiềng Mung", "Nà Bó"),
         "Yên Châu": ("Chiềng Hặc", "Chiềng Đông", "Viêng Lán"),
         "Thuận Châu": ("Phổng Lái", "Chiềng Pha"),
         "Bắc Yên": ("Tà Xùa", "Hang Chú", "Xím Vàng"),
         "Phù Yên": ("Gia Phù", "Mường Cơi"),
         "Sông Mã": ("Chiềng Khương", "Nà Nghịu"),
         "Thành phố Sơn La": ("Chiềng Cơi", "Chiềng Ngần")},
        (T("Chè Shan tuyết {place}", "I.5.a", ("Gói 100 g", "Hộp 200 g", "Hộp 500 g"),
           "Chè từ cây Shan tuyết cổ thụ trên núi cao, búp phủ lông trắng, sao thủ công, hương núi rừng.",
           "chè Shan tuyết"),
         T("Cà phê Arabica {place}", "I.6", ("Gói 250 g", "Gói 500 g", "Túi 1 kg"),
           "Cà phê Arabica trồng ở độ cao trên 600 m, chế biến ướt, rang mộc.", "cà phê"),
         T("Xoài tròn Yên Châu {place}", "I.1.a", ("Hộp 2 kg", "Thùng 5 kg"),
           "Xoài tròn quả nhỏ, thơm đậm, vị ngọt xen chua nhẹ, chín vào tháng năm.", "xoài"),
         T("Mận hậu {place}", "I.1.a", ("Hộp 2 kg", "Thùng 5 kg"),
           "Mận hậu vùng cao nguyên, quả giòn, ngọt, thu hoạch tháng năm đến tháng bảy.", "mận"),
         T("Sữa chua nếp cẩm {place}", "I.3.d", ("Lốc 4 hộp 100 g", "Thùng 48 hộp 100 g"),
           "Sữa chua từ sữa bò tươi Mộc Châu với nếp cẩm ủ men.", "sữa chua"),
         T("Thịt trâu gác bếp {place}", "I.3.d", ("Gói 250 g", "Gói 500 g"),
           "Thịt trâu tẩm mắc khén, hạt dổi, hun khói trên gác bếp theo cách người Thái.",
           "thịt trâu gác bếp"),
         T("Măng khô {place}", "I.3.c", ("Gói 500 g", "Túi 1 kg"),
           "Măng rừng luộc kỹ, phơi khô tự nhiên, không lưu huỳnh.", "măng khô"),
         _HONEY,
         T("Rượu ngô {place}", "II.1.a", ("Chai 500 ml", "Bình 2 lít"),
           "Rượu ngô men lá của đồng bào Mông, chưng cất bằng nồi đồng.", "rượu ngô"),
         T("Khăn piêu {place}", "IV.2", ("Khăn 40 x 150 cm",),
           "Khăn piêu thêu tay hoa văn truyền thống của phụ nữ Thái.", "khăn piêu"),
         T("Hạt mắc ca {place}", "I.2.a", ("Túi 500 g", "Hộp 1 kg"),
           "Hạt mắc ca nứt vỏ, sấy nhiệt độ thấp, béo và bùi.", "mắc ca"),
         T("Nhãn sấy {place}", "I.3.c", ("Gói 500 g", "Túi 1 kg"),
           "Long nhãn sấy từ nhãn chín cây, tách vỏ bằng tay.", "nhãn sấy"),
         T("Du lịch cộng đồng bản {place}", "VI", (),
           "Trải nghiệm ở nhà sàn, ẩm thực Thái và đêm xòe cùng người dân bản.", "du lịch cộng đồng")),
    ),
    ProvinceSpec(
        "VP", "Vĩnh Phúc", "Phú Thọ", "25", "0211", 12,
        {"Tam Đảo": ("Đại Đình", "Hồ Sơn", "Tam Quan"),
         "Tam Dương": ("Hợp Hòa", "Kim Long"),
         "Lập Thạch": ("Triệu Đề", "Sơn Đông"),
         "Sông Lô": ("Lãng Công", "Đồng Thịnh"),
         "Vĩnh Tường": ("Lũng Hòa", "Tân Phú"),
         "Yên Lạc": ("Đồng Cương", "Minh Tân"),
         "Bình Xuyên": ("Hương Canh", "Thiện Kế"),
         "Thành phố Phúc Yên": ("Ngọc Thanh", "Cao Minh")},
        (T("Su su Tam Đảo {place}", "I.1.a", ("Túi 1 kg", "Thùng 5 kg"),
           "Su su trồng trên sườn núi Tam Đảo mát quanh năm, quả non giòn ngọt.", "su su"),
         T("Gốm Hương Canh {place}", "IV.1", ("Bình 30 cm", "Bộ ấm chén"),
           "Gốm sành nâu nung củi của làng nghề Hương Canh, mộc, không men chì.", "gốm"),
         _RATTAN,
         T("Trà hoa vàng Tam Đảo {place}", "I.5.b", ("Hộp 50 g", "Hộp 100 g"),
           "Hoa trà vàng sấy lạnh, pha nước vàng sánh, vị ngọt hậu.", "trà hoa vàng"),
         _HONEY,
         T("Thanh long ruột đỏ {place}", "I.1.a", ("Thùng 5 kg",), "Thanh long ruột đỏ trồng theo VietGAP.",
           "thanh long"),
         _RICE,
         T("Rượu men lá {place}", "II.1.a", ("Chai 500 ml",), "Rượu gạo nếp men lá rừng Tam Đảo.", "rượu")),
    ),
    ProvinceSpec(
        "PT", "Phú Thọ", "Phú Thọ", "26", "0210", 9,
        {"Đoan Hùng": ("Chí Đám", "Bằng Luân", "Vân Du"),
         "Thanh Sơn": ("Thục Luyện", "Tất Thắng"),
         "Tân Sơn": ("Minh Đài", "Kim Thượng"),
         "Cẩm Khê": ("Sai Nga", "Tạ Xá"),
         "Hạ Hòa": ("Ấm Hạ", "Gia Điền"),
         "Thanh Thủy": ("Đào Xá", "Bảo Yên"),
         "Thành phố Việt Trì": ("Tân Dân", "Hy Cương")},
        (T("Bưởi Đoan Hùng {place}", "I.1.a", ("Quả 1 kg", "Hộp 2 quả"),
           "Bưởi Sửu, bưởi Bằng Luân vỏ mỏng, tép vàng, ngọt mát.", "bưởi"),
         T("Chè xanh {place}", "I.5.a", ("Gói 200 g", "Hộp 500 g"), "Chè trung du sao sấy thủ công.", "chè"),
         T("Thịt chua Thanh Sơn {place}", "I.3.d", ("Hộp 10 ống", "Hộp 20 ống"),
           "Thịt lợn lên men với thính gạo và lá ổi trong ống nứa, món của người Mường.", "thịt chua"),
         T("Nón lá {place}", "IV.1", ("Nón trẻ em", "Nón người lớn"), "Nón lá cọ khâu tay nhiều lớp.",
           "nón lá"),
         T("Miến dong {place}", "I.3.c", ("Gói 500 g", "Gói 1 kg"),
           "Miến từ tinh bột dong riềng, phơi nắng, dai và không hóa chất.", "miến dong"),
         _HONEY, _RICE_WINE),
    ),
    ProvinceSpec(
        "HB", "Hòa Bình", "Phú Thọ", "54", "0218", 6,
        {"Cao Phong": ("Bắc Phong", "Tây Phong", "Thu Phong"),
         "Mai Châu": ("Chiềng Châu", "Bản Lác", "Vạn Mai"),
         "Lạc Sơn": ("Ân Nghĩa", "Văn Sơn"),
         "Tân Lạc": ("Mãn Đức", "Phong Phú")},
        (T("Cam Cao Phong {place}", "I.1.a", ("Túi 3 kg", "Thùng 10 kg"),
           "Cam Cao Phong quả tròn, vỏ mỏng, mọng nước, đạt chỉ dẫn địa lý.", "cam"),
         T("Rượu cần {place}", "II.1.b", ("Bình 2 lít", "Bình 5 lít"),
           "Rượu cần men lá của người Mường, uống bằng cần trúc.", "rượu cần"),
         T("Thổ cẩm Mai Châu {place}", "IV.2", ("Khăn choàng", "Túi xách"), "Thổ cẩm dệt tay của người Thái.",
           "thổ cẩm"),
         _HONEY),
    ),
    ProvinceSpec(
        "NA", "Nghệ An", "Nghệ An", "29", "0238", 7,
        {"Nam Đàn": ("Nam Giang", "Kim Liên", "Nam Nghĩa"),
         "Thanh Chương": ("Thanh Mỹ", "Thanh Đồng"),
         "Quỳnh Lưu": ("Quỳnh Dị", "Quỳnh Bảng"),
         "Quế Phong": ("Tiền Phong", "Châu Kim")},
        (T("Tương Nam Đàn {place}", "I.4.a", ("Chai 500 ml", "Chai 1 lít"),
           "Tương từ đậu nành rang, gạo nếp và muối, phơi chum sành ba tháng.", "tương"),
         T("Nhút Thanh Chương {place}", "I.3.c", ("Hũ 500 g",), "Nhút mít muối chua với gừng, ớt, sả.",
           "nhút"),
         T("Kẹo lạc {place}", "I.3.c", ("Gói 200 g", "Hộp 400 g"), "Kẹo lạc mạch nha, giòn, ít ngọt.",
           "kẹo lạc"),
         _FISH_SAUCE,
         T("Trà hoa vàng Quế Phong {place}", "I.5.b", ("Hộp 50 g",), "Hoa trà vàng rừng Quế Phong sấy lạnh.",
           "trà hoa vàng")),
    ),
    ProvinceSpec(
        "QN", "Quảng Ninh", "Quảng Ninh", "57", "0203", 5,
        {"Thành phố Hạ Long": ("Hà Phong", "Hùng Thắng"),
         "Vân Đồn": ("Quan Lạn", "Minh Châu", "Đông Xá"),
         "Bình Liêu": ("Đồng Văn", "Hoành Mô"),
         "Ba Chẽ": ("Thanh Sơn", "Đạp Thanh")},
        (T("Chả mực Hạ Long {place}", "I.3.d", ("Gói 500 g", "Gói 1 kg"),
           "Chả mực giã tay từ mực tươi vùng vịnh, chiên vàng, cấp đông ngay.", "chả mực"),
         T("Sá sùng khô {place}", "I.3.d", ("Gói 100 g", "Gói 200 g"), "Sá sùng phơi khô, rang thơm.",
           "sá sùng"),
         T("Rượu ba kích {place}", "II.1.b", ("Chai 500 ml",), "Rượu ngâm ba kích tím rừng.", "rượu ba kích"),
         T("Miến dong Bình Liêu {place}", "I.3.c", ("Gói 500 g",), "Miến dong sợi nhỏ, dai.", "miến dong"),
         T("Trà hoa vàng Ba Chẽ {place}", "I.5.b", ("Hộp 50 g", "Hộp 100 g"), "Trà hoa vàng Ba Chẽ.",
           "trà hoa vàng")),
    ),
    ProvinceSpec(
        "HUE", "Thừa Thiên Huế", "Huế", "33", "0234", 5,
        {"Phú Vang": ("Thuận An", "Phú Thuận"),
         "Quảng Điền": ("Quảng Thành", "Quảng Phú"),
         "Hương Thủy": ("Thủy Thanh", "Thủy Bằng"),
         "Phong Điền": ("Phong Hòa", "Điền Hương")},
        (T("Nón lá {place}", "IV.1", ("Nón bài thơ", "Nón lá trơn"), "Nón lá bài thơ Huế, lá non, vành tre.",
           "nón lá"),
         T("Mè xửng {place}", "I.3.b", ("Hộp 200 g", "Hộp 400 g"), "Mè xửng dẻo với mạch nha, đậu phộng, mè.",
           "mè xửng"),
         T("Tinh dầu tràm {place}", "III.3", ("Chai 50 ml", "Chai 100 ml"),
           "Tinh dầu tràm gió chưng cất, giữ ấm cho trẻ nhỏ.", "tinh dầu tràm"),
         _FISH_SAUCE),
    ),
    ProvinceSpec(
        "TN", "Thái Nguyên", "Thái Nguyên", "46", "0208", 4,
        {"Thành phố Thái Nguyên": ("Tân Cương", "Phúc Xuân", "Phúc Trìu"),
         "Đại Từ": ("La Bằng", "Hoàng Nông"),
         "Định Hóa": ("Phú Đình", "Bảo Cường")},
        (T("Chè Tân Cương {place}", "I.5.a", ("Gói 200 g", "Hộp 500 g"),
           "Chè móc câu sao chảo gang, nước xanh, hương cốm, vị chát dịu.", "chè"),
         T("Bánh chưng {place}", "I.3.b", ("Chiếc 1 kg",), "Bánh chưng gạo nếp nương.", "bánh chưng")),
    ),
)

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
          "Lò", "Cầm", "Hà", "Đinh", "Thái", "Lưu", "Trịnh")
MIDDLE = ("Văn", "Thị", "Đình", "Xuân", "Hữu", "Ngọc", "Minh", "Thanh", "Quốc", "Thu")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hằng", "Hoa", "Hùng", "Hương", "Lan", "Long", "Mai",
         "Nam", "Nga", "Phương", "Quang", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn", "Yến", "Chinh",
         "Lâm", "Lợi", "Nhung", "Khánh", "Vinh")
VILLAGE_WORDS = ("Thôn", "Xóm", "Tổ dân phố", "Bản")
ENTERPRISE_BRANDS = ("Nông sản sạch {place}", "Thực phẩm {place}", "Thương mại và Dịch vụ {place}",
                     "Đặc sản {place}", "Phát triển nông nghiệp {place}", "OCOP {place}")
REVOCATION_REASONS = (
    "Vi phạm quy định về an toàn thực phẩm (mẫu kiểm nghiệm không đạt chỉ tiêu vi sinh)",
    "Không duy trì quy trình sản xuất như hồ sơ đã được công nhận",
    "Không có hồ sơ truy xuất nguồn gốc nguyên liệu",
    "Chủ thể ngừng sản xuất, kinh doanh sản phẩm",
    "Sử dụng nhãn, bao bì không đúng với sản phẩm đã được công nhận",
)
# The 2019 programme's group names, as records from 2019-2022 may carry them instead of a code.
LEGACY_BY_GROUP = {"I": ("food", "Thực phẩm"), "II": ("drink", "Đồ uống"), "III": ("herbs", "Thảo dược"),
                   "IV.1": ("keepsake", "Lưu niệm - nội thất - trang trí"), "IV.2": ("cloth",
                                                                                     "Vải và may mặc"),
                   "VI": ("travel", "Dịch vụ du lịch nông thôn")}
