// The fixed search query mix of the benchmarks: common and rare words,
// phrases, exclusion, OR, field and date filters, an unaccented word.
#ifndef BANTIN_BENCH_QUERY_MIX_H_
#define BANTIN_BENCH_QUERY_MIX_H_

namespace bantin::bench {

inline constexpr const char* kQueryMix[] = {
    "tỉnh ủy",
    "\"tuyên giáo\"",
    "bảo vệ",
    "nông nghiệp",
    "\"hội nghị tổng kết\"",
    "đại hội -covid",
    "lúa OR gạo",
    "du lịch province:\"Quảng Nam\"",
    "province:\"Sóc Trăng\" date:2021",
    "đầu tư date>=2024-01-01",
    "Savannakhet",
    "\"phát triển kinh tế\"",
    "giáo dục OR y tế",
    "chính quyền",
    "nhân dân author:hà",
    "bao",
};

}  // namespace bantin::bench

#endif  // BANTIN_BENCH_QUERY_MIX_H_
