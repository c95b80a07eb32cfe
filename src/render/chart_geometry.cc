#include "render/chart_geometry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace regie::render::chart {
namespace {

constexpr double kPlotHeight = 170;
constexpr double kLeft = 38;  // room for y tick labels
constexpr double kRight = 10;
constexpr double kTop = 16;     // room for the y axis label
constexpr double kBottom = 30;  // x tick labels and the x axis label
constexpr double kLegendRow = 12;
constexpr double kLegendColumn = 150;
constexpr Color kAxis{0.35, 0.35, 0.35};
constexpr Color kGrid{0.85, 0.85, 0.85};

// A tick step of 1, 2 or 5 times a power of ten giving about `ticks` steps.
double NiceStep(double range, int ticks) {
  if (!(range > 0)) return 1;
  const double raw = range / ticks;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * power) return m * power;
  return 10 * power;
}

std::string Number(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

Color Lighter(Color c) { return {0.65 + 0.35 * c.r, 0.65 + 0.35 * c.g, 0.65 + 0.35 * c.b}; }

int LegendRows(const Chart& chart, double width) {
  const int per_row = std::max(1, static_cast<int>((width - kLeft) / kLegendColumn));
  const int n = static_cast<int>(chart.series.size());
  return n == 0 ? 0 : (n + per_row - 1) / per_row;
}

double DataMaxY(const Chart& c) {
  double m = 0;
  if (c.kind == ChartKind::kStackedBars) {
    for (size_t i = 0; i < c.categories.size(); ++i) {
      double sum = 0;
      for (const ChartSeries& s : c.series)
        if (i < s.y.size()) sum += std::max(0.0, s.y[i]);
      m = std::max(m, sum);
    }
    return m;
  }
  for (const ChartSeries& s : c.series) {
    for (double v : s.y) m = std::max(m, v);
    for (double v : s.upper) m = std::max(m, v);
  }
  return m;
}

class Builder {
 public:
  Builder(const Chart& c, double width) : c_(c), width_(width) {
    plot_x_ = kLeft;
    plot_y_ = kTop;
    plot_w_ = width - kLeft - kRight;
    plot_h_ = kPlotHeight;
    y_max_ = c.y_max > 0 ? c.y_max : DataMaxY(c);
    y_step_ = NiceStep(y_max_ > 0 ? y_max_ : 1, 4);
    y_max_ = std::max(y_step_, std::ceil((y_max_ > 0 ? y_max_ : 1) / y_step_ - 1e-9) * y_step_);
    if (c.kind == ChartKind::kSteps) {
      x_max_ = c.x_max;
      if (!(x_max_ > 0))
        for (const ChartSeries& s : c.series)
          for (double v : s.x) x_max_ = std::max(x_max_, v);
      x_step_ = NiceStep(x_max_ > 0 ? x_max_ : 1, 6);
      x_max_ = std::max(x_step_, std::ceil((x_max_ > 0 ? x_max_ : 1) / x_step_ - 1e-9) * x_step_);
    }
  }

  std::vector<Shape> Run() {
    Axes();
    switch (c_.kind) {
      case ChartKind::kSteps:
        Steps();
        break;
      case ChartKind::kLines:
        Lines();
        break;
      case ChartKind::kStackedBars:
        Bars();
        break;
    }
    Frame();
    Legend();
    return std::move(out_);
  }

 private:
  double Y(double v) const {
    return plot_y_ + plot_h_ - std::clamp(v, 0.0, y_max_) / y_max_ * plot_h_;
  }
  double XValue(double v) const { return plot_x_ + std::clamp(v, 0.0, x_max_) / x_max_ * plot_w_; }
  // The centre of category i of n.
  double XCategory(size_t i) const {
    const double n = static_cast<double>(std::max<size_t>(1, c_.categories.size()));
    return plot_x_ + (static_cast<double>(i) + 0.5) * plot_w_ / n;
  }

  void Axes() {
    for (double v = 0; v <= y_max_ + 1e-9; v += y_step_) {
      out_.push_back(Path{
          .points = {{plot_x_, Y(v)}, {plot_x_ + plot_w_, Y(v)}}, .color = kGrid, .width = 0.4});
      out_.push_back(
          Label{.x = plot_x_ - 4, .y = Y(v) + 2.5, .text = Number(v), .anchor = Anchor::kEnd});
    }
    if (!c_.y_label.empty())
      out_.push_back(Label{.x = plot_x_, .y = plot_y_ - 6, .text = c_.y_label});
    const double tick_y = plot_y_ + plot_h_ + 10;
    if (c_.kind == ChartKind::kSteps) {
      for (double v = 0; v <= x_max_ + 1e-9; v += x_step_)
        out_.push_back(
            Label{.x = XValue(v), .y = tick_y, .text = Number(v), .anchor = Anchor::kMiddle});
    } else {
      // Every k-th category label, so they do not overlap.
      const size_t n = c_.categories.size();
      const double room = plot_w_ / static_cast<double>(std::max<size_t>(1, n));
      const size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil(36.0 / room)));
      for (size_t i = 0; i < n; i += every)
        out_.push_back(Label{
            .x = XCategory(i), .y = tick_y, .text = c_.categories[i], .anchor = Anchor::kMiddle});
    }
    if (!c_.x_label.empty())
      out_.push_back(Label{.x = plot_x_ + plot_w_ / 2,
                           .y = tick_y + 12,
                           .text = c_.x_label,
                           .anchor = Anchor::kMiddle});
  }

  void Frame() {
    const double bottom = plot_y_ + plot_h_;
    out_.push_back(
        Path{.points = {{plot_x_, plot_y_}, {plot_x_, bottom}, {plot_x_ + plot_w_, bottom}},
             .color = kAxis,
             .width = 0.7});
  }

  void Steps() {
    for (size_t s = 0; s < c_.series.size(); ++s) {
      const ChartSeries& series = c_.series[s];
      const Color color = SeriesColor(s);
      const size_t n = std::min(series.x.size(), series.y.size());
      if (n == 0) continue;
      if (series.lower.size() == n && series.upper.size() == n) {
        Path band{.color = Lighter(color), .fill = true, .opacity = 0.5};
        for (size_t i = 0; i < n; ++i) {
          const double x1 = i + 1 < n ? series.x[i + 1] : series.x[i];
          band.points.push_back({XValue(series.x[i]), Y(series.upper[i])});
          band.points.push_back({XValue(x1), Y(series.upper[i])});
        }
        for (size_t i = n; i-- > 0;) {
          const double x1 = i + 1 < n ? series.x[i + 1] : series.x[i];
          band.points.push_back({XValue(x1), Y(series.lower[i])});
          band.points.push_back({XValue(series.x[i]), Y(series.lower[i])});
        }
        out_.push_back(std::move(band));
      }
      Path line{.color = color, .width = 1.3};
      for (size_t i = 0; i < n; ++i) {
        if (i > 0) line.points.push_back({XValue(series.x[i]), Y(series.y[i - 1])});
        line.points.push_back({XValue(series.x[i]), Y(series.y[i])});
      }
      out_.push_back(std::move(line));
    }
  }

  void Lines() {
    for (size_t s = 0; s < c_.series.size(); ++s) {
      const ChartSeries& series = c_.series[s];
      const Color color = SeriesColor(s);
      const size_t n = std::min(series.y.size(), c_.categories.size());
      // A value below 0 is a gap (a withheld figure): the line breaks there.
      auto segments = [&](const std::vector<double>& values) {
        std::vector<std::vector<size_t>> runs(1);
        for (size_t i = 0; i < n; ++i) {
          if (values[i] < 0) {
            if (!runs.back().empty()) runs.emplace_back();
          } else {
            runs.back().push_back(i);
          }
        }
        return runs;
      };
      if (series.lower.size() >= n && series.upper.size() >= n) {
        for (const std::vector<size_t>& run : segments(series.y)) {
          if (run.empty()) continue;
          Path band{.color = Lighter(color), .fill = true, .opacity = 0.5};
          const double half = run.size() == 1 ? 3 : 0;
          for (size_t i : run) band.points.push_back({XCategory(i) - half, Y(series.upper[i])});
          if (half > 0) band.points.push_back({XCategory(run[0]) + half, Y(series.upper[run[0]])});
          for (size_t k = run.size(); k-- > 0;)
            band.points.push_back({XCategory(run[k]) + half, Y(series.lower[run[k]])});
          if (half > 0) band.points.push_back({XCategory(run[0]) - half, Y(series.lower[run[0]])});
          out_.push_back(std::move(band));
        }
      }
      for (const std::vector<size_t>& run : segments(series.y)) {
        if (run.empty()) continue;
        Path line{.color = color, .width = 1.3};
        for (size_t i : run) line.points.push_back({XCategory(i), Y(series.y[i])});
        if (run.size() > 1) out_.push_back(line);
        for (size_t i : run)  // a dot per value, so a single value shows too
          out_.push_back(Rect{.x = XCategory(i) - 1.8,
                              .y = Y(series.y[i]) - 1.8,
                              .w = 3.6,
                              .h = 3.6,
                              .color = color});
      }
    }
  }

  void Bars() {
    const size_t n = c_.categories.size();
    const double slot = plot_w_ / static_cast<double>(std::max<size_t>(1, n));
    const double w = slot * 0.6;
    for (size_t i = 0; i < n; ++i) {
      double base = 0;
      for (size_t s = 0; s < c_.series.size(); ++s) {
        const double v = i < c_.series[s].y.size() ? std::max(0.0, c_.series[s].y[i]) : 0;
        if (v <= 0) continue;
        const double top = Y(base + v);
        out_.push_back(Rect{.x = XCategory(i) - w / 2,
                            .y = top,
                            .w = w,
                            .h = Y(base) - top,
                            .color = SeriesColor(s)});
        base += v;
      }
    }
  }

  void Legend() {
    const int per_row = std::max(1, static_cast<int>((width_ - kLeft) / kLegendColumn));
    const double top = plot_y_ + plot_h_ + kBottom + 4;
    for (size_t s = 0; s < c_.series.size(); ++s) {
      const int column = static_cast<int>(s) % per_row;
      const int row = static_cast<int>(s) / per_row;
      const double x = kLeft + kLegendColumn * column;
      const double y = top + kLegendRow * row;
      out_.push_back(Rect{.x = x, .y = y, .w = 8, .h = 8, .color = SeriesColor(s)});
      out_.push_back(Label{.x = x + 12, .y = y + 7, .text = c_.series[s].label});
    }
  }

  const Chart& c_;
  double width_;
  double plot_x_ = 0, plot_y_ = 0, plot_w_ = 0, plot_h_ = 0;
  double y_max_ = 1, y_step_ = 1, x_max_ = 1, x_step_ = 1;
  std::vector<Shape> out_;
};

}  // namespace

Color SeriesColor(size_t index) {
  static constexpr Color kPalette[] = {
      {0.000, 0.447, 0.698},  // blue
      {0.902, 0.624, 0.000},  // orange
      {0.000, 0.620, 0.451},  // bluish green
      {0.800, 0.475, 0.655},  // reddish purple
      {0.337, 0.706, 0.914},  // sky blue
      {0.835, 0.369, 0.000},  // vermillion
      {0.941, 0.894, 0.259},  // yellow
      {0.500, 0.500, 0.500},  // grey
  };
  return kPalette[index % (sizeof kPalette / sizeof kPalette[0])];
}

double ChartHeight(const Chart& chart, double width) {
  return kTop + kPlotHeight + kBottom + 6 + kLegendRow * LegendRows(chart, width);
}

std::vector<Shape> Layout(const Chart& chart, double width, double /*height*/) {
  return Builder(chart, width).Run();
}

}  // namespace regie::render::chart
