#include "render/pdf_renderer.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <exception>
#include <memory>

#include "render/chart_geometry.h"
#include "render/page_layout.h"

namespace regie::render {
namespace {

using layout::kMarginBottom;
using layout::kMarginTop;
using layout::kMarginX;
using layout::kPageHeight;
using layout::kPageWidth;

constexpr double kFurnitureSize = 8.5;
constexpr double kInk = 0.1;
constexpr double kGreyInk = 0.35;

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct GObjectDeleter {
  void operator()(gpointer o) const { g_object_unref(o); }
};

// Cairo's stream callback: appends to the std::string behind `closure`. No
// exception may cross into C; an allocation failure fails the write.
cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (const std::exception&) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

std::string Replace(std::string text, std::string_view from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// PDF dates as Cairo takes them: "YYYY-MM-DDThh:mm:ssZ".
std::string PdfDate(core::Timestamp t) { return t.ToString().substr(0, 19) + "Z"; }

// A chart's shapes, translated to its box; labels through Pango like all text.
void DrawChart(cairo_t* cr, PangoContext* context, const layout::ChartBox& box) {
  for (const chart::Shape& shape : chart::Layout(*box.chart, box.w, box.h)) {
    if (const auto* p = std::get_if<chart::Path>(&shape)) {
      if (p->points.empty()) continue;
      cairo_set_source_rgba(cr, p->color.r, p->color.g, p->color.b, p->opacity);
      cairo_move_to(cr, box.x + p->points[0].x, box.y + p->points[0].y);
      for (size_t i = 1; i < p->points.size(); ++i)
        cairo_line_to(cr, box.x + p->points[i].x, box.y + p->points[i].y);
      if (p->fill) {
        cairo_close_path(cr);
        cairo_fill(cr);
      } else {
        cairo_set_line_width(cr, p->width);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
      }
    } else if (const auto* r = std::get_if<chart::Rect>(&shape)) {
      cairo_set_source_rgb(cr, r->color.r, r->color.g, r->color.b);
      cairo_rectangle(cr, box.x + r->x, box.y + r->y, r->w, r->h);
      cairo_fill(cr);
    } else if (const auto* l = std::get_if<chart::Label>(&shape)) {
      layout::LayoutPtr text = layout::MakeText(context, l->text, l->size, l->bold, -1);
      int width = 0, height = 0;
      pango_layout_get_size(text.get(), &width, &height);
      const double w = static_cast<double>(width) / PANGO_SCALE;
      const double baseline =
          static_cast<double>(pango_layout_get_baseline(text.get())) / PANGO_SCALE;
      double x = box.x + l->x;
      if (l->anchor == chart::Anchor::kMiddle) x -= w / 2;
      if (l->anchor == chart::Anchor::kEnd) x -= w;
      cairo_set_source_rgb(cr, kInk, kInk, kInk);
      cairo_move_to(cr, x, box.y + l->y - baseline);
      pango_cairo_show_layout(cr, text.get());
    }
  }
}

void DrawOp(cairo_t* cr, PangoContext* context, const layout::Op& op) {
  if (const auto* t = std::get_if<layout::TextLine>(&op)) {
    cairo_set_source_rgb(cr, kInk, kInk, kInk);
    cairo_move_to(cr, t->x, t->baseline);
    pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(t->layout.get(), t->line));
  } else if (const auto* r = std::get_if<layout::Rule>(&op)) {
    cairo_set_source_rgb(cr, kGreyInk, kGreyInk, kGreyInk);
    cairo_set_line_width(cr, r->width);
    cairo_move_to(cr, r->x0, r->y0);
    cairo_line_to(cr, r->x1, r->y1);
    cairo_stroke(cr);
  } else if (const auto* f = std::get_if<layout::Fill>(&op)) {
    cairo_set_source_rgb(cr, f->grey, f->grey, f->grey);
    cairo_rectangle(cr, f->x, f->y, f->w, f->h);
    cairo_fill(cr);
  } else if (const auto* c = std::get_if<layout::ChartBox>(&op)) {
    DrawChart(cr, context, *c);
  }
}

// The one-line text `text` with its top at y; right-aligned at x when `right`.
void DrawFurniture(cairo_t* cr, PangoContext* context, const std::string& text, double x, double y,
                   bool right) {
  if (text.empty()) return;
  layout::LayoutPtr l = layout::MakeText(context, text, kFurnitureSize, false, -1);
  int width = 0, height = 0;
  pango_layout_get_size(l.get(), &width, &height);
  const double w = static_cast<double>(width) / PANGO_SCALE;
  cairo_set_source_rgb(cr, kGreyInk, kGreyInk, kGreyInk);
  cairo_move_to(cr, right ? x - w : x, y);
  pango_cairo_show_layout(cr, l.get());
}

void DrawPage(cairo_t* cr, PangoContext* context, const Document& doc, const layout::Page& page,
              int number, int count) {
  if (!page.title && !doc.header.empty()) {
    DrawFurniture(cr, context, doc.header, kMarginX, kMarginTop - 34, false);
    DrawOp(cr, context,
           layout::Rule{.x0 = kMarginX,
                        .y0 = kMarginTop - 18,
                        .x1 = kPageWidth - kMarginX,
                        .y1 = kMarginTop - 18});
  }
  const double footer_y = kPageHeight - kMarginBottom + 22;
  DrawFurniture(cr, context, doc.footer, kMarginX, footer_y, false);
  std::string label = Replace(doc.page_label, "{page}", std::to_string(number));
  label = Replace(label, "{pages}", std::to_string(count));
  DrawFurniture(cr, context, label, kPageWidth - kMarginX, footer_y, true);
  for (const layout::Op& op : page.ops) DrawOp(cr, context, op);
  cairo_show_page(cr);
}

StatusOr<RenderedPdf> Render(const Document& doc) {
  RenderedPdf out;
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      cairo_pdf_surface_create_for_stream(Append, &out.bytes, kPageWidth, kPageHeight));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return Internal(std::string("pdf surface: ") +
                    cairo_status_to_string(cairo_surface_status(surface.get())));
  const std::string created = PdfDate(doc.metadata.created);
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                 doc.metadata.title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                 doc.metadata.author.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT,
                                 doc.metadata.subject.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR,
                                 doc.metadata.creator.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, created.c_str());

  std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
  // Points everywhere: a 10.5 pt font is 10.5 units on the page.
  std::unique_ptr<PangoContext, GObjectDeleter> context(pango_cairo_create_context(cr.get()));
  pango_cairo_context_set_resolution(context.get(), 72);
  // Metrics independent of the device, so a layout measures the same as it draws.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context.get(), options);
  cairo_font_options_destroy(options);

  const std::vector<layout::Page> pages = layout::Paginate(context.get(), doc);
  const int count = static_cast<int>(pages.size());
  for (int i = 0; i < count; ++i)
    DrawPage(cr.get(), context.get(), doc, pages[static_cast<size_t>(i)], i + 1, count);
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
    return Internal(std::string("pdf drawing: ") + cairo_status_to_string(cairo_status(cr.get())));
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return Internal(std::string("pdf output: ") +
                    cairo_status_to_string(cairo_surface_status(surface.get())));
  out.pages = count;
  return out;
}

}  // namespace

StatusOr<RenderedPdf> RenderPdf(const Document& document) {
  try {
    return Render(document);
  } catch (const std::exception& e) {
    return Internal(std::string("pdf rendering failed: ") + e.what());
  }
}

}  // namespace regie::render
