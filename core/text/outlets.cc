#include "bantin/text/outlets.h"

#include "bantin/text/text.h"

namespace bantin {
namespace {

struct Row {
  const char* name;
  const char* province;  // "" for national
  const char* names;     // other names and abbreviations, |-separated; ~ marks a weak one
  const char* domains;   // |-separated
};

// National outlets first, then city and provincial papers whose names do not
// already say their province.
constexpr Row kRows[] = {
    {"Thông tấn xã Việt Nam", "", "TTXVN|Thông tấn xã|Báo Tin tức|~Tin tức", "vnanet.vn|baotintuc.vn"},
    {"VietnamPlus", "", "Vietnam+|TTXVN (VietnamPlus)", "vietnamplus.vn"},
    {"Nhân Dân", "", "Báo Nhân Dân|ND", "nhandan.vn|nhandan.com.vn|nhandan.org.vn"},
    {"Quân đội nhân dân", "", "QĐND|QĐND Online|Báo Quân đội nhân dân", "qdnd.vn"},
    {"Công an nhân dân", "", "CAND|Báo Công an nhân dân", "cand.com.vn|cand.vn"},
    {"Báo Chính phủ", "", "Chinhphu.vn|Cổng TTĐT Chính phủ|Chính phủ|Baochinhphu.vn", "chinhphu.vn|baochinhphu.vn"},
    {"Đảng Cộng sản Việt Nam", "", "Dangcongsan.vn|Báo điện tử Đảng Cộng sản Việt Nam",
     "dangcongsan.vn|dangcongsan.org.vn"},
    {"Tạp chí Cộng sản", "", "", "tapchicongsan.org.vn"},
    {"VOV", "", "VOV.VN|Đài Tiếng nói Việt Nam|VOV Online", "vov.vn"},
    {"VTV", "", "VTV News|Đài Truyền hình Việt Nam|VTV.vn", "vtv.vn"},
    {"VnExpress", "", "VnExpress.net", "vnexpress.net"},
    {"Tuổi Trẻ", "", "Tuổi Trẻ Online|TTO|Tuoitre.vn", "tuoitre.vn|tuoitre.com.vn"},
    {"Thanh Niên", "", "Thanh Niên Online|TNO|Thanhnien.vn", "thanhnien.vn|thanhnien.com.vn"},
    {"Dân trí", "", "Dantri.com.vn|Báo Dân trí", "dantri.com.vn|dantri.vn"},
    {"Lao Động", "", "Báo Lao Động|LĐO|Laodong.vn", "laodong.vn|laodong.com.vn"},
    {"Tiền Phong", "", "TPO|Báo Tiền Phong", "tienphong.vn"},
    {"VietNamNet", "", "Vietnamnet.vn|VNN", "vietnamnet.vn"},
    {"Zing", "", "Zing.vn|Zing News|Znews|Tri thức trực tuyến", "zing.vn|zingnews.vn|znews.vn"},
    {"Dân Việt", "", "Danviet.vn", "danviet.vn"},
    {"Biên Phòng", "", "Báo Biên Phòng|Bienphong.com.vn", "bienphong.com.vn"},
    {"Pháp Luật Việt Nam", "", "Pháp Luật VN|PLVN|Báo Pháp luật Việt Nam", "baophapluat.vn|phapluatvn.vn"},
    {"Công Lý", "", "Báo Công lý", "congly.vn"},
    {"Đời sống & Pháp luật", "", "ĐS&PL|Đời sống và Pháp luật", "doisongphapluat.com|doisongphapluat.com.vn"},
    {"Sức khỏe & Đời sống", "", "SK&ĐS|Sức khỏe và Đời sống", "suckhoedoisong.vn"},
    {"Báo Giao thông", "", "~Giao thông|Baogiaothong.vn", "baogiaothong.vn"},
    {"Thể thao & Văn hóa", "", "TT&VH|Thể thao và Văn hóa", "thethaovanhoa.vn"},
    {"Thể Thao Việt Nam", "", "Thể Thao VN", "thethaovietnam.vn"},
    {"Đầu tư Chứng khoán", "", "ĐTCK|Tin nhanh Chứng khoán", "tinnhanhchungkhoan.vn"},
    {"Báo Đầu tư", "", "~Đầu tư|Baodautu.vn", "baodautu.vn"},
    {"Nhịp cầu Đầu tư", "", "NCĐT", "nhipcaudautu.vn"},
    {"NDH", "", "", "ndh.vn"},
    {"Thời báo Tài chính Việt Nam", "", "~Tài Chính|Thời báo Tài chính", "thoibaotaichinhvietnam.vn"},
    {"Báo Hải quan", "", "~Hải Quan", "haiquanonline.com.vn"},
    {"VnEconomy", "", "Thời báo Kinh tế Việt Nam", "vneconomy.vn"},
    {"CafeF", "", "", "cafef.vn"},
    {"CafeBiz", "", "", "cafebiz.vn"},
    {"Kenh14", "", "Kênh 14", "kenh14.vn"},
    {"Soha", "", "Soha.vn", "soha.vn"},
    {"GenK", "", "", "genk.vn"},
    {"24h", "", "24h.com.vn", "24h.com.vn"},
    {"VTC News", "", "VTC", "vtc.vn"},
    {"Báo Mới", "", "Baomoi.com|Baomoi", "baomoi.com"},
    {"Gia đình & Xã hội", "", "Gia đình và Xã hội|Giadinh.net.vn|GĐ&XH", "giadinh.net.vn|giadinh.suckhoedoisong.vn"},
    {"Afamily", "", "aFamily|Afamily.vn", "afamily.vn"},
    {"Người Đưa Tin", "", "Nguoiduatin.vn", "nguoiduatin.vn"},
    {"Ngôi Sao", "", "Ngoisao.net", "ngoisao.net|ngoisao.vn"},
    {"Giáo dục Việt Nam", "", "Giáo dục VN|Giaoduc.net.vn", "giaoduc.net.vn"},
    {"Đất Việt", "", "Báo Đất Việt|Baodatviet.vn", "baodatviet.vn"},
    {"Infonet", "", "Infonet.vn", "infonet.vn|infonet.vietnamnet.vn"},
    {"Kiến Thức", "", "Kienthuc.net.vn", "kienthuc.net.vn"},
    {"VietQ", "", "VietQ.vn", "vietq.vn"},
    {"Eva", "", "Eva.vn", "eva.vn"},
    {"ICTnews", "", "ICT News", "ictnews.vn|ictnews.vietnamnet.vn"},
    {"Đại Đoàn Kết", "", "Báo Đại Đoàn Kết", "daidoanket.vn"},
    {"Phụ nữ Việt Nam", "", "Báo Phụ nữ Việt Nam", "phunuvietnam.vn"},
    {"Báo Công Thương", "", "~Công Thương", "congthuong.vn"},
    {"Báo Xây dựng", "", "~Xây dựng", "baoxaydung.com.vn"},
    {"Báo Thanh tra", "", "~Thanh tra", "thanhtra.com.vn"},
    {"Báo Quốc tế", "", "Thế giới & Việt Nam", "baoquocte.vn"},
    {"Tài nguyên & Môi trường", "", "Báo Tài nguyên và Môi trường", "baotainguyenmoitruong.vn"},
    {"Bnews", "", "Bnews.vn", "bnews.vn"},
    {"Bóng Đá", "", "Bongda.com.vn", "bongda.com.vn"},
    {"Trí Thức Trẻ", "", "Trí thức trẻ|TTVN", "ttvn.vn"},
    {"Báo Văn hóa", "", "~Văn hóa", "baovanhoa.vn"},
    {"Nông nghiệp Việt Nam", "", "Nông nghiệp VN|NNVN", "nongnghiep.vn"},
    {"Khoa học & Phát triển", "", "KH&PT", "khoahocphattrien.vn"},
    {"Giáo dục & Thời đại", "", "GD&TĐ|Giáo dục và Thời đại", "giaoducthoidai.vn"},
    {"Người Lao Động", "Hồ Chí Minh", "NLĐ|Báo Người Lao Động", "nld.com.vn"},
    {"Sài Gòn Giải Phóng", "Hồ Chí Minh", "SGGP|SGGPO|SGGP Online", "sggp.org.vn"},
    {"Pháp Luật TP.HCM", "Hồ Chí Minh", "PLO|Pháp luật TP Hồ Chí Minh", "plo.vn|phapluattp.vn"},
    {"Công an TP.HCM", "Hồ Chí Minh", "CA TP.HCM|CATP|Công an Thành phố Hồ Chí Minh", "congan.com.vn"},
    {"Sài Gòn Tiếp Thị", "Hồ Chí Minh", "SGTT", "sgtt.vn"},
    {"Thời báo Kinh tế Sài Gòn", "Hồ Chí Minh", "TBKTSG|The Saigon Times|Saigon Times", "thesaigontimes.vn"},
    {"Doanh nhân Sài Gòn", "Hồ Chí Minh", "DNSG|Doanh nhân Sài Gòn Online", "doanhnhansaigon.vn"},
    {"Phụ nữ TP.HCM", "Hồ Chí Minh", "Phụ nữ Online|Báo Phụ nữ", "phunuonline.com.vn"},
    {"VOH", "Hồ Chí Minh", "Đài Tiếng nói Nhân dân TP.HCM", "voh.com.vn"},
    {"HTV", "Hồ Chí Minh", "Đài Truyền hình TP.HCM", "htv.com.vn|htvonline.com.vn"},
    {"Tuổi trẻ Thủ đô", "Hà Nội", "", "tuoitrethudo.com.vn|tuoitrethudo.vn"},
    {"Lao động Thủ đô", "Hà Nội", "", "laodongthudo.vn"},
    {"Thanh Niên Xung Phong", "Hồ Chí Minh", "", ""},
    {"Hà Nội Mới", "Hà Nội", "HNM|HNMO|Hànộimới", "hanoimoi.com.vn|hanoimoi.vn"},
    {"Kinh tế & Đô thị", "Hà Nội", "KTĐT|Kinh tế và Đô thị", "kinhtedothi.vn"},
    {"An ninh Thủ đô", "Hà Nội", "ANTĐ|ANTD", "anninhthudo.vn"},
    {"Huế Ngày Nay", "Thừa Thiên Huế", "HNN", "huengaynay.vn"},
    {"Cần Thơ Online", "Cần Thơ", "Báo Cần Thơ", "baocantho.com.vn"},
};

const std::vector<Outlet>& Outlets() {
  static const std::vector<Outlet> outlets = [] {
    std::vector<Outlet> v;
    for (const Row& r : kRows) {
      Outlet o{r.name, r.province, {FilterKey(r.name)}, {}, SplitBars(r.domains)};
      for (const std::string& n : SplitBars(r.names)) {
        if (n[0] == '~')
          o.weak_names.push_back(FilterKey(n.substr(1)));
        else
          o.names.push_back(FilterKey(n));
      }
      v.push_back(std::move(o));
    }
    return v;
  }();
  return outlets;
}

}  // namespace

const Outlet* OutletNamed(std::string_view text, bool weak) {
  if (text.size() > 80) return nullptr;
  const std::string key = FilterKey(text);
  if (key.empty()) return nullptr;
  for (const Outlet& o : Outlets()) {
    for (const std::string& n : o.names)
      if (n == key) return &o;
    if (weak)
      for (const std::string& n : o.weak_names)
        if (n == key) return &o;
  }
  return nullptr;
}

const Outlet* OutletOfDomain(std::string_view domain) {
  std::string host = FoldCase(domain);
  for (const Outlet& o : Outlets()) {
    for (const std::string& d : o.domains) {
      // The domain itself or a host under it ("www.", "m.", "en.").
      if (host == d || (host.size() > d.size() && host.compare(host.size() - d.size(), d.size(), d) == 0 &&
                        host[host.size() - d.size() - 1] == '.'))
        return &o;
    }
  }
  return nullptr;
}

}  // namespace bantin
